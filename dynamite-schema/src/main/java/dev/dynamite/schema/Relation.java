package dev.dynamite.schema;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One relation declared on a model field, as its annotation gives it.
 *
 * @param kind which annotation declared it
 * @param field the Java field that holds the related item(s)
 * @param model the related model class
 * @param foreignKey for HasMany/HasOne a field of {@code model}; for BelongsTo a field of {@code model}; for
 *     ManyToMany the pivot attribute holding the declaring item's key
 * @param localKey the declaring model's field the relation joins on
 * @param pivotTable the pivot table name as written (ManyToMany only)
 * @param relatedKey the pivot attribute holding the related item's key (ManyToMany only)
 * @param relatedPK the related model's field stored in {@code relatedKey} (ManyToMany only)
 */
public record Relation(RelationKind kind, String field, Class<?> model, String foreignKey, String localKey,
                       @Nullable String pivotTable, @Nullable String relatedKey, @Nullable String relatedPK) {
    /**
     * Checks the required components.
     *
     * @param kind which annotation declared it
     * @param field the Java field that holds the related item(s)
     * @param model the related model class
     * @param foreignKey for HasMany/HasOne/BelongsTo a field of {@code model}; for ManyToMany the pivot attribute
     *     holding the declaring item's key
     * @param localKey the declaring model's field the relation joins on
     * @param pivotTable the pivot table name as written (ManyToMany only)
     * @param relatedKey the pivot attribute holding the related item's key (ManyToMany only)
     * @param relatedPK the related model's field stored in {@code relatedKey} (ManyToMany only)
     */
    public Relation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(foreignKey, "foreignKey");
        Objects.requireNonNull(localKey, "localKey");
    }
}
