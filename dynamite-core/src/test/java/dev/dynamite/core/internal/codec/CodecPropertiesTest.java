package dev.dynamite.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.spi.AttributeCodec;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Round trips of the built-in codecs over generated values. */
class CodecPropertiesTest {
    private final Codecs codecs = Codecs.of(List.of());

    private <T> T roundTrip(Type type, T value) {
        AttributeCodec<T> codec = codecs.codecFor(type);
        return codec.decode(codec.encode(value));
    }

    /** Decimals of 1 to 38 significant digits, either sign, whose magnitude DynamoDB can store (1E-130 to 1E+126). */
    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<Integer> digits = Arbitraries.integers().between(1, NumberCodec.MAX_DIGITS);
        return digits.flatMap(p -> Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(p - 1), BigInteger.TEN.pow(p).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(NumberCodec.MIN_EXPONENT, NumberCodec.MAX_EXPONENT),
                Arbitraries.of(1, -1))
                .as((unscaled, exponent, sign) -> new BigDecimal(unscaled.multiply(BigInteger.valueOf(sign)), p - 1 - exponent)));
    }

    /** Strings of any Unicode code points (supplementary ones as surrogate pairs), empty included. */
    @Provide
    Arbitrary<String> unicode() {
        Arbitrary<Integer> codePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
        return codePoint.list().ofMaxSize(40).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    /** Doubles DynamoDB can store: zero or a magnitude between 1E-130 and 1E+126. */
    @Provide
    Arbitrary<Double> storableDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)))
                .filter(d -> d == 0 || (Math.abs(d) >= 1e-130 && Math.abs(d) < 1e126));
    }

    @Provide
    Arbitrary<Map<String, List<BigDecimal>>> nestedDecimals() {
        return Arbitraries.maps(unicode(), decimals().list().ofMaxSize(5)).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Map<String, String>>> nestedStrings() {
        return Arbitraries.maps(unicode(), unicode()).ofMaxSize(4).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<List<byte[]>>> nestedBytes() {
        return bytes().list().ofMaxSize(4).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Map<String, Map<String, Set<String>>>> nestedSets() {
        return Arbitraries.maps(unicode(), Arbitraries.maps(unicode(), unicode().set().ofMinSize(1).ofMaxSize(4))
                .ofMaxSize(3)).ofMaxSize(3);
    }

    @Property
    void decimalsRoundTripExactly(@ForAll("decimals") BigDecimal value) {
        AttributeValue encoded = codecs.codecFor(BigDecimal.class).encode(value);
        assertThat(new BigDecimal(encoded.n())).isEqualTo(value);
        assertThat(roundTrip(BigDecimal.class, value)).isEqualTo(value);
    }

    @Property
    void decimalSetsAreNs(@ForAll("decimals") BigDecimal first, @ForAll("decimals") BigDecimal second) {
        Type type = new TypeRef<Set<BigDecimal>>() {}.type();
        Set<BigDecimal> value = first.equals(second) ? Set.of(first) : Set.of(first, second);
        assertThat(codecs.codecFor(type).encode(value).type()).isEqualTo(AttributeValue.Type.NS);
        assertThat(roundTrip(type, value)).isEqualTo(value);
    }

    @Property
    void bigIntegersRoundTrip(@ForAll("decimals") BigDecimal decimal) {
        BigInteger value = decimal.toBigInteger();
        assertThat(roundTrip(BigInteger.class, value)).isEqualTo(value);
    }

    @Property
    void longsAndIntsRoundTrip(@ForAll long l, @ForAll int i, @ForAll short s, @ForAll byte b) {
        assertThat(roundTrip(long.class, l)).isEqualTo(l);
        assertThat(roundTrip(int.class, i)).isEqualTo(i);
        assertThat(roundTrip(short.class, s)).isEqualTo(s);
        assertThat(roundTrip(byte.class, b)).isEqualTo(b);
    }

    @Property
    void doublesRoundTripThroughTheirShortestText(@ForAll("storableDoubles") double value) {
        String text = codecs.codecFor(double.class).encode(value).n();
        assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
        // never longer than Java's own round-tripping text
        assertThat(new BigDecimal(text).stripTrailingZeros().precision())
                .isLessThanOrEqualTo(new BigDecimal(Double.toString(value)).stripTrailingZeros().precision());
    }

    @Property
    void floatsRoundTrip(@ForAll float value) {
        float magnitude = Math.abs(value);
        if (Float.isNaN(value) || Float.isInfinite(value) || (magnitude != 0 && magnitude < 1e-130)) {
            return;
        }
        assertThat(roundTrip(float.class, value)).isEqualTo(value == 0 ? 0f : value);
    }

    @Property
    void stringsRoundTrip(@ForAll("unicode") String value) {
        assertThat(codecs.codecFor(String.class).encode(value).s()).isEqualTo(value);
        assertThat(roundTrip(String.class, value)).isEqualTo(value);
    }

    @Property
    void stringSetsAreSs(@ForAll("unicode") String first, @ForAll("unicode") String second) {
        Type type = new TypeRef<Set<String>>() {}.type();
        Set<String> value = first.equals(second) ? Set.of(first) : Set.of(first, second);
        assertThat(roundTrip(type, value)).isEqualTo(value);
    }

    @Property
    void bytesRoundTrip(@ForAll("bytes") byte[] value) {
        assertThat(roundTrip(byte[].class, value)).containsExactly(value);
    }

    @Property
    void instantsRoundTrip(@ForAll long seconds, @ForAll int nanos) {
        Instant value = Instant.ofEpochSecond(Math.floorMod(seconds, 400_000_000_000L) - 200_000_000_000L,
                Math.floorMod(nanos, 1_000_000_000));
        assertThat(roundTrip(Instant.class, value)).isEqualTo(value);
    }

    @Property(tries = 300)
    void nestedDecimalMapsRoundTrip(@ForAll("nestedDecimals") Map<String, List<BigDecimal>> value) {
        assertThat(roundTrip(new TypeRef<Map<String, List<BigDecimal>>>() {}.type(), value)).isEqualTo(value);
    }

    @Property(tries = 300)
    void nestedStringListsRoundTrip(@ForAll("nestedStrings") List<Map<String, String>> value) {
        assertThat(roundTrip(new TypeRef<List<Map<String, String>>>() {}.type(), value)).isEqualTo(value);
    }

    @Property(tries = 300)
    void nestedBinaryListsRoundTrip(@ForAll("nestedBytes") List<List<byte[]>> value) {
        List<List<byte[]>> back = roundTrip(new TypeRef<List<List<byte[]>>>() {}.type(), value);
        assertThat(back).hasSameSizeAs(value);
        for (int i = 0; i < value.size(); i++) {
            assertThat(back.get(i)).containsExactlyElementsOf(value.get(i));
        }
    }

    @Property(tries = 300)
    void nestedSetMapsRoundTrip(@ForAll("nestedSets") Map<String, Map<String, Set<String>>> value) {
        assertThat(roundTrip(new TypeRef<Map<String, Map<String, Set<String>>>>() {}.type(), value)).isEqualTo(value);
    }
}
