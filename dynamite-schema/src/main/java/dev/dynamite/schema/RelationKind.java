package dev.dynamite.schema;

/** The kinds of relation a model field can declare. */
public enum RelationKind {
    /** {@code @HasMany}: a list of related items holding this item's key. */
    HAS_MANY,
    /** {@code @HasOne}: one related item holding this item's key. */
    HAS_ONE,
    /** {@code @BelongsTo}: the parent item whose key this item holds. */
    BELONGS_TO,
    /** {@code @ManyToMany}: related items linked through a pivot table. */
    MANY_TO_MANY
}
