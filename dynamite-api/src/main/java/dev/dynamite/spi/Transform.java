package dev.dynamite.spi;

/**
 * Transforms a field's value: on write for {@link dev.dynamite.annotation.Set @Set} and
 * {@link dev.dynamite.annotation.Mutate @Mutate}, on read for {@link dev.dynamite.annotation.Get @Get}.
 *
 * <p>Transforms only see non-null values (a null stays null). Implementations are public, have a public no-arg
 * constructor, and are thread-safe: Dynamite creates one instance per field and reuses it. The result must have the
 * field's type.
 *
 * <pre>{@code
 * public final class Trim implements Transform<String> {
 *     public String apply(String value) { return value.strip(); }
 * }
 * }</pre>
 *
 * @param <T> the field's type
 */
@FunctionalInterface
public interface Transform<T> {

    /**
     * Returns the transformed value.
     *
     * @param value the value, never null
     * @return the new value, of the field's type; null clears the field
     */
    T apply(T value);
}
