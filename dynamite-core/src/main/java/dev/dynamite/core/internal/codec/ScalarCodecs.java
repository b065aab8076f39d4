package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The built-in codecs of non-number scalars: strings, booleans, characters, binary, enums, UUIDs and time types. */
final class ScalarCodecs {
    static final AttributeCodec<String> STRING = new PlainStringCodec();
    static final AttributeCodec<Character> CHARACTER = new StringCodec<>("Character", String::valueOf, s -> {
        if (s.length() != 1) {
            throw new IllegalArgumentException("expected a single character but the stored string has " + s.length()
                    + " chars");
        }
        return s.charAt(0);
    });
    static final AttributeCodec<java.util.UUID> UUID =
            new StringCodec<>("UUID", java.util.UUID::toString, java.util.UUID::fromString);
    /** ISO-8601 in UTC, e.g. {@code 2024-05-01T10:15:30.123Z}. */
    static final AttributeCodec<Instant> INSTANT = new InstantCodec();
    static final AttributeCodec<LocalDate> LOCAL_DATE =
            new StringCodec<>("LocalDate", LocalDate::toString, LocalDate::parse);
    static final AttributeCodec<LocalDateTime> LOCAL_DATE_TIME =
            new StringCodec<>("LocalDateTime", LocalDateTime::toString, LocalDateTime::parse);
    static final AttributeCodec<OffsetDateTime> OFFSET_DATE_TIME =
            new StringCodec<>("OffsetDateTime", OffsetDateTime::toString, OffsetDateTime::parse);
    static final AttributeCodec<Boolean> BOOLEAN = new BooleanCodec();
    static final AttributeCodec<byte[]> BYTES = new BytesCodec();

    private ScalarCodecs() {
    }

    /** A type stored as {@code S} through its text form. */
    static final class StringCodec<T> implements AttributeCodec<T> {
        private final String name;
        private final Function<T, String> format;
        private final Function<String, T> parse;

        StringCodec(String name, Function<T, String> format, Function<String, T> parse) {
            this.name = name;
            this.format = format;
            this.parse = parse;
        }

        @Override
        public AttributeValue encode(T value) {
            return AttributeValue.createS(format.apply(value));
        }

        @Override
        public T decode(AttributeValue value) {
            Attributes.expect(value, AttributeValue.Type.S, name);
            return parse(name, parse, value.s());
        }

        @Override
        public String toString() {
            return name + "Codec";
        }
    }

    /** Parses a stored text, wrapping a parser's exception in one that names the text and the type. */
    static <T> T parse(String name, Function<String, T> parse, String text) {
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as " + name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as " + name + ": " + e.getMessage(), e);
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

    /**
     * {@code Instant} as {@code S} in ISO-8601 UTC, exactly as {@link Instant#toString()} writes it; reads what
     * {@link Instant#parse} reads. Common values go through {@link InstantText}'s hand-written fast paths.
     */
    static final class InstantCodec implements AttributeCodec<Instant> {
        private static final Function<String, Instant> PARSE = Instant::parse;

        @Override
        public AttributeValue encode(Instant value) {
            return AttributeValue.createS(InstantText.format(value));
        }

        @Override
        public Instant decode(AttributeValue value) {
            Attributes.expect(value, AttributeValue.Type.S, "Instant");
            String text = value.s();
            Instant fast = InstantText.parse(text);
            return fast != null ? fast : parse("Instant", PARSE, text);
        }

        @Override
        public String toString() {
            return "InstantCodec";
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
