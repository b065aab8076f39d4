package dev.dynamite.core.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of values the built-in codecs must round-trip: shared by the codec properties and the server tests. */
public final class CodecArbitraries {
    private CodecArbitraries() {
    }

    /** Decimals of 1 to 38 significant digits, either sign, whose magnitude DynamoDB can store (1E-130 to 1E+126). */
    public static Arbitrary<BigDecimal> decimals() {
        Arbitrary<Integer> digits = Arbitraries.integers().between(1, NumberCodec.MAX_DIGITS);
        return digits.flatMap(p -> Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(p - 1), BigInteger.TEN.pow(p).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(NumberCodec.MIN_EXPONENT, NumberCodec.MAX_EXPONENT),
                Arbitraries.of(1, -1))
                .as((unscaled, exponent, sign) -> new BigDecimal(unscaled.multiply(BigInteger.valueOf(sign)), p - 1 - exponent)));
    }

    /** Strings of any Unicode code points (supplementary ones as surrogate pairs), empty included. */
    public static Arbitrary<String> unicode() {
        Arbitrary<Integer> codePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
        return codePoint.list().ofMaxSize(40).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    public static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    /** Doubles DynamoDB can store: zero or a magnitude between 1E-130 and 1E+126. */
    public static Arbitrary<Double> storableDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)))
                .filter(d -> d == 0 || (Math.abs(d) >= 1e-130 && Math.abs(d) < 1e126));
    }
}
