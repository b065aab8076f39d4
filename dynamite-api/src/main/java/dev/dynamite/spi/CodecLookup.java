package dev.dynamite.spi;

import java.lang.reflect.Type;

/**
 * Finds the codec of a type, with the full precedence of codec selection; given to {@link CodecProvider}s so that a
 * codec of a container type ({@code List<Money>}) can use the codec of its element type.
 */
@FunctionalInterface
public interface CodecLookup {

    /**
     * Returns the codec of a type.
     *
     * @param type a class or a parameterized type such as {@code List<Instant>}
     * @param <T> the Java type
     * @return the codec
     * @throws dev.dynamite.api.CodecNotFoundException if no codec handles the type
     */
    <T> AttributeCodec<T> codecFor(Type type);
}
