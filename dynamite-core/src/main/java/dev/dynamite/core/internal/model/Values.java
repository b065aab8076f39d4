package dev.dynamite.core.internal.model;

import dev.dynamite.api.NowGenerator;
import dev.dynamite.core.internal.mapping.Primitives;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Converts values given in maps ({@code create(Map)}, {@code update(Map)}, filters), {@code @Default} texts and
 * generated values to a field's type. Only lossless, unsurprising conversions: numbers between numeric types when the
 * value fits exactly, text to numbers, booleans, enums, UUIDs and ISO-8601 dates, and instants to the timestamp field
 * types. Anything else is refused with {@link IllegalArgumentException}, whose message the caller puts after model and
 * field.
 */
public final class Values {
    private Values() {
    }

    public static @Nullable Object coerce(@Nullable Object value, Class<?> target) {
        if (value == null) {
            return null;
        }
        Class<?> boxed = box(target);
        if (boxed.isInstance(value)) {
            return value;
        }
        try {
            if (value instanceof Number number && isNumeric(boxed)) {
                return number(new BigDecimal(number.toString()), boxed);
            }
            if (value instanceof Instant instant) {
                return fromInstant(instant, boxed);
            }
            if (value instanceof CharSequence text) {
                return fromText(text.toString(), boxed);
            }
            if (value instanceof UUID && boxed == String.class) {
                return value.toString();
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(describe(value) + " cannot be converted to " + target.getTypeName()
                    + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(describe(value) + " does not fit a field of type " + target.getTypeName());
    }

    public static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return value.getClass().getSimpleName() + " '" + text + "'";
    }

    public static Class<?> box(Class<?> type) {
        return Primitives.box(type);
    }

    public static boolean isNumeric(Class<?> type) {
        Class<?> boxed = box(type);
        return boxed == Integer.class || boxed == Long.class || boxed == Double.class || boxed == Float.class
                || boxed == Short.class || boxed == Byte.class || boxed == BigDecimal.class
                || boxed == BigInteger.class;
    }

    /** Converts an instant to a timestamp field's type (String fields get the fixed-width ISO form). */
    static Object fromInstant(Instant instant, Class<?> boxed) {
        if (boxed == String.class) {
            return NowGenerator.format(instant);
        } else if (boxed == Long.class) {
            return instant.toEpochMilli();
        } else if (boxed == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        } else if (boxed == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        } else if (boxed == LocalDate.class) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("an instant does not fit a field of type " + boxed.getTypeName());
    }

    private static Object number(BigDecimal value, Class<?> boxed) {
        if (boxed == Integer.class) {
            return value.intValueExact();
        } else if (boxed == Long.class) {
            return value.longValueExact();
        } else if (boxed == Short.class) {
            return value.shortValueExact();
        } else if (boxed == Byte.class) {
            return value.byteValueExact();
        } else if (boxed == BigInteger.class) {
            return value.toBigIntegerExact();
        } else if (boxed == BigDecimal.class) {
            return value;
        } else if (boxed == Double.class) {
            double d = value.doubleValue();
            if (Double.isInfinite(d)) {
                throw new ArithmeticException("out of the range of double");
            }
            return d;
        }
        float f = value.floatValue();
        if (Float.isInfinite(f)) {
            throw new ArithmeticException("out of the range of float");
        }
        return f;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromText(String text, Class<?> boxed) {
        if (isNumeric(boxed)) {
            if (boxed == Long.class && text.indexOf('T') > 0) {
                return Instant.parse(text).toEpochMilli();   // an ISO timestamp for an epoch-millis field
            }
            return number(new BigDecimal(text.strip()), boxed);
        } else if (boxed == Boolean.class) {
            if ("true".equalsIgnoreCase(text)) {
                return Boolean.TRUE;
            } else if ("false".equalsIgnoreCase(text)) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("'" + text + "' is not a boolean (true or false)");
        } else if (boxed.isEnum()) {
            try {
                return Enum.valueOf((Class<? extends Enum>) boxed, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a constant of " + boxed.getSimpleName(), e);
            }
        } else if (boxed == UUID.class) {
            return UUID.fromString(text);
        } else if (boxed == Instant.class) {
            return Instant.parse(text);
        } else if (boxed == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (boxed == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        } else if (boxed == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        } else if (boxed == Character.class && text.length() == 1) {
            return text.charAt(0);
        }
        throw new IllegalArgumentException("text '" + text + "' does not fit a field of type " + boxed.getTypeName());
    }
}
