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
class NumberCodec<T extends Number> implements AttributeCodec<T> {
    static final int MAX_DIGITS = 38;
    static final int MIN_EXPONENT = -130;
    static final int MAX_EXPONENT = 125;
    private static final int PLAIN_LIMIT = 24;

    // the codecs format and convert by a switch on their name, not lambdas: each lambda would spin a class when a
    // cold JVM first maps an item
    static final NumberCodec<Byte> BYTE = new NumberCodec<>("Byte");
    static final NumberCodec<Short> SHORT = new NumberCodec<>("Short");
    static final NumberCodec<Integer> INTEGER = new IntegerCodec();
    static final NumberCodec<Long> LONG = new LongCodec();
    static final NumberCodec<Float> FLOAT = new NumberCodec<>("Float");
    static final NumberCodec<Double> DOUBLE = new DoubleCodec();
    static final NumberCodec<BigDecimal> BIG_DECIMAL = new BigDecimalCodec();
    static final NumberCodec<BigInteger> BIG_INTEGER = new NumberCodec<>("BigInteger");

    private static final Map<Class<?>, NumberCodec<?>> BY_TYPE = Map.of(
            Byte.class, BYTE, Short.class, SHORT, Integer.class, INTEGER, Long.class, LONG,
            Float.class, FLOAT, Double.class, DOUBLE, BigDecimal.class, BIG_DECIMAL, BigInteger.class, BIG_INTEGER);

    private final String name;

    NumberCodec(String name) {
        this.name = name;
    }

    /** The {@code N} text of a value of this codec's type. */
    private String format(T value) {
        switch (name) {
            case "Byte": return Byte.toString((Byte) value);
            case "Short": return Short.toString((Short) value);
            case "Integer": return Integer.toString((Integer) value);
            case "Long": return Long.toString((Long) value);
            case "Float": return shortest((Float) value);
            case "Double": return shortest((Double) value);
            case "BigDecimal": return checked((BigDecimal) value);
            case "BigInteger": return checked(new BigDecimal((BigInteger) value));
            default: throw new IllegalStateException(name);
        }
    }

    /** A decimal as this codec's type, exactly; {@link ArithmeticException} if it does not fit. */
    @SuppressWarnings("unchecked")
    private T convert(BigDecimal decimal) {
        switch (name) {
            case "Byte": return (T) Byte.valueOf(decimal.byteValueExact());
            case "Short": return (T) Short.valueOf(decimal.shortValueExact());
            case "Integer": return (T) Integer.valueOf(decimal.intValueExact());
            case "Long": return (T) Long.valueOf(decimal.longValueExact());
            case "Float": return (T) Float.valueOf(decimal.floatValue());
            case "Double": return (T) Double.valueOf(decimal.doubleValue());
            case "BigDecimal": return (T) decimal;
            case "BigInteger": return (T) decimal.toBigIntegerExact();
            default: throw new IllegalStateException(name);
        }
    }

    static boolean isNumberType(Class<?> type) {
        return BY_TYPE.containsKey(type);
    }

    @SuppressWarnings("unchecked")
    static <N extends Number> NumberCodec<N> of(Class<?> type) {
        return (NumberCodec<N>) BY_TYPE.get(type);
    }

    /** Returns the {@code N} text of a value. */
    String text(T value) {
        return format(value);
    }

    /** Parses the {@code N} text of a value. */
    T parse(String text) {
        return parseDecimal(text);
    }

    /** Parses the {@code N} text of a value through {@link BigDecimal}: the reference behaviour. */
    final T parseDecimal(String text) {
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

    static final class IntegerCodec extends NumberCodec<Integer> {
        IntegerCodec() {
            super("Integer");
        }

        @Override
        String text(Integer value) {
            return Integer.toString(value);
        }

        @Override
        Integer parse(String text) {
            long fast = DoubleText.parseLong(text, 9);
            return fast != DoubleText.NOT_FAST ? Integer.valueOf((int) fast) : parseDecimal(text);
        }

        @Override
        public AttributeValue encode(Integer value) {
            return AttributeValue.createN(Integer.toString(value));
        }

        @Override
        public Integer decode(AttributeValue value) {
            Attributes.expect(value, AttributeValue.Type.N, "Integer");
            return parse(value.n());
        }
    }

    static final class LongCodec extends NumberCodec<Long> {
        LongCodec() {
            super("Long");
        }

        @Override
        String text(Long value) {
            return Long.toString(value);
        }

        @Override
        Long parse(String text) {
            long fast = DoubleText.parseLong(text, 18);
            return fast != DoubleText.NOT_FAST ? Long.valueOf(fast) : parseDecimal(text);
        }

        @Override
        public AttributeValue encode(Long value) {
            return AttributeValue.createN(Long.toString(value));
        }

        @Override
        public Long decode(AttributeValue value) {
            Attributes.expect(value, AttributeValue.Type.N, "Long");
            return parse(value.n());
        }
    }

    static final class DoubleCodec extends NumberCodec<Double> {
        DoubleCodec() {
            super("Double");
        }

        @Override
        String text(Double value) {
            return shortest(value);
        }

        @Override
        Double parse(String text) {
            double fast = DoubleText.parseDouble(text);
            return fast == fast ? Double.valueOf(fast) : parseDecimal(text);
        }

        @Override
        public AttributeValue encode(Double value) {
            return AttributeValue.createN(shortest(value));
        }

        @Override
        public Double decode(AttributeValue value) {
            Attributes.expect(value, AttributeValue.Type.N, "Double");
            return parse(value.n());
        }
    }

    static final class BigDecimalCodec extends NumberCodec<BigDecimal> {
        BigDecimalCodec() {
            super("BigDecimal");
        }

        @Override
        String text(BigDecimal value) {
            return checked(value);
        }

        @Override
        public AttributeValue encode(BigDecimal value) {
            return AttributeValue.createN(checked(value));
        }

        @Override
        public BigDecimal decode(AttributeValue value) {
            Attributes.expect(value, AttributeValue.Type.N, "BigDecimal");
            return parse(value.n());
        }
    }
}
