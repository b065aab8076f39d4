package dev.dynamite.spi;

/**
 * Produces the value of a {@link dev.dynamite.annotation.Default @Default(generator = …)} field that is null when an
 * item is created.
 *
 * <p>Implementations are public, have a public no-arg constructor, and are thread-safe: Dynamite creates one instance
 * per field when it first prepares the model and calls it for every create. The generated value must fit the field:
 * either of the field's type, or a {@code String}, {@link java.time.Instant} or number that Dynamite converts to it
 * (an ISO-8601 string or an {@code Instant} becomes a {@code long} field's epoch milliseconds, for instance).
 *
 * <pre>{@code
 * public final class OrderNumberGenerator implements ValueGenerator<String> {
 *     public String generate() { return "ORD-" + ThreadLocalRandom.current().nextInt(1_000_000); }
 * }
 * }</pre>
 *
 * @param <T> the type of the generated values
 * @see dev.dynamite.api.UuidGenerator
 * @see dev.dynamite.api.UlidGenerator
 * @see dev.dynamite.api.NowGenerator
 */
@FunctionalInterface
public interface ValueGenerator<T> {

    /**
     * Returns a new value.
     *
     * @return the value; never null
     */
    T generate();
}
