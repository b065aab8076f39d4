package dev.dynamite.core.internal.write;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the write path knows of a model: its class (for errors and transactions), its table, its partition key
 * attribute (whose presence says whether the item exists) and the attributes Dynamite manages. Built by the model
 * runtime from its metadata, or by hand in a test.
 *
 * @param type the model class, or null for a pivot table (which has none)
 * @param table the table name, prefix included
 * @param partitionAttribute the partition key attribute
 * @param versionAttribute the {@code @Version} attribute, or null
 * @param createdAtAttribute the {@code @CreatedAt} attribute, or null
 * @param updatedAtAttribute the {@code @UpdatedAt} attribute, or null
 * @param deleteAtAttribute the {@code @DeleteAt} attribute, or null
 */
public record WriteModel(@Nullable Class<?> type, String table, String partitionAttribute,
                         @Nullable String versionAttribute, @Nullable String createdAtAttribute,
                         @Nullable String updatedAtAttribute, @Nullable String deleteAtAttribute) {
    /** Checks the required parts. */
    public WriteModel {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partitionAttribute, "partitionAttribute");
    }
}
