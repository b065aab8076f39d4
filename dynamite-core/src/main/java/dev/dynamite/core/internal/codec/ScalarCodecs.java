package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The built-in codecs of non-number scalars: strings, booleans, characters, binary, enums, UUIDs and time types. */
final class ScalarCodecs {
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

    private ScalarCodecs() {
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
            Attributes.expect(value, AttributeValue.Type.S, name);
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
            Attributes.expect(value, AttributeValue.Type.S, "String");
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
            Attributes.expect(value, AttributeValue.Type.S, type.getName());
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
            Attributes.expect(value, AttributeValue.Type.BOOL, "Boolean");
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
            Attributes.expect(value, AttributeValue.Type.B, "byte[]");
            return value.b().asByteArray();
        }
    }
}
