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

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return CodecArbitraries.decimals();
    }

    @Provide
    Arbitrary<String> unicode() {
        return CodecArbitraries.unicode();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return CodecArbitraries.bytes();
    }

    @Provide
    Arbitrary<Double> storableDoubles() {
        return CodecArbitraries.storableDoubles();
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
