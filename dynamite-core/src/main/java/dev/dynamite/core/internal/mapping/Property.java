package dev.dynamite.core.internal.mapping;

import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.KeyTypeStrategy;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One persisted field, prepared: its names, its {@link Accessor}, and how its value is encoded — by the codec, or by the
 * key strategy for a key field.
 */
final class Property {
    final String name;
    final String attributeName;
    final Class<?> type;
    /** The type a value must have to be assigned: {@code type}, boxed if primitive. */
    final Class<?> boxedType;
    final boolean primitive;
    final boolean key;
    private final Accessor accessor;
    private final @Nullable AttributeCodec<Object> codec;
    private final @Nullable KeyTypeStrategy strategy;
    /** The codec's {@link Codecs#directKind}. */
    private final int codecKind;

    private Property(String name, String attributeName, Class<?> type, Accessor accessor,
                     @Nullable AttributeCodec<Object> codec, @Nullable KeyTypeStrategy strategy) {
        this.name = name;
        this.attributeName = attributeName;
        this.type = type;
        this.boxedType = Primitives.box(type);
        this.primitive = type.isPrimitive();
        this.key = strategy != null;
        this.accessor = accessor;
        this.codec = codec;
        this.strategy = strategy;
        this.codecKind = codec == null ? Codecs.OTHER_KIND : Codecs.directKind(codec);
    }

    static Property attribute(String name, String attributeName, Class<?> type, Accessor accessor,
                              AttributeCodec<Object> codec) {
        return new Property(name, attributeName, type, accessor, codec, null);
    }

    static Property key(String name, String attributeName, Class<?> type, Accessor accessor,
                        KeyTypeStrategy strategy) {
        return new Property(name, attributeName, type, accessor, null, strategy);
    }

    /** Models with more persisted fields than this read them one handle call per field. */
    private static final int MAX_COMBINED = 64;

    /**
     * Returns one method handle {@code (Object)Object[]} that reads all the given properties of an entity into a new
     * array, in order: a single call (the JIT compiles the combined handle as one unit) instead of one handle call
     * per field. Null if there are too many properties for one handle, or if one is not read through a handle (a
     * draft's slot, generated code: those are plain calls already).
     */
    static @Nullable MethodHandle readAll(Property[] properties) {
        int count = properties.length;
        if (count == 0 || count > MAX_COMBINED) {
            return null;
        }
        MethodHandle[] getters = new MethodHandle[count];
        for (int i = 0; i < count; i++) {
            getters[i] = properties[i].accessor.getterHandle();
            if (getters[i] == null) {
                return null;
            }
        }
        MethodHandle collect = MethodHandles.identity(Object[].class).asCollector(Object[].class, count);
        MethodHandle fromEntities = MethodHandles.filterArguments(collect, 0, getters);
        return MethodHandles.permuteArguments(fromEntities, MethodType.methodType(Object[].class, Object.class),
                new int[count]);
    }

    /** Calls a handle of {@link #readAll}. */
    static @Nullable Object[] readAll(MethodHandle reader, Object entity) {
        try {
            return (Object[]) reader.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("a field getter threw a checked exception", e);
        }
    }

    @Nullable Object get(Object entity) {
        return accessor.get(entity);
    }

    void set(Object entity, @Nullable Object value) {
        accessor.set(entity, value);
    }

    /** Encodes a non-null value; a codec's or strategy's {@link IllegalArgumentException} passes through. */
    AttributeValue encode(Object value) {
        if (strategy != null) {
            return strategy.encode(value);
        }
        return Codecs.encodeDirect(codecKind, Objects.requireNonNull(codec), value);
    }

    /** Decodes a stored, non-{@code NULL} value; a codec's or strategy's exception passes through. */
    Object decode(AttributeValue value) {
        if (strategy != null) {
            return strategy.decode(value, type);
        }
        return Objects.requireNonNull(codec).decode(value);
    }
}
