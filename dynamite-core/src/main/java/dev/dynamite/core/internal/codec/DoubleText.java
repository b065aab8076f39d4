package dev.dynamite.core.internal.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Fast paths of {@link NumberCodec}'s number text for common values. Each either gives exactly the reference result
 * (the {@link BigDecimal} computation in {@code NumberCodec}) or declines, and the caller then computes it the
 * reference way.
 */
final class DoubleText {
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
    private static final int PLAIN_LIMIT = 24;

    private DoubleText() {
    }

    /**
     * Returns {@code NumberCodec.shortest(value)} for a finite, non-zero value, or null to decline.
     *
     * <p>The reference rounds the exact binary value to 1, 2, 3… significant digits and takes the first rounding that
     * reads back as the value. Here a candidate decimal {@code c} of {@code n} significant digits is found (by scaling
     * with powers of ten, else from {@link Double#toString}) and verified to read back as the value. If
     * {@code n <= 15}, no decimal of fewer digits reads back as the value (it would be a second decimal of at most 15
     * digits within the value's rounding interval, which is narrower than their spacing around a normal double), and
     * the rounding to {@code n} digits is within {@code |c - value|} of the value, so less than the spacing away from
     * {@code c}: it is {@code c}. Larger {@code n}, and magnitudes far from 1, are declined.
     */
    static @Nullable String shortest(double value) {
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

    /** {@link #shortest} through the decimal that {@link Double#toString} writes. */
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
