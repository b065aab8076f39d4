package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
                long fast = parseLong(text, 9);
                return fast != NOT_FAST ? (T) Integer.valueOf((int) fast) : parseDecimal(text);
            }
            case KIND_LONG: {
                long fast = parseLong(text, 18);
                return fast != NOT_FAST ? (T) Long.valueOf(fast) : parseDecimal(text);
            }
            case KIND_DOUBLE: {
                double fast = parseDouble(text);
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
        BuiltInCodecs.expect(value, AttributeValue.Type.N, name);
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
        String fast = fastShortest(value);
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

    // ---------------------------------------------------------------- fast paths
    // Each either gives exactly the reference result (the BigDecimal computation above) or declines, and the caller
    // then computes it the reference way. Here rather than in a class of their own: one class fewer for a cold JVM.

    /** What {@link #parseLong} returns when it declines. */
    static final long NOT_FAST = Long.MIN_VALUE;
    /** The exact powers of ten of type double: 1E0 to 1E22. */
    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    /**
     * Decimals of at most this many significant digits (DBL_DIG) are at least one ulp apart around any normal double,
     * so at most one of them reads back as a given double.
     */
    private static final int UNIQUE_DIGITS = 15;

    /**
     * Returns {@code shortest(value)} for a finite, non-zero value, or null to decline.
     *
     * <p>The reference rounds the exact binary value to 1, 2, 3… significant digits and takes the first rounding that
     * reads back as the value. Here a candidate decimal {@code c} of {@code n} significant digits is found (by scaling
     * with powers of ten, else from {@link Double#toString}) and verified to read back as the value. If
     * {@code n <= 15}, no decimal of fewer digits reads back as the value (it would be a second decimal of at most 15
     * digits within the value's rounding interval, which is narrower than their spacing around a normal double), and
     * the rounding to {@code n} digits is within {@code |c - value|} of the value, so less than the spacing away from
     * {@code c}: it is {@code c}. Larger {@code n}, and magnitudes far from 1, are declined.
     */
    static @Nullable String fastShortest(double value) {
        double abs = Math.abs(value);
        if (!(abs >= 1e-100 && abs < 1e100)) {
            return null;
        }
        // Any decimal of at most 15 digits that reads back as the value is the answer, however it was found. Values
        // with few decimals (prices, ratings, ...) are found by scaling by 10^k; the division is correctly rounded
        // (exact operands below 2^53 and 10^22), so it is what reading the decimal back gives.
        if (abs >= 1e-7 && abs < 1e15) {
            for (int k = 0; k < POWERS.length; k++) {
                double scaled = abs * POWERS[k];
                if (scaled >= 1e15) {
                    break;
                }
                double unscaled = Math.rint(scaled);
                if (unscaled / POWERS[k] == abs) {
                    long candidate = (long) unscaled;
                    int power = -k;
                    while (candidate % 10 == 0) {
                        candidate /= 10;
                        power++;
                    }
                    return plainOrScientific(value < 0, candidate, digitCount(candidate), power);
                }
            }
        }
        return viaToString(value, abs);
    }

    private static int digitCount(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    /** {@link #fastShortest} through the decimal that {@link Double#toString} writes. */
    private static @Nullable String viaToString(double value, double abs) {
        String text = Double.toString(abs);
        int length = text.length();
        long unscaled = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean fraction = false;
        int i = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fraction = true;
            } else if (c >= '0' && c <= '9') {
                if (fraction) {
                    fractionDigits++;
                }
                if (unscaled != 0 || c != '0') {
                    if (++digits > 17) {
                        return null;
                    }
                    unscaled = unscaled * 10 + (c - '0');
                }
            } else {
                break;
            }
        }
        int exponent = 0;
        if (i < length) {
            if (text.charAt(i) != 'E') {
                return null;
            }
            exponent = Integer.parseInt(text, i + 1, length, 10);
        }
        if (unscaled == 0) {
            return null;
        }
        int power = exponent - fractionDigits;
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            power++;
            digits--;
        }
        if (digits > UNIQUE_DIGITS) {
            return null;
        }
        boolean readsBack;
        if (power >= 0 && power < POWERS.length) {
            readsBack = (double) unscaled * POWERS[power] == abs;
        } else if (power < 0 && -power < POWERS.length) {
            readsBack = (double) unscaled / POWERS[-power] == abs;
        } else {
            readsBack = Double.parseDouble(text) == abs;
        }
        if (!readsBack) {
            return null;
        }
        return plainOrScientific(value < 0, unscaled, digits, power);
    }

    /**
     * The plain text of {@code ±unscaled × 10^power} (unscaled of {@code digits} digits, no trailing zero), or if that
     * is longer than 24 characters, {@link BigDecimal#toString()}'s scientific form: as {@code NumberCodec.decimalText}.
     */
    private static String plainOrScientific(boolean negative, long unscaled, int digits, int power) {
        int sign = negative ? 1 : 0;
        int leading = power + digits - 1;
        int length;
        if (power >= 0) {
            length = sign + digits + power;
        } else if (leading >= 0) {
            length = sign + digits + 1;
        } else {
            length = sign + 2 + (-leading - 1) + digits;
        }
        if (length > PLAIN_LIMIT) {
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, -power).toString();
        }
        byte[] out = new byte[length];
        if (negative) {
            out[0] = '-';
        }
        // the digits, right to left, skipping the decimal point; then zeros or "0.0…" on their side
        int point = power < 0 && leading >= 0 ? sign + leading + 1 : -1;
        int end = power >= 0 ? sign + digits : length;
        long rest = unscaled;
        for (int at = end - 1, k = 0; k < digits; at--) {
            if (at == point) {
                out[at] = '.';
                continue;
            }
            out[at] = (byte) ('0' + rest % 10);
            rest /= 10;
            k++;
        }
        if (power >= 0) {
            for (int at = end; at < length; at++) {
                out[at] = '0';
            }
        } else if (leading < 0) {
            out[sign] = '0';
            out[sign + 1] = '.';
            for (int at = sign + 2; at < length - digits; at++) {
                out[at] = '0';
            }
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Returns {@code new BigDecimal(text).doubleValue()} for text of the shape {@code -?\d+(\.\d+)?} with at most 15
     * digits, or NaN to decline.
     *
     * <p>For such text, {@code BigDecimal} holds an unscaled value below 2^52 and a scale below 23, and its
     * {@code doubleValue} is the correctly rounded quotient {@code (double) unscaled / 10^scale}, computed here the
     * same way (a zero is {@code 0.0}, never {@code -0.0}).
     */
    static double parseDouble(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && text.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        int integerDigits = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > UNIQUE_DIGITS) {
                    return Double.NaN;
                }
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                } else {
                    integerDigits++;
                }
            } else if (c == '.' && scale < 0 && integerDigits > 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (integerDigits == 0 || scale == 0) {
            return Double.NaN;
        }
        long signed = negative ? -unscaled : unscaled;
        return scale <= 0 ? (double) signed : (double) signed / POWERS[scale];
    }

    /**
     * Returns the value of text of the shape {@code -?\d+} with 1 to {@code maxDigits} (at most 18) digits, which is
     * {@code new BigDecimal(text)}'s value, or {@link #NOT_FAST} to decline.
     */
    static long parseLong(String text, int maxDigits) {
        int length = text.length();
        int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digits = length - i;
        if (digits < 1 || digits > maxDigits) {
            return NOT_FAST;
        }
        long value = 0;
        for (int k = i; k < length; k++) {
            int digit = text.charAt(k) - '0';
            if (digit < 0 || digit > 9) {
                return NOT_FAST;
            }
            value = value * 10 + digit;
        }
        return i == 1 ? -value : value;
    }
}
