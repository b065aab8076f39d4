package dev.dynamite.schema.internal.members;

import dev.dynamite.meta.GeneratedField;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field of a model that is neither static nor transient: its name, types and annotations, read from a generated
 * description or from the {@link Field}. Immutable.
 */
public final class Member {
    private final String name;
    private final Class<?> declaringClass;
    private final Class<?> type;
    private final Type genericType;
    /** The reflected field's annotations; null for a generated field, which makes its own on demand. */
    private final Annotation @Nullable [] annotations;
    private final boolean isFinal;
    private final @Nullable Field field;
    private final @Nullable GeneratedField generated;
    private final int marks;

    private Member(String name, Class<?> declaringClass, Class<?> type, Type genericType,
                   Annotation @Nullable [] annotations, int marks, boolean isFinal, @Nullable Field field,
                   @Nullable GeneratedField generated) {
        this.name = name;
        this.declaringClass = declaringClass;
        this.type = type;
        this.genericType = genericType;
        this.annotations = annotations;
        this.isFinal = isFinal;
        this.field = field;
        this.generated = generated;
        this.marks = marks;
    }

    static Member of(Field field) {
        return new Member(field.getName(), field.getDeclaringClass(), field.getType(), field.getGenericType(),
                field.getDeclaredAnnotations(), marksOf(field.getDeclaredAnnotations()),
                Modifier.isFinal(field.getModifiers()), field, null);
    }

    static Member of(GeneratedField field) {
        // marks by the annotations' names: the generated code makes an annotation only when its values are read
        int marks = 0;
        for (String annotation : field.annotationNames()) {
            marks |= markOf(annotation);
        }
        return new Member(field.name(), field.declaringClass(), field.type(), field.genericType(), null, marks,
                field.isFinal(), null, field);
    }

    public String name() {
        return name;
    }

    public Class<?> declaringClass() {
        return declaringClass;
    }

    public Class<?> type() {
        return type;
    }

    public Type genericType() {
        return genericType;
    }

    public Annotation[] annotations() {
        return annotations != null ? annotations.clone() : Objects.requireNonNull(generated).annotations();
    }

    public <A extends Annotation> @Nullable A annotation(Class<A> annotation) {
        if (annotations == null) {
            return Objects.requireNonNull(generated).annotation(annotation);
        }
        for (Annotation present : annotations) {
            if (present.annotationType() == annotation) {
                return annotation.cast(present);
            }
        }
        return null;
    }

    public boolean has(Class<? extends Annotation> annotation) {
        return annotation(annotation) != null;
    }

    /**
     * Whether the field carries any of some Dynamite annotations.
     *
     * @param marks bits of {@link Marks}
     * @return true if it carries one of them
     */
    public boolean has(int marks) {
        return (this.marks & marks) != 0;
    }

    public boolean isFinal() {
        return isFinal;
    }

    /** The reflected field, for a model read by reflection; null for a generated one. */
    public @Nullable Field field() {
        return field;
    }

    /** The generated field, with its accessors; null for a model read by reflection. */
    public @Nullable GeneratedField generated() {
        return generated;
    }

    @Override
    public String toString() {
        return declaringClass.getSimpleName() + "." + name;
    }

    /**
     * Returns the {@link Marks} of the Dynamite annotations among some annotations (here, not in {@code Marks}, so that
     * the constants' class is never loaded).
     *
     * @param annotations the annotations of a field, method or class
     * @return their bits, or'ed
     */
    public static int marksOf(Annotation[] annotations) {
        int marks = 0;
        for (Annotation annotation : annotations) {
            marks |= markOf(annotation);
        }
        return marks;
    }

    /**
     * Returns the bit of one annotation.
     *
     * @param annotation an annotation
     * @return its bit, or 0 if it is not one of Dynamite's
     */
    public static int markOf(Annotation annotation) {
        return markOf(annotation.annotationType().getName());
    }

    /**
     * Returns the bit of an annotation type.
     *
     * @param annotationName the annotation type's class name
     * @return its bit, or 0 if it is not one of Dynamite's
     */
    public static int markOf(String annotationName) {
        return switch (annotationName) {
            case "dev.dynamite.annotation.PrimaryKey" -> Marks.PRIMARY_KEY;
            case "dev.dynamite.annotation.Index" -> Marks.INDEX;
            case "dev.dynamite.annotation.IndexSort" -> Marks.INDEX_SORT;
            case "dev.dynamite.annotation.Name" -> Marks.NAME;
            case "dev.dynamite.annotation.NonAttribute" -> Marks.NON_ATTRIBUTE;
            case "dev.dynamite.annotation.HasMany" -> Marks.HAS_MANY;
            case "dev.dynamite.annotation.HasOne" -> Marks.HAS_ONE;
            case "dev.dynamite.annotation.BelongsTo" -> Marks.BELONGS_TO;
            case "dev.dynamite.annotation.ManyToMany" -> Marks.MANY_TO_MANY;
            case "dev.dynamite.annotation.Codec" -> Marks.CODEC;
            case "dev.dynamite.annotation.CreatedAt" -> Marks.CREATED_AT;
            case "dev.dynamite.annotation.UpdatedAt" -> Marks.UPDATED_AT;
            case "dev.dynamite.annotation.DeleteAt" -> Marks.DELETE_AT;
            case "dev.dynamite.annotation.Version" -> Marks.VERSION;
            case "dev.dynamite.annotation.Default" -> Marks.DEFAULT;
            case "dev.dynamite.annotation.Set" -> Marks.SET;
            case "dev.dynamite.annotation.Mutate" -> Marks.MUTATE;
            case "dev.dynamite.annotation.Get" -> Marks.GET;
            case "dev.dynamite.annotation.Validate" -> Marks.VALIDATE;
            case "dev.dynamite.annotation.NotNull" -> Marks.NOT_NULL;
            case "dev.dynamite.annotation.BeforeCreate" -> Marks.BEFORE_CREATE;
            case "dev.dynamite.annotation.AfterCreate" -> Marks.AFTER_CREATE;
            case "dev.dynamite.annotation.BeforeUpdate" -> Marks.BEFORE_UPDATE;
            case "dev.dynamite.annotation.AfterUpdate" -> Marks.AFTER_UPDATE;
            case "dev.dynamite.annotation.BeforeDestroy" -> Marks.BEFORE_DESTROY;
            case "dev.dynamite.annotation.AfterDestroy" -> Marks.AFTER_DESTROY;
            default -> 0;
        };
    }
}
