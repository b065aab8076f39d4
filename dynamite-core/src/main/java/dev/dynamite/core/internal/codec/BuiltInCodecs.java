package dev.dynamite.core.internal.codec;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Dynamite's built-in codecs for the types of SPEC §3: scalars, enums, time types, and {@code List}/{@code Collection}/
 * {@code Set}/{@code Map<String, V>} of supported types (element codecs are looked up through the registry, so a
 * provider's codec is used for elements too).
 */
final class BuiltInCodecs {
    private static final Map<Class<?>, AttributeCodec<?>> SCALARS = Map.ofEntries(
            Map.entry(String.class, ScalarCodecs.STRING),
            Map.entry(Boolean.class, ScalarCodecs.BOOLEAN),
            Map.entry(boolean.class, ScalarCodecs.BOOLEAN),
            Map.entry(Byte.class, NumberCodec.BYTE),
            Map.entry(byte.class, NumberCodec.BYTE),
            Map.entry(Short.class, NumberCodec.SHORT),
            Map.entry(short.class, NumberCodec.SHORT),
            Map.entry(Integer.class, NumberCodec.INTEGER),
            Map.entry(int.class, NumberCodec.INTEGER),
            Map.entry(Long.class, NumberCodec.LONG),
            Map.entry(long.class, NumberCodec.LONG),
            Map.entry(Float.class, NumberCodec.FLOAT),
            Map.entry(float.class, NumberCodec.FLOAT),
            Map.entry(Double.class, NumberCodec.DOUBLE),
            Map.entry(double.class, NumberCodec.DOUBLE),
            Map.entry(BigDecimal.class, NumberCodec.BIG_DECIMAL),
            Map.entry(BigInteger.class, NumberCodec.BIG_INTEGER),
            Map.entry(Instant.class, ScalarCodecs.INSTANT));

    private BuiltInCodecs() {
    }

    /**
     * Returns the built-in codec of a type, or null when there is none.
     *
     * @throws dev.dynamite.api.CodecNotFoundException for a raw container type (with a cause that says to declare the element type)
     */
    static @Nullable AttributeCodec<?> forType(Type type, CodecLookup lookup) {
        if (type instanceof Class<?>) {
            Class<?> cls = (Class<?>) type;
            AttributeCodec<?> scalar = SCALARS.get(cls);
            if (scalar == null) {
                // by name, not class literal: no time class a model does not use is loaded
                scalar = ScalarCodecs.lessCommon(cls.getName());
            }
            if (scalar != null) {
                return scalar;
            }
            if (cls.isEnum()) {
                return enumCodec(cls);
            }
            if (cls == List.class || cls == Collection.class || cls == Set.class || cls == Map.class) {
                throw Failures.codecNotFound(cls, null, cls, new IllegalArgumentException("raw type " + cls.getName()
                        + ": declare the element type, e.g. "
                        + (cls == Map.class ? "Map<String, Long>" : cls.getSimpleName() + "<String>")));
            }
            return null;
        }
        if (!(type instanceof ParameterizedType)) {
            return null;
        }
        ParameterizedType parameterized = (ParameterizedType) type;
        Class<?> raw = rawClass(parameterized);
        Type[] args = parameterized.getActualTypeArguments();
        if (raw == List.class || raw == Collection.class) {
            Type element = argument(args[0]);
            return element == null ? null : new ListCodec<>(lookup.codecFor(element));
        }
        if (raw == Set.class) {
            Type element = argument(args[0]);
            if (element == null) {
                return null;
            }
            if (element == String.class) {
                return SetCodecs.STRING_SET;
            }
            if (element == byte[].class) {
                return SetCodecs.BINARY_SET;
            }
            if (element instanceof Class<?> && NumberCodec.isNumberType((Class<?>) element)) {
                return new SetCodecs.NumberSetCodec<>(NumberCodec.of((Class<?>) element));
            }
            return new SetCodecs.ListSetCodec<>(lookup.codecFor(element));
        }
        if (raw == Map.class) {
            Type key = argument(args[0]);
            Type value = argument(args[1]);
            if (key != String.class || value == null) {
                return null;
            }
            return new MapCodec<>(lookup.codecFor(value));
        }
        return null;
    }

    /** The type of a type argument: {@code ? extends X} is X; a type variable or unbounded wildcard is null. */
    private static @Nullable Type argument(Type arg) {
        if (arg instanceof Class<?> || arg instanceof ParameterizedType) {
            return arg;
        }
        if (arg instanceof WildcardType) {
            WildcardType wildcard = (WildcardType) arg;
            Type[] upper = wildcard.getUpperBounds();
            if (wildcard.getLowerBounds().length > 0 || upper.length != 1 || upper[0] == Object.class) {
                return null;
            }
            return upper[0];
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AttributeCodec<?> enumCodec(Class<?> cls) {
        return new ScalarCodecs.EnumCodec(cls);
    }

    /** The class of a type: itself, a parameterized type's raw class, or Object. */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?>) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return rawClass(((ParameterizedType) type).getRawType());
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        return Object.class;
    }
}
