package dev.dynamite.meta;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One field (or record component) of a {@link GeneratedModel}: its name, types and annotations, and code that reads
 * and writes it directly. Immutable.
 */
public final class GeneratedField {
    private final String name;
    private final Class<?> declaringClass;
    private final Class<?> type;
    private final Type genericType;
    private final Annotation[] annotations;
    private final boolean isFinal;
    private final Function<Object, @Nullable Object> getter;
    private final @Nullable BiConsumer<Object, @Nullable Object> setter;

    /**
     * Describes a field.
     *
     * @param name the Java name
     * @param declaringClass the class that declares it
     * @param type its raw type
     * @param genericType its declared type, with type arguments
     * @param annotations its annotations
     * @param isFinal whether it is {@code final}
     * @param getter reads it from an instance
     * @param setter assigns it on an instance; null for a record component or a final field
     */
    public GeneratedField(String name, Class<?> declaringClass, Class<?> type, Type genericType,
                          Annotation[] annotations, boolean isFinal, Function<Object, @Nullable Object> getter,
                          @Nullable BiConsumer<Object, @Nullable Object> setter) {
        this.name = Objects.requireNonNull(name, "name");
        this.declaringClass = Objects.requireNonNull(declaringClass, "declaringClass");
        this.type = Objects.requireNonNull(type, "type");
        this.genericType = Objects.requireNonNull(genericType, "genericType");
        this.annotations = annotations.clone();
        this.isFinal = isFinal;
        this.getter = Objects.requireNonNull(getter, "getter");
        this.setter = setter;
    }

    /**
     * Returns the Java name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the class that declares the field.
     *
     * @return the declaring class
     */
    public Class<?> declaringClass() {
        return declaringClass;
    }

    /**
     * Returns the raw type.
     *
     * @return the type
     */
    public Class<?> type() {
        return type;
    }

    /**
     * Returns the declared type, with its type arguments.
     *
     * @return the generic type
     */
    public Type genericType() {
        return genericType;
    }

    /**
     * Returns the annotations.
     *
     * @return a copy of the annotations
     */
    public Annotation[] annotations() {
        return annotations.clone();
    }

    /**
     * Returns the annotation of a type, if the field carries it.
     *
     * @param annotation the annotation type
     * @param <A> the annotation type
     * @return the annotation, or null
     */
    public <A extends Annotation> @Nullable A annotation(Class<A> annotation) {
        for (Annotation present : annotations) {
            if (present.annotationType() == annotation) {
                return annotation.cast(present);
            }
        }
        return null;
    }

    /**
     * Returns whether the field is {@code final}.
     *
     * @return true if final
     */
    public boolean isFinal() {
        return isFinal;
    }

    /**
     * Returns the code that reads the field.
     *
     * @return the getter
     */
    public Function<Object, @Nullable Object> getter() {
        return getter;
    }

    /**
     * Returns the code that assigns the field.
     *
     * @return the setter, or null for a record component or a final field
     */
    public @Nullable BiConsumer<Object, @Nullable Object> setter() {
        return setter;
    }

    @Override
    public String toString() {
        return declaringClass.getSimpleName() + "." + name;
    }
}
