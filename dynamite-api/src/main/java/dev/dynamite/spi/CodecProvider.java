package dev.dynamite.spi;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Supplies {@link AttributeCodec}s for the types it knows; found with {@link java.util.ServiceLoader}.
 *
 * <p>Register an implementation with {@code provides dev.dynamite.spi.CodecProvider with your.Provider;} in
 * {@code module-info.java} and in {@code META-INF/services/dev.dynamite.spi.CodecProvider}. Providers are asked in
 * order of {@link #priority()}, highest first (then by class name); the first codec returned wins, and every provider
 * wins over Dynamite's built-in codecs. Implementations have a public no-arg constructor, are cheap to construct and
 * thread-safe; Dynamite asks once per field and type and caches the answer.
 */
public interface CodecProvider {

    /**
     * Returns a codec for a type, if this provider handles it.
     *
     * @param type a class or a parameterized type, as declared on the field
     * @param lookup finds the codecs of other types, e.g. element types
     * @return the codec, or empty to let the next provider answer
     */
    Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup);

    /**
     * Returns this provider's priority; higher is asked first.
     *
     * @return the priority, {@code 0} by default
     */
    default int priority() {
        return 0;
    }
}
