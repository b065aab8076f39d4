package dev.dynamite.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.spi.AttributeCodec;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BuiltInCodecsTest {
    private final Codecs codecs = Codecs.of(List.of());

    enum Color { RED, DARK_BLUE }

    private <T> T roundTrip(Type type, T value) {
        AttributeCodec<T> codec = codecs.codecFor(type);
        return codec.decode(codec.encode(value));
    }

    private AttributeValue encode(Type type, Object value) {
        return codecs.codecFor(type).encode(value);
    }

    @Test
    void stringsAreS() {
        String[] samples = {"", "plain", "ünïcödé", "日本語", "emoji 😀 and 𝄞 (surrogate pairs)", "\u0000nul", "line\nbreak"};
        for (String s : samples) {
            assertThat(encode(String.class, s)).isEqualTo(AttributeValue.fromS(s));
            assertThat(roundTrip(String.class, s)).isEqualTo(s);
        }
    }

    @Test
    void booleansAreBool() {
        assertThat(encode(boolean.class, true)).isEqualTo(AttributeValue.fromBool(true));
        assertThat(roundTrip(Boolean.class, false)).isFalse();
        assertThat(roundTrip(boolean.class, true)).isTrue();
    }

    @Test
    void charactersAreS() {
        assertThat(encode(char.class, 'x')).isEqualTo(AttributeValue.fromS("x"));
        assertThat(roundTrip(Character.class, 'é')).isEqualTo('é');
        assertThatThrownBy(() -> codecs.codecFor(char.class).decode(AttributeValue.fromS("ab")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single character");
    }

    @Test
    void integralNumbersAreNAndRoundTripAtTheirLimits() {
        assertThat(encode(int.class, 42)).isEqualTo(AttributeValue.fromN("42"));
        assertThat(roundTrip(int.class, Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(roundTrip(Integer.class, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(roundTrip(long.class, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip(Long.class, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip(short.class, Short.MIN_VALUE)).isEqualTo(Short.MIN_VALUE);
        assertThat(roundTrip(Short.class, (short) 7)).isEqualTo((short) 7);
        assertThat(roundTrip(byte.class, Byte.MIN_VALUE)).isEqualTo(Byte.MIN_VALUE);
        assertThat(roundTrip(Byte.class, Byte.MAX_VALUE)).isEqualTo(Byte.MAX_VALUE);
    }

    @Test
    void integralDecodeRejectsOverflowAndFractions() {
        assertThatThrownBy(() -> codecs.codecFor(int.class).decode(AttributeValue.fromN("2147483648")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit in Integer");
        assertThatThrownBy(() -> codecs.codecFor(long.class).decode(AttributeValue.fromN("1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit in Long");
        assertThat(codecs.<Integer>codecFor(int.class).decode(AttributeValue.fromN("1E+2"))).isEqualTo(100);
    }

    @Test
    void floatingPointUsesTheShortestDecimal() {
        assertThat(encode(double.class, 0.1)).isEqualTo(AttributeValue.fromN("0.1"));
        assertThat(encode(double.class, 2.0E-3)).isEqualTo(AttributeValue.fromN("0.002"));
        assertThat(encode(Double.class, 1.0E20)).isEqualTo(AttributeValue.fromN("100000000000000000000"));
        assertThat(encode(double.class, 100.0)).isEqualTo(AttributeValue.fromN("100"));
        assertThat(encode(double.class, -1.5e-100)).isEqualTo(AttributeValue.fromN("-1.5E-100"));
        assertThat(encode(float.class, 0.1f)).isEqualTo(AttributeValue.fromN("0.1"));
        assertThat(encode(double.class, 0.0)).isEqualTo(AttributeValue.fromN("0"));
        assertThat(encode(double.class, 1.0E23)).isEqualTo(AttributeValue.fromN("100000000000000000000000"));
        assertThat(encode(double.class, 1.0E30)).isEqualTo(AttributeValue.fromN("1E+30"));
        assertThat(encode(double.class, -0.0)).isEqualTo(AttributeValue.fromN("0"));
        double[] samples = {0.1 + 0.2, -123.456, 1.0 / 3, Math.PI, -Math.E, 1e-100, 9.99e125, 5e-130,
            Long.MAX_VALUE * 3.0, Float.MAX_VALUE, Double.MIN_NORMAL * 1e200};
        for (double d : samples) {
            assertThat(roundTrip(double.class, d)).isEqualTo(d);
        }
        float[] floats = {0.3f, -1.17549435E-38f, Float.MAX_VALUE, 16777217f, (float) Math.PI};
        for (float f : floats) {
            assertThat(roundTrip(float.class, f)).isEqualTo(f);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nanAndInfinityAreRejected(double d) {
        assertThatThrownBy(() -> encode(double.class, d)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(float.class, (float) d)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bigDecimalsKeep38Digits() {
        BigDecimal[] samples = {
            new BigDecimal("12345678901234567890123456789012345678"),
            new BigDecimal("-1.2345678901234567890123456789012345678"),
            new BigDecimal("9.9999999999999999999999999999999999999E+125"),
            new BigDecimal("1E-130"),
            new BigDecimal("-1E-130"),
            new BigDecimal("0.00"),
            new BigDecimal("1.50"),
            new BigDecimal("-0.000000000000000000000000000000000000000000001"),
        };
        for (BigDecimal d : samples) {
            assertThat(roundTrip(BigDecimal.class, d)).isEqualTo(d);
        }
        assertThat(encode(BigDecimal.class, new BigDecimal("12345678901234567890123456789012345678")))
                .isEqualTo(AttributeValue.fromN("12345678901234567890123456789012345678"));
    }

    @Test
    void numbersBeyondDynamoDbLimitsAreRejected() {
        assertThatThrownBy(() -> encode(BigDecimal.class, new BigDecimal("123456789012345678901234567890123456789")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("38 significant digits");
        assertThatThrownBy(() -> encode(BigDecimal.class, new BigDecimal("1E+126")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1E-130");
        assertThatThrownBy(() -> encode(BigDecimal.class, new BigDecimal("1E-131")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(double.class, Double.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bigIntegersRoundTrip() {
        BigInteger big = new BigInteger("-99999999999999999999999999999999999999");
        assertThat(roundTrip(BigInteger.class, big)).isEqualTo(big);
        BigInteger huge = BigInteger.TEN.pow(100);
        assertThat(encode(BigInteger.class, huge)).isEqualTo(AttributeValue.fromN("1E+100"));
        assertThat(roundTrip(BigInteger.class, huge)).isEqualTo(huge);
        assertThatThrownBy(() -> codecs.codecFor(BigInteger.class).decode(AttributeValue.fromN("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesAreB() {
        byte[] data = {0, -1, 127, -128, 42};
        assertThat(encode(byte[].class, data)).isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(data)));
        assertThat(roundTrip(byte[].class, data)).containsExactly(data);
        assertThat(roundTrip(byte[].class, new byte[0])).isEmpty();
    }

    @Test
    void enumsAreSByName() {
        assertThat(encode(Color.class, Color.DARK_BLUE)).isEqualTo(AttributeValue.fromS("DARK_BLUE"));
        assertThat(roundTrip(Color.class, Color.RED)).isEqualTo(Color.RED);
        assertThatThrownBy(() -> codecs.codecFor(Color.class).decode(AttributeValue.fromS("GREEN")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GREEN")
                .hasMessageContaining("DARK_BLUE");
    }

    @Test
    void uuidAndTimeTypesAreIsoStrings() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(encode(UUID.class, id)).isEqualTo(AttributeValue.fromS("123e4567-e89b-12d3-a456-426614174000"));
        assertThat(roundTrip(UUID.class, id)).isEqualTo(id);

        Instant instant = Instant.parse("2024-05-01T10:15:30.123456789Z");
        assertThat(encode(Instant.class, instant)).isEqualTo(AttributeValue.fromS("2024-05-01T10:15:30.123456789Z"));
        assertThat(roundTrip(Instant.class, instant)).isEqualTo(instant);
        assertThat(roundTrip(Instant.class, Instant.EPOCH)).isEqualTo(Instant.EPOCH);

        LocalDate date = LocalDate.of(1999, 12, 31);
        assertThat(encode(LocalDate.class, date)).isEqualTo(AttributeValue.fromS("1999-12-31"));
        assertThat(roundTrip(LocalDate.class, date)).isEqualTo(date);

        LocalDateTime dateTime = LocalDateTime.of(2020, 2, 29, 23, 59, 0);
        assertThat(roundTrip(LocalDateTime.class, dateTime)).isEqualTo(dateTime);

        OffsetDateTime offset = OffsetDateTime.of(2021, 3, 4, 5, 6, 7, 8, ZoneOffset.ofHours(-5));
        assertThat(encode(OffsetDateTime.class, offset)).isEqualTo(AttributeValue.fromS("2021-03-04T05:06:07.000000008-05:00"));
        assertThat(roundTrip(OffsetDateTime.class, offset)).isEqualTo(offset);

        assertThatThrownBy(() -> codecs.codecFor(Instant.class).decode(AttributeValue.fromS("yesterday")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'yesterday'")
                .hasMessageContaining("Instant");
    }

    @Test
    void listsAreLOfTheirElementCodec() {
        Type type = new TypeRef<List<Instant>>() {}.type();
        List<Instant> value = List.of(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(encode(type, value)).isEqualTo(AttributeValue.fromL(List.of(
                AttributeValue.fromS("1970-01-01T00:00:00Z"), AttributeValue.fromS("2030-01-01T00:00:00Z"))));
        assertThat(roundTrip(type, value)).isInstanceOf(ArrayList.class).isEqualTo(value);

        Type collection = new TypeRef<Collection<String>>() {}.type();
        assertThat(roundTrip(collection, List.of("a", "b"))).isInstanceOf(ArrayList.class).isEqualTo(List.of("a", "b"));
        assertThat(roundTrip(type, List.of())).isEmpty();
        Type wildcard = new TypeRef<List<? extends Number>>() {}.type();
        assertThatThrownBy(() -> codecs.codecFor(wildcard)).isInstanceOf(CodecNotFoundException.class);
    }

    @Test
    void nullElementsOfListsAndMapsAreNull() {
        Type listType = new TypeRef<List<String>>() {}.type();
        List<String> withNull = Arrays.asList("a", null, "c");
        AttributeValue encoded = encode(listType, withNull);
        assertThat(encoded.l().get(1)).isEqualTo(AttributeValue.fromNul(true));
        assertThat(roundTrip(listType, withNull)).containsExactly("a", null, "c");

        Type mapType = new TypeRef<Map<String, Integer>>() {}.type();
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("one", 1);
        map.put("none", null);
        assertThat(encode(mapType, map).m().get("none")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(roundTrip(mapType, map)).isEqualTo(map);
    }

    @Test
    void mapsAreMAndKeepOrder() {
        Type type = new TypeRef<Map<String, BigDecimal>>() {}.type();
        Map<String, BigDecimal> value = new LinkedHashMap<>();
        value.put("z", new BigDecimal("1.10"));
        value.put("a", new BigDecimal("-12345678901234567890123456789012345678"));
        assertThat(encode(type, value)).isEqualTo(AttributeValue.fromM(Map.of(
                "z", AttributeValue.fromN("1.10"), "a", AttributeValue.fromN("-12345678901234567890123456789012345678"))));
        Map<String, BigDecimal> back = roundTrip(type, value);
        assertThat(back).isInstanceOf(LinkedHashMap.class).isEqualTo(value);
        assertThat(back.keySet()).containsExactly("z", "a");

        assertThatThrownBy(() -> codecs.codecFor(new TypeRef<Map<Integer, String>>() {}.type()))
                .isInstanceOf(CodecNotFoundException.class);
    }

    @Test
    void nestedContainersRoundTrip() {
        Type type = new TypeRef<Map<String, List<Long>>>() {}.type();
        Map<String, List<Long>> value = new LinkedHashMap<>();
        value.put("primes", List.of(2L, 3L, 5L));
        value.put("extremes", List.of(Long.MIN_VALUE, Long.MAX_VALUE));
        value.put("empty", List.of());
        assertThat(encode(type, value).m().get("primes")).isEqualTo(AttributeValue.fromL(List.of(
                AttributeValue.fromN("2"), AttributeValue.fromN("3"), AttributeValue.fromN("5"))));
        assertThat(roundTrip(type, value)).isEqualTo(value);

        Type deeper = new TypeRef<List<Map<String, Set<String>>>>() {}.type();
        List<Map<String, Set<String>>> nested = List.of(Map.of("tags", Set.of("x", "y")));
        assertThat(roundTrip(deeper, nested)).isEqualTo(nested);
    }

    @Test
    void setsOfStringsNumbersAndBinaryAreSsNsBs() {
        Type strings = new TypeRef<Set<String>>() {}.type();
        Set<String> tags = new LinkedHashSet<>(List.of("b", "a", "😀"));
        assertThat(encode(strings, tags)).isEqualTo(AttributeValue.fromSs(List.of("b", "a", "😀")));
        assertThat(roundTrip(strings, tags)).isInstanceOf(LinkedHashSet.class).containsExactly("b", "a", "😀");

        Type ints = new TypeRef<Set<Integer>>() {}.type();
        assertThat(encode(ints, new LinkedHashSet<>(List.of(3, -1)))).isEqualTo(AttributeValue.fromNs(List.of("3", "-1")));
        assertThat(roundTrip(ints, Set.of(1, 2, 3))).isInstanceOf(LinkedHashSet.class).isEqualTo(Set.of(1, 2, 3));

        Type decimals = new TypeRef<Set<BigDecimal>>() {}.type();
        Set<BigDecimal> money = Set.of(new BigDecimal("0.1"), new BigDecimal("12345678901234567890123456789012345678"));
        assertThat(encode(decimals, money).type()).isEqualTo(AttributeValue.Type.NS);
        assertThat(roundTrip(decimals, money)).isEqualTo(money);
        assertThat(encode(new TypeRef<Set<Double>>() {}.type(), Set.of(0.5)))
                .isEqualTo(AttributeValue.fromNs(List.of("0.5")));

        Type binary = new TypeRef<Set<byte[]>>() {}.type();
        byte[] one = {1, 2};
        byte[] two = {};
        AttributeValue bs = encode(binary, new LinkedHashSet<>(List.of(one, two)));
        assertThat(bs).isEqualTo(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(one), SdkBytes.fromByteArray(two))));
        Set<byte[]> back = codecs.<Set<byte[]>>codecFor(binary).decode(bs);
        assertThat(back).isInstanceOf(LinkedHashSet.class).hasSize(2);
        assertThat(back.iterator().next()).containsExactly(one);
    }

    @Test
    void otherSetsAreL() {
        Type type = new TypeRef<Set<UUID>>() {}.type();
        UUID id = UUID.randomUUID();
        assertThat(encode(type, Set.of(id))).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS(id.toString()))));
        assertThat(roundTrip(type, Set.of(id))).isInstanceOf(LinkedHashSet.class).containsExactly(id);
        assertThat(roundTrip(type, Set.of())).isEmpty();
    }

    @Test
    void emptyAndNullHoldingDynamoDbSetsAreRejected() {
        for (Type type : List.of(new TypeRef<Set<String>>() {}.type(), new TypeRef<Set<Long>>() {}.type(),
                new TypeRef<Set<byte[]>>() {}.type())) {
            assertThatThrownBy(() -> encode(type, Set.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("DynamoDB cannot store an empty set");
        }
        assertThatThrownBy(() -> encode(new TypeRef<Set<String>>() {}.type(), new LinkedHashSet<>(Arrays.asList("a", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void rawContainersNeedTheirElementType() {
        for (Class<?> raw : List.of(List.class, Set.class, Map.class, Collection.class)) {
            assertThatThrownBy(() -> codecs.codecFor(raw))
                    .isInstanceOf(CodecNotFoundException.class)
                    .hasMessageContaining(raw.getName())
                    .cause().hasMessageContaining("declare the element type");
        }
    }

    @Test
    void unsupportedTypesAreNotFound() {
        assertThatThrownBy(() -> codecs.codecFor(Object.class)).isInstanceOf(CodecNotFoundException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> codecs.codecFor(new TypeRef<Set<Object>>() {}.type()))
                .isInstanceOf(CodecNotFoundException.class);
    }

    @Test
    void decodingAnotherStoredTypeNamesBoth() {
        assertThatThrownBy(() -> codecs.codecFor(long.class).decode(AttributeValue.fromS("12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a DynamoDB N").hasMessageContaining("of type S");
        assertThatThrownBy(() -> codecs.codecFor(String.class).decode(AttributeValue.fromN("12")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a DynamoDB S")
                .hasMessageContaining("of type N");
        assertThatThrownBy(() -> codecs.codecFor(boolean.class).decode(AttributeValue.fromS("true")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BOOL");
        assertThatThrownBy(() -> codecs.codecFor(byte[].class).decode(AttributeValue.fromS("AAA=")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a DynamoDB B ");
        assertThatThrownBy(() -> codecs.codecFor(new TypeRef<Set<String>>() {}.type())
                .decode(AttributeValue.fromL(List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SS").hasMessageContaining("of type L");
        assertThatThrownBy(() -> codecs.codecFor(new TypeRef<List<String>>() {}.type())
                .decode(AttributeValue.fromM(Map.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a DynamoDB L").hasMessageContaining("of type M");
        assertThatThrownBy(() -> codecs.codecFor(new TypeRef<Map<String, String>>() {}.type())
                .decode(AttributeValue.fromS("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a DynamoDB M");
        assertThatThrownBy(() -> codecs.codecFor(new TypeRef<List<Integer>>() {}.type())
                .decode(AttributeValue.fromL(List.of(AttributeValue.fromS("1"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a DynamoDB N");
    }
}
