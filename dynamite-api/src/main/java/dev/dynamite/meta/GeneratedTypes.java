package dev.dynamite.meta;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The generic types of generated fields ({@code Set<String>}, {@code Map<String, List<Integer>>}), built without
 * reflection by {@link #parameterized}: they equal the JDK's own {@link ParameterizedType}s of the same declaration.
 * The factory is the type's class too: one class fewer for a cold JVM to load. Immutable.
 */
public final class GeneratedTypes implements ParameterizedType {
    private final Class<?> raw;
    private final Type[] arguments;

    private GeneratedTypes(Class<?> raw, Type[] arguments) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.arguments = arguments;
    }

    /**
     * Returns a parameterized type.
     *
     * @param raw the generic class
     * @param arguments its type arguments
     * @return the type
     */
    public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        return new GeneratedTypes(raw, arguments.clone());
    }

    @Override
    public Type[] getActualTypeArguments() {
        return arguments.clone();
    }

    @Override
    public Type getRawType() {
        return raw;
    }

    @Override
    public @Nullable Type getOwnerType() {
        return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ParameterizedType that && raw.equals(that.getRawType())
                && Objects.equals(getOwnerType(), that.getOwnerType())
                && Arrays.equals(arguments, that.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
        // as the JDK's: so both kinds meet in one hash map
        return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(raw.getName()).append('<');
        for (int i = 0; i < arguments.length; i++) {
            text.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
        }
        return text.append('>').toString();
    }
}
