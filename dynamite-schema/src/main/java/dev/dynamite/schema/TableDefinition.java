package dev.dynamite.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table as Dynamite wants it: name (prefix included), keys and global secondary indexes; billing is always
 * {@code PAY_PER_REQUEST}.
 *
 * @param name the full table name
 * @param model the model stored in it, or {@code null} for a many-to-many pivot table
 * @param partitionKey the HASH key
 * @param sortKey the RANGE key, or {@code null}
 * @param indexes the global secondary indexes, in the order they are numbered
 */
public record TableDefinition(String name, @Nullable Class<?> model, KeyAttribute partitionKey,
                              @Nullable KeyAttribute sortKey, List<IndexDefinition> indexes) {
    /**
     * Checks the required components and copies the index list.
     *
     * @param name the full table name
     * @param model the model stored in it, or {@code null} for a many-to-many pivot table
     * @param partitionKey the HASH key
     * @param sortKey the RANGE key, or {@code null}
     * @param indexes the global secondary indexes, in the order they are numbered
     */
    public TableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        indexes = List.copyOf(indexes);
    }

    /**
     * Returns the sort key, if the table has one.
     *
     * @return the RANGE key, or empty
     */
    public Optional<KeyAttribute> rangeKey() {
        return Optional.ofNullable(sortKey);
    }

    @Override
    public String toString() {
        return name + " [HASH " + partitionKey + (sortKey == null ? "" : ", RANGE " + sortKey) + "]"
                + (indexes.isEmpty() ? "" : " " + indexes);
    }
}
