package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Numbers stored as {@code N} with full precision. DynamoDB numbers have at most 38 significant digits and a magnitude
 * between 1E-130 and 1E+126; values outside are rejected with {@link IllegalArgumentException} on encode rather than
 * by DynamoDB. Floating-point values are written as the shortest decimal that reads back as the same value (plain
 * unless that is longer than 24 characters; {@code -0.0} is written as {@code 0}); NaN and infinities are rejected.
 * {@code BigDecimal}s keep their scale ({@code 1.50} stays {@code 1.50}) unless that needs more than 38 digits.
 */
final class NumberCodec<T extends Number> implements AttributeCodec<T> {
    static final int MAX_DIGITS = 38;
    static final int MIN_EXPONENT = -130;
    static final int MAX_EXPONENT = 125;
    private static final int PLAIN_LIMIT = 24;

    // one class for every number type, told apart by a kind: each class (or lambda) is one more for a cold JVM to
    // load when it first maps an item
    private static final int KIND_BYTE = 0;
    private static final int KIND_SHORT = 1;
    private static final int KIND_INTEGER = 2;
    private static final int KIND_LONG = 3;
    private static final int KIND_FLOAT = 4;
    private static final int KIND_DOUBLE = 5;
    private static final int KIND_BIG_DECIMAL = 6;
    private static final int KIND_BIG_INTEGER = 7;

    static final NumberCodec<Byte> BYTE = new NumberCodec<>("Byte", KIND_BYTE);
    static final NumberCodec<Short> SHORT = new NumberCodec<>("Short", KIND_SHORT);
    static final NumberCodec<Integer> INTEGER = new NumberCodec<>("Integer", KIND_INTEGER);
    static final NumberCodec<Long> LONG = new NumberCodec<>("Long", KIND_LONG);
    static final NumberCodec<Float> FLOAT = new NumberCodec<>("Float", KIND_FLOAT);
    static final NumberCodec<Double> DOUBLE = new NumberCodec<>("Double", KIND_DOUBLE);
    static final NumberCodec<BigDecimal> BIG_DECIMAL = new NumberCodec<>("BigDecimal", KIND_BIG_DECIMAL);
    static final NumberCodec<BigInteger> BIG_INTEGER = new NumberCodec<>("BigInteger", KIND_BIG_INTEGER);

    private static final Map<Class<?>, NumberCodec<?>> BY_TYPE = Map.of(
            Byte.class, BYTE, Short.class, SHORT, Integer.class, INTEGER, Long.class, LONG,
            Float.class, FLOAT, Double.class, DOUBLE, BigDecimal.class, BIG_DECIMAL, BigInteger.class, BIG_INTEGER);

    private final String name;
    private final int kind;

    private NumberCodec(String name, int kind) {
        this.name = name;
        this.kind = kind;
    }

    /** Returns the {@code N} text of a value of this codec's type. */
    String text(T value) {
        switch (kind) {
            case KIND_BYTE: return Byte.toString((Byte) value);
            case KIND_SHORT: return Short.toString((Short) value);
            case KIND_INTEGER: return Integer.toString((Integer) value);
            case KIND_LONG: return Long.toString((Long) value);
            case KIND_FLOAT: return shortest((Float) value);
            case KIND_DOUBLE: return shortest((Double) value);
            case KIND_BIG_DECIMAL: return checked((BigDecimal) value);
            default: return checked(new BigDecimal((BigInteger) value));
        }
    }

    /** A decimal as this codec's type, exactly; {@link ArithmeticException} if it does not fit. */
    @SuppressWarnings("unchecked")
    private T convert(BigDecimal decimal) {
        switch (kind) {
            case KIND_BYTE: return (T) Byte.valueOf(decimal.byteValueExact());
            case KIND_SHORT: return (T) Short.valueOf(decimal.shortValueExact());
            case KIND_INTEGER: return (T) Integer.valueOf(decimal.intValueExact());
            case KIND_LONG: return (T) Long.valueOf(decimal.longValueExact());
            case KIND_FLOAT: return (T) Float.valueOf(decimal.floatValue());
            case KIND_DOUBLE: return (T) Double.valueOf(decimal.doubleValue());
            case KIND_BIG_DECIMAL: return (T) decimal;
            default: return (T) decimal.toBigIntegerExact();
        }
    }

    static boolean isNumberType(Class<?> type) {
        return BY_TYPE.containsKey(type);
    }

    @SuppressWarnings("unchecked")
    static <N extends Number> NumberCodec<N> of(Class<?> type) {
        return (NumberCodec<N>) BY_TYPE.get(type);
    }

    /** Parses the {@code N} text of a value: the common types first by a fast path, else as {@link #parseDecimal}. */
    @SuppressWarnings("unchecked")
    T parse(String text) {
        switch (kind) {
            case KIND_INTEGER: {
                long fast = DoubleText.parseLong(text, 9);
                return fast != DoubleText.NOT_FAST ? (T) Integer.valueOf((int) fast) : parseDecimal(text);
            }
            case KIND_LONG: {
                long fast = DoubleText.parseLong(text, 18);
                return fast != DoubleText.NOT_FAST ? (T) Long.valueOf(fast) : parseDecimal(text);
            }
            case KIND_DOUBLE: {
                double fast = DoubleText.parseDouble(text);
                return fast == fast ? (T) Double.valueOf(fast) : parseDecimal(text);
            }
            default:
                return parseDecimal(text);
        }
    }

    /** Parses the {@code N} text of a value through {@link BigDecimal}: the reference behaviour. */
    T parseDecimal(String text) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a number", e);
        }
        try {
            return convert(decimal);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the stored number " + text + " does not fit in " + name, e);
        }
    }

    @Override
    public AttributeValue encode(T value) {
        return AttributeValue.createN(text(value));
    }

    @Override
    public T decode(AttributeValue value) {
        Attributes.expect(value, AttributeValue.Type.N, name);
        return parse(value.n());
    }

    @Override
    public String toString() {
        return name + "Codec";
    }

    /** The text of a decimal within DynamoDB's limits; its scale is kept unless that needs more than 38 digits. */
    static String checked(BigDecimal value) {
        // Common case: no need to strip trailing zeros, which keeps the adjusted exponent and can only lower the
        // precision; the scale bound rules out int overflow and stripTrailingZeros's own scale errors.
        int scale = value.scale();
        if (value.signum() != 0 && scale > -1000 && scale < 1000) {
            int precision = value.precision();
            int exponent = precision - scale - 1;
            if (precision <= MAX_DIGITS && exponent >= MIN_EXPONENT && exponent <= MAX_EXPONENT) {
                return value.toString();
            }
        }
        return checkedExactly(value);
    }

    /** {@link #checked} the reference way. */
    static String checkedExactly(BigDecimal value) {
        if (value.signum() == 0) {
            return value.scale() >= 0 && value.precision() <= MAX_DIGITS ? value.toPlainString() : "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_DIGITS) {
            throw new IllegalArgumentException("DynamoDB numbers have at most 38 significant digits; " + value
                    + " has " + stripped.precision());
        }
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("DynamoDB numbers lie between 1E-130 and 9.99…E+125 in magnitude; "
                    + value + " does not");
        }
        return (value.precision() <= MAX_DIGITS ? value : stripped).toString();
    }

    /** Plain text ({@code 100}, {@code 0.001}) unless that is long; then scientific ({@code 1E-100}). */
    static String decimalText(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        checked(stripped);
        String plain = stripped.toPlainString();
        return plain.length() <= PLAIN_LIMIT ? plain : stripped.toString();
    }

    static String shortest(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("DynamoDB cannot store " + value);
        }
        if (value == 0) {
            return "0";
        }
        String fast = DoubleText.shortest(value);
        if (fast != null) {
            return fast;
        }
        return shortestExactly(value);
    }

    /** {@link #shortest(double)} the slow, reference way, for a finite non-zero value. */
    static String shortestExactly(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return decimalText(rounded);
            }
        }
        return decimalText(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    static String shortest(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("DynamoDB cannot store " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == value) {
                return decimalText(rounded);
            }
        }
        return decimalText(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)));
    }
}
