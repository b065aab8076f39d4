package dev.dynamite.schema.internal.keys;

import dev.dynamite.spi.KeyTypeStrategy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The default strategy, {@code "string"}: every key attribute is {@code S}. Numbers are stored as their plain decimal
 * text, {@code byte[]} as Base64, enums by name, UUIDs and dates in their ISO form.
 */
public final class StringKeyTypeStrategy implements KeyTypeStrategy {
    /** The name this strategy is selected by. */
    public static final String NAME = "string";

    /** Creates the strategy; {@link dev.dynamite.schema.KeyTypeStrategies} makes the bundled strategies. */
    public StringKeyTypeStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ScalarAttributeType> attributeType(Class<?> javaType) {
        boolean supported = isText(javaType) || isNumber(javaType) || isBinary(javaType);
        return supported ? Optional.of(ScalarAttributeType.S) : Optional.empty();
    }

    @Override
    public AttributeValue encode(Object value) {
        return AttributeValue.createS(text(value));
    }

    @Override
    public Object decode(AttributeValue value, Class<?> javaType) {
        if (value.s() == null) {
            throw new IllegalArgumentException("expected an S key value, got " + value);
        }
        return parseText(value.s(), javaType);
    }

    @Override
    public int priority() {
        return -100;
    }

    // ---------------------------------------------------------------- key values as text
    // Shared with the native strategy, which stores every key but numbers and binaries as this one does. Sets and
    // switches, not maps of lambdas, and here rather than in a class of their own: each class (a lambda spins one)
    // is one more for a cold JVM to load when it first reads a key.

    private static final Set<Class<?>> NUMBER_TYPES = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            BigDecimal.class, BigInteger.class);

    static boolean isNumber(Class<?> type) {
        return NUMBER_TYPES.contains(type);
    }

    static boolean isText(Class<?> type) {
        return isTextClass(type) || type == char.class || type == Character.class || type.isEnum();
    }

    /** The types stored as their text; the date types by name, so a cold JVM loads none its keys do not use. */
    private static boolean isTextClass(Class<?> type) {
        if (type == String.class || type == UUID.class || type == Instant.class) {
            return true;
        }
        switch (type.getName()) {
            case "java.time.LocalDate":
            case "java.time.LocalDateTime":
            case "java.time.OffsetDateTime":
                return true;
            default:
                return false;
        }
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
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(text);
        } else if (type == long.class || type == Long.class) {
            return Long.valueOf(text);
        } else if (type == short.class || type == Short.class) {
            return Short.valueOf(text);
        } else if (type == byte.class || type == Byte.class) {
            return Byte.valueOf(text);
        } else if (type == double.class || type == Double.class) {
            return Double.valueOf(text);
        } else if (type == float.class || type == Float.class) {
            return Float.valueOf(text);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(text);
        } else if (type == BigInteger.class) {
            return new BigInteger(text);
        }
        throw new IllegalArgumentException("not a numeric key type: " + type.getName());
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
        if (value instanceof String || value instanceof Character || isTextClass(value.getClass())) {
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
        if (type == String.class) {
            return text;
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type == Instant.class) {
            return Instant.parse(text);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        }
        throw new IllegalArgumentException("unsupported key type: " + type.getName());
    }
}
