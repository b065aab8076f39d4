package dev.dynamite.meta;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One hook method of a {@link GeneratedModel}: its name, annotations and parameters, and code that calls it. Immutable.
 */
public final class GeneratedHook {
    private final String name;
    private final Class<?> declaringClass;
    private final Annotation[] annotations;
    private final Class<?>[] parameterTypes;
    private final BiConsumer<Object, @Nullable Map<String, Object>> invoker;

    /**
     * Describes a hook.
     *
     * @param name the method name
     * @param declaringClass the class that declares it
     * @param annotations its annotations
     * @param parameterTypes its parameter types (none, or one {@code Map} for an update hook)
     * @param invoker calls it on an instance, with the changed fields when it takes them
     */
    public GeneratedHook(String name, Class<?> declaringClass, Annotation[] annotations, Class<?>[] parameterTypes,
                         BiConsumer<Object, @Nullable Map<String, Object>> invoker) {
        this.name = Objects.requireNonNull(name, "name");
        this.declaringClass = Objects.requireNonNull(declaringClass, "declaringClass");
        this.annotations = annotations.clone();
        this.parameterTypes = parameterTypes.clone();
        this.invoker = Objects.requireNonNull(invoker, "invoker");
    }

    /**
     * Returns the method name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the class that declares the method.
     *
     * @return the declaring class
     */
    public Class<?> declaringClass() {
        return declaringClass;
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
     * Returns the parameter types.
     *
     * @return a copy of the parameter types
     */
    public Class<?>[] parameterTypes() {
        return parameterTypes.clone();
    }

    /**
     * Returns the code that calls the hook.
     *
     * @return the invoker: instance, and the changed fields (or null)
     */
    public BiConsumer<Object, @Nullable Map<String, Object>> invoker() {
        return invoker;
    }
}
