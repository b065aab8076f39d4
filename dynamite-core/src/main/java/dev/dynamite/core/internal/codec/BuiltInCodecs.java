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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Dynamite's built-in codecs for the types of SPEC §3: scalars, enums, time types, and {@code List}/{@code Collection}/
 * {@code Set}/{@code Map<String, V>} of supported types (element codecs are looked up through the registry, so a
 * provider's codec is used for elements too). It holds the scalar codecs but those of numbers and instants, and the
 * checks of stored attributes that every codec makes: here, not in holder classes of their own, so that a cold JVM
 * loads fewer classes when it first maps an item.
 */
final class BuiltInCodecs {
    static final AttributeCodec<String> STRING = new PlainStringCodec();
    /** ISO-8601 in UTC, e.g. {@code 2024-05-01T10:15:30.123Z}. */
    static final AttributeCodec<Instant> INSTANT = new InstantCodec();
    static final AttributeCodec<Boolean> BOOLEAN = new BooleanCodec();

    /**
     * The codec of a less common scalar, made when a model first needs it (the registry caches it), so a cold JVM
     * loads no codec class its models do not use: {@code Character}, {@code UUID}, {@code LocalDate},
     * {@code LocalDateTime} and {@code OffsetDateTime} through their text form, {@code byte[]} as binary.
     *
     * @param name the type's class name
     * @return the codec, or null for another type
     */
    static @Nullable AttributeCodec<?> lessCommon(String name) {
        // text codecs parse by a switch on their name, not lambdas: each lambda would spin a class in a cold JVM
        switch (name) {
            case "java.lang.Character":
            case "char":
                return new StringCodec<Character>("Character");
            case "java.util.UUID":
                return new StringCodec<java.util.UUID>("UUID");
            case "java.time.LocalDate":
                return new StringCodec<LocalDate>("LocalDate");
            case "java.time.LocalDateTime":
                return new StringCodec<LocalDateTime>("LocalDateTime");
            case "java.time.OffsetDateTime":
                return new StringCodec<OffsetDateTime>("OffsetDateTime");
            case "[B":
                return new BytesCodec();
            default:
                return null;
        }
    }

    /** A type stored as {@code S} through its text form. */
    static final class StringCodec<T> implements AttributeCodec<T> {
        private final String name;

        StringCodec(String name) {
            this.name = name;
        }

        @Override
        public AttributeValue encode(T value) {
            // every type here writes its toString() (a Character's is the character)
            return AttributeValue.createS(value.toString());
        }

        @Override
        public T decode(AttributeValue value) {
            expect(value, AttributeValue.Type.S, name);
            String text = value.s();
            try {
                return parse(text);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read '" + text + "' as " + name + ": " + e.getMessage(),
                        e);
            }
        }

        @SuppressWarnings("unchecked")
        private T parse(String text) {
            switch (name) {
                case "Character":
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("expected a single character but the stored string has "
                                + text.length() + " chars");
                    }
                    return (T) Character.valueOf(text.charAt(0));
                case "UUID": return (T) java.util.UUID.fromString(text);
                case "LocalDate": return (T) LocalDate.parse(text);
                case "LocalDateTime": return (T) LocalDateTime.parse(text);
                case "OffsetDateTime": return (T) OffsetDateTime.parse(text);
                default: throw new IllegalStateException(name);
            }
        }

        @Override
        public String toString() {
            return name + "Codec";
        }
    }

    /** {@code String} as {@code S}, as is. */
    static final class PlainStringCodec implements AttributeCodec<String> {
        @Override
        public AttributeValue encode(String value) {
            return AttributeValue.createS(value);
        }

        @Override
        public String decode(AttributeValue value) {
            expect(value, AttributeValue.Type.S, "String");
            return value.s();
        }

        @Override
        public String toString() {
            return "StringCodec";
        }
    }

    /** An enum stored as {@code S} by constant name. */
    static final class EnumCodec<E extends Enum<E>> implements AttributeCodec<E> {
        private final Class<E> type;

        EnumCodec(Class<E> type) {
            this.type = type;
        }

        @Override
        public AttributeValue encode(E value) {
            return AttributeValue.createS(value.name());
        }

        @Override
        public E decode(AttributeValue value) {
            expect(value, AttributeValue.Type.S, type.getName());
            try {
                return Enum.valueOf(type, value.s());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value.s() + "' is not a constant of " + type.getName()
                        + "; constants: " + Arrays.toString(type.getEnumConstants()), e);
            }
        }
    }

    static final class BooleanCodec implements AttributeCodec<Boolean> {
        @Override
        public AttributeValue encode(Boolean value) {
            return AttributeValue.createBool(value);
        }

        @Override
        public Boolean decode(AttributeValue value) {
            expect(value, AttributeValue.Type.BOOL, "Boolean");
            return value.bool();
        }
    }

    private static final class BytesCodec implements AttributeCodec<byte[]> {
        @Override
        public AttributeValue encode(byte[] value) {
            return AttributeValue.createB(SdkBytes.fromByteArray(value));
        }

        @Override
        public byte[] decode(AttributeValue value) {
            expect(value, AttributeValue.Type.B, "byte[]");
            return value.b().asByteArray();
        }
    }

    // ---------------------------------------------------------------- checks of stored attributes

    /** The {@code NULL} attribute value that stands for a null element of a list or map. */
    static final AttributeValue NUL = AttributeValue.fromNul(Boolean.TRUE);

    /** Throws unless the stored value has the expected DynamoDB type. */
    static void expect(AttributeValue value, AttributeValue.Type expected, String javaType) {
        AttributeValue.Type actual = value.type();
        if (actual != expected) {
            throw new IllegalArgumentException("expected a DynamoDB " + expected + " attribute for " + javaType
                    + " but the stored attribute is of type " + actual);
        }
    }

    static boolean isNull(AttributeValue value) {
        return value.type() == AttributeValue.Type.NUL;
    }

    // ---------------------------------------------------------------- the codec of a type
    private static final Map<Class<?>, AttributeCodec<?>> SCALARS = Map.ofEntries(
            Map.entry(String.class, STRING),
            Map.entry(Boolean.class, BOOLEAN),
            Map.entry(boolean.class, BOOLEAN),
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
            Map.entry(Instant.class, INSTANT));

    private BuiltInCodecs() {
    }

    /**
     * Returns the built-in codec of a type, or null when there is none.
     *
     * @throws dev.dynamite.api.CodecNotFoundException for a raw container type (with a cause that says to declare the
     *     element type)
     */
    static @Nullable AttributeCodec<?> forType(Type type, CodecLookup lookup) {
        if (type instanceof Class<?>) {
            Class<?> cls = (Class<?>) type;
            AttributeCodec<?> scalar = SCALARS.get(cls);
            if (scalar == null) {
                // by name, not class literal: no time class a model does not use is loaded
                scalar = lessCommon(cls.getName());
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
        return new EnumCodec(cls);
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
