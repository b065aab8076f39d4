package dev.dynamite.schema.internal.members;

/**
 * Dynamite's annotations as bits, so that {@link Member#has(int)} tells which a field carries without naming their
 * classes: the runtime then loads only the annotation types a model uses (each class a cold JVM loads costs a
 * fraction of a millisecond). The constants are compile-time constants, inlined where they are used, so this class is
 * never loaded; {@link Member#marksOf} reads the bits of annotations.
 */
public final class Marks {
    /** {@code @PrimaryKey}. */
    public static final int PRIMARY_KEY = 1 << 0;
    /** {@code @Index}. */
    public static final int INDEX = 1 << 1;
    /** {@code @IndexSort}. */
    public static final int INDEX_SORT = 1 << 2;
    /** {@code @Name}. */
    public static final int NAME = 1 << 3;
    /** {@code @NonAttribute}. */
    public static final int NON_ATTRIBUTE = 1 << 4;
    /** {@code @HasMany}. */
    public static final int HAS_MANY = 1 << 5;
    /** {@code @HasOne}. */
    public static final int HAS_ONE = 1 << 6;
    /** {@code @BelongsTo}. */
    public static final int BELONGS_TO = 1 << 7;
    /** {@code @ManyToMany}. */
    public static final int MANY_TO_MANY = 1 << 8;
    /** {@code @Codec}. */
    public static final int CODEC = 1 << 9;
    /** {@code @CreatedAt}. */
    public static final int CREATED_AT = 1 << 10;
    /** {@code @UpdatedAt}. */
    public static final int UPDATED_AT = 1 << 11;
    /** {@code @DeleteAt}. */
    public static final int DELETE_AT = 1 << 12;
    /** {@code @Version}. */
    public static final int VERSION = 1 << 13;
    /** {@code @Default}. */
    public static final int DEFAULT = 1 << 14;
    /** {@code @Set}. */
    public static final int SET = 1 << 15;
    /** {@code @Mutate}. */
    public static final int MUTATE = 1 << 16;
    /** {@code @Get}. */
    public static final int GET = 1 << 17;
    /** {@code @Validate}. */
    public static final int VALIDATE = 1 << 18;
    /** {@code @NotNull}. */
    public static final int NOT_NULL = 1 << 19;
    /** {@code @BeforeCreate}. */
    public static final int BEFORE_CREATE = 1 << 20;
    /** {@code @AfterCreate}. */
    public static final int AFTER_CREATE = 1 << 21;
    /** {@code @BeforeUpdate}. */
    public static final int BEFORE_UPDATE = 1 << 22;
    /** {@code @AfterUpdate}. */
    public static final int AFTER_UPDATE = 1 << 23;
    /** {@code @BeforeDestroy}. */
    public static final int BEFORE_DESTROY = 1 << 24;
    /** {@code @AfterDestroy}. */
    public static final int AFTER_DESTROY = 1 << 25;
    /** Any relation annotation. */
    public static final int RELATION = HAS_MANY | HAS_ONE | BELONGS_TO | MANY_TO_MANY;
    /** Any key annotation. */
    public static final int KEY = PRIMARY_KEY | INDEX | INDEX_SORT;
    /** Any hook annotation. */
    public static final int HOOK = BEFORE_CREATE | AFTER_CREATE | BEFORE_UPDATE | AFTER_UPDATE | BEFORE_DESTROY
            | AFTER_DESTROY;

    private Marks() {
    }
}
