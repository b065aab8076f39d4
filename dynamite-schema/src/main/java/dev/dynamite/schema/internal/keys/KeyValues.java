package dev.dynamite.schema.internal.keys;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Conversions between key values and their text or number form, shared by the bundled strategies. */
final class KeyValues {
    private static final Map<Class<?>, Function<String, Object>> NUMBER_PARSERS = Map.ofEntries(
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf), Map.entry(Short.class, Short::valueOf),
            Map.entry(byte.class, Byte::valueOf), Map.entry(Byte.class, Byte::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(BigDecimal.class, BigDecimal::new), Map.entry(BigInteger.class, BigInteger::new));
    private static final Map<Class<?>, Function<String, Object>> TEXT_PARSERS = Map.of(
            String.class, s -> s,
            UUID.class, UUID::fromString,
            Instant.class, Instant::parse,
            LocalDate.class, LocalDate::parse,
            LocalDateTime.class, LocalDateTime::parse,
            OffsetDateTime.class, OffsetDateTime::parse);

    private KeyValues() {
    }

    static boolean isNumber(Class<?> type) {
        return NUMBER_PARSERS.containsKey(type);
    }

    static boolean isText(Class<?> type) {
        return TEXT_PARSERS.containsKey(type) || type == char.class || type == Character.class || type.isEnum();
    }

    static boolean isBinary(Class<?> type) {
        return type == byte[].class;
    }

    /** The canonical decimal text of a number: no exponent, so it sorts and compares as written. */
    static String numberText(Number number) {
        if (number instanceof BigDecimal big) {
            return big.toPlainString();
        }
        if (number instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                throw new IllegalArgumentException("key value " + f + " is not a finite number");
            }
            // Float.toString gives the shortest text that reads back as the same float: 1.1f → "1.1"
            return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
        }
        if (number instanceof Double) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("key value " + d + " is not a finite number");
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    static Object parseNumber(String text, Class<?> type) {
        Function<String, Object> parser = NUMBER_PARSERS.get(type);
        if (parser == null) {
            throw new IllegalArgumentException("not a numeric key type: " + type.getName());
        }
        return parser.apply(text);
    }

    static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Number n) {
            return numberText(n);
        }
        if (value instanceof String || value instanceof Character || TEXT_PARSERS.containsKey(value.getClass())) {
            return value.toString();
        }
        throw new IllegalArgumentException("unsupported key type: " + value.getClass().getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object parseText(String text, Class<?> type) {
        if (type.isEnum()) {
            return Enum.valueOf((Class) type, text);
        }
        if (type == char.class || type == Character.class) {
            if (text.length() != 1) {
                throw new IllegalArgumentException("'" + text + "' is not a single character");
            }
            return text.charAt(0);
        }
        if (isBinary(type)) {
            return Base64.getDecoder().decode(text);
        }
        if (isNumber(type)) {
            return parseNumber(text, type);
        }
        Function<String, Object> parser = TEXT_PARSERS.get(type);
        if (parser == null) {
            throw new IllegalArgumentException("unsupported key type: " + type.getName());
        }
        return parser.apply(text);
    }
}
