package dev.dynamite.schema.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.spi.KeyTypeStrategy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class BundledKeyTypeStrategiesTest {
    private static final KeyTypeStrategy STRING = new StringKeyTypeStrategy();
    private static final KeyTypeStrategy NATIVE = new NativeKeyTypeStrategy();

    enum Color { RED, GREEN }

    private static final BigDecimal DECIMAL_38 = new BigDecimal("12345678901234567890.123456789012345678");
    private static final BigInteger BIG_INTEGER = new BigInteger("98765432109876543210987654321098765432");
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final byte[] BYTES = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};

    /** Values, their Java type, the native strategy's attribute type and the text both strategies store. */
    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("abc", String.class, ScalarAttributeType.S, "abc"),
                Arguments.of("", String.class, ScalarAttributeType.S, ""),
                Arguments.of(42, int.class, ScalarAttributeType.N, "42"),
                Arguments.of(-42, Integer.class, ScalarAttributeType.N, "-42"),
                Arguments.of(Long.MAX_VALUE, long.class, ScalarAttributeType.N, "9223372036854775807"),
                Arguments.of(-7L, Long.class, ScalarAttributeType.N, "-7"),
                Arguments.of((short) 12, short.class, ScalarAttributeType.N, "12"),
                Arguments.of((byte) -3, Byte.class, ScalarAttributeType.N, "-3"),
                Arguments.of(DECIMAL_38, BigDecimal.class, ScalarAttributeType.N, "12345678901234567890.123456789012345678"),
                Arguments.of(BIG_INTEGER, BigInteger.class, ScalarAttributeType.N, "98765432109876543210987654321098765432"),
                Arguments.of(3.25d, double.class, ScalarAttributeType.N, "3.25"),
                Arguments.of(-0.5d, Double.class, ScalarAttributeType.N, "-0.5"),
                Arguments.of(1.5f, float.class, ScalarAttributeType.N, "1.5"),
                Arguments.of(ID, UUID.class, ScalarAttributeType.S, ID.toString()),
                Arguments.of(Color.GREEN, Color.class, ScalarAttributeType.S, "GREEN"),
                Arguments.of(Instant.parse("2024-02-29T12:34:56.789Z"), Instant.class, ScalarAttributeType.S,
                        "2024-02-29T12:34:56.789Z"),
                Arguments.of(LocalDate.of(2024, 2, 29), LocalDate.class, ScalarAttributeType.S, "2024-02-29"),
                Arguments.of(LocalDateTime.of(2024, 2, 29, 8, 0, 1), LocalDateTime.class, ScalarAttributeType.S,
                        "2024-02-29T08:00:01"),
                Arguments.of(OffsetDateTime.of(2024, 2, 29, 8, 0, 1, 0, ZoneOffset.ofHours(2)), OffsetDateTime.class,
                        ScalarAttributeType.S, "2024-02-29T08:00:01+02:00"),
                Arguments.of('x', char.class, ScalarAttributeType.S, "x"),
                Arguments.of('é', Character.class, ScalarAttributeType.S, "é"));
    }

    @ParameterizedTest(name = "string: {1} {0}")
    @MethodSource("keys")
    void stringStrategyStoresEveryKeyAsTextAndReadsItBack(Object value, Class<?> type, ScalarAttributeType nativeType,
                                                        String text) {
        AttributeValue encoded = STRING.encode(value);

        assertThat(STRING.attributeType(type)).contains(ScalarAttributeType.S);
        assertThat(encoded.type()).isEqualTo(AttributeValue.Type.S);
        assertThat(encoded.s()).isEqualTo(text);
        assertThat(STRING.decode(encoded, type)).isEqualTo(value);
    }

    @ParameterizedTest(name = "native: {1} {0}")
    @MethodSource("keys")
    void nativeStrategyStoresNumbersAsNumbersAndReadsThemBack(Object value, Class<?> type,
                                                             ScalarAttributeType nativeType, String text) {
        AttributeValue encoded = NATIVE.encode(value);

        assertThat(NATIVE.attributeType(type)).contains(nativeType);
        if (nativeType == ScalarAttributeType.N) {
            assertThat(encoded.type()).isEqualTo(AttributeValue.Type.N);
            assertThat(encoded.n()).isEqualTo(text);
        } else {
            assertThat(encoded.type()).isEqualTo(AttributeValue.Type.S);
            assertThat(encoded.s()).isEqualTo(text);
        }
        assertThat(NATIVE.decode(encoded, type)).isEqualTo(value);
    }

    @Test
    void bigDecimalKeepsAll38Digits() {
        assertThat(STRING.decode(STRING.encode(DECIMAL_38), BigDecimal.class))
                .isEqualTo(DECIMAL_38).extracting(v -> ((BigDecimal) v).precision()).isEqualTo(38);
        assertThat(NATIVE.decode(NATIVE.encode(DECIMAL_38), BigDecimal.class)).isEqualTo(DECIMAL_38);
    }

    @Test
    void stringStrategyStoresBytesAsBase64Text() {
        AttributeValue encoded = STRING.encode(BYTES);

        assertThat(STRING.attributeType(byte[].class)).contains(ScalarAttributeType.S);
        assertThat(encoded.s()).isEqualTo(Base64.getEncoder().encodeToString(BYTES));
        assertThat((byte[]) STRING.decode(encoded, byte[].class)).containsExactly(BYTES);
    }

    @Test
    void nativeStrategyStoresBytesAsBinary() {
        AttributeValue encoded = NATIVE.encode(BYTES);

        assertThat(NATIVE.attributeType(byte[].class)).contains(ScalarAttributeType.B);
        assertThat(encoded.type()).isEqualTo(AttributeValue.Type.B);
        assertThat(encoded.b().asByteArray()).containsExactly(BYTES);
        assertThat((byte[]) NATIVE.decode(encoded, byte[].class)).containsExactly(BYTES);
    }

    static Stream<Arguments> plainNumbers() {
        return Stream.of(
                Arguments.of(1e20, "100000000000000000000"),
                Arguments.of(1.5e-7, "0.00000015"),
                Arguments.of(100.0, "100"),
                Arguments.of(0.0, "0"),
                Arguments.of(0x1p40f, "1099511630000"),   // floats keep their shortest round-trip text, as doubles do
                Arguments.of(0.25f, "0.25"),
                Arguments.of(new BigDecimal("1E+5"), "100000"),
                Arguments.of(new BigDecimal("1.50"), "1.50"),
                Arguments.of(new BigInteger("100000000000000000000000"), "100000000000000000000000"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("plainNumbers")
    void numbersAreWrittenAsPlainDecimalsWithoutExponent(Number number, String text) {
        AttributeValue asString = STRING.encode(number);
        AttributeValue asNumber = NATIVE.encode(number);

        assertThat(asString.type()).isEqualTo(AttributeValue.Type.S);
        assertThat(asString.s()).isEqualTo(text).doesNotContainIgnoringCase("e");
        assertThat(asNumber.type()).isEqualTo(AttributeValue.Type.N);
        assertThat(asNumber.n()).isEqualTo(text);
    }

    @Test
    void floatKeysRoundTrip() {
        assertThat(STRING.encode(1.1f).s()).isEqualTo("1.1");
        assertThat(NATIVE.encode(2.5e10f).n()).isEqualTo("24999999500");   // Float.toString: 2.49999995E10
        for (float f : new float[] {1.1f, 2.5e10f, -3.3e-5f, Float.MAX_VALUE, Float.MIN_VALUE}) {
            assertThat(STRING.decode(STRING.encode(f), float.class)).isEqualTo(f);
            assertThat(NATIVE.decode(NATIVE.encode(f), Float.class)).isEqualTo(f);
            assertThat(STRING.encode(f).s()).isEqualTo(new java.math.BigDecimal(Float.toString(f))
                    .stripTrailingZeros().toPlainString());
            assertThat(STRING.encode(f).s()).doesNotContainIgnoringCase("e");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteNumbersAreRejected(double value) {
        assertThatThrownBy(() -> STRING.encode(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> NATIVE.encode(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> NATIVE.encode((float) value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(classes = {boolean.class, Boolean.class, Object.class, List.class, Map.class, Optional.class,
            StringBuilder.class, int[].class})
    void unsupportedKeyTypesHaveNoAttributeType(Class<?> type) {
        assertThat(STRING.attributeType(type)).isEmpty();
        assertThat(NATIVE.attributeType(type)).isEmpty();
    }

    @Test
    void unsupportedKeyValuesAreRejected() {
        assertThatThrownBy(() -> STRING.encode(Boolean.TRUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Boolean");
        assertThatThrownBy(() -> NATIVE.encode(List.of("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported key type");
        assertThatThrownBy(() -> STRING.decode(AttributeValue.fromS("true"), Boolean.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Boolean");
    }

    @Test
    void decodingAValueOfTheWrongShapeIsRejected() {
        assertThatThrownBy(() -> STRING.decode(AttributeValue.fromN("1"), int.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S");
        assertThatThrownBy(() -> NATIVE.decode(AttributeValue.fromBool(true), long.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("long");
        assertThatThrownBy(() -> NATIVE.decode(AttributeValue.fromB(SdkBytes.fromByteArray(BYTES)), String.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STRING.decode(AttributeValue.fromS("ab"), char.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ab'");
        assertThatThrownBy(() -> STRING.decode(AttributeValue.fromS("BLUE"), Color.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nativeStrategyReadsKeysWrittenByTheStringStrategy() {
        assertThat(NATIVE.decode(AttributeValue.fromS("42"), int.class)).isEqualTo(42);
        assertThat((byte[]) NATIVE.decode(STRING.encode(BYTES), byte[].class)).containsExactly(BYTES);
    }

    @Test
    void bundledStrategiesHaveTheirNamesAndALowPriority() {
        assertThat(STRING.name()).isEqualTo("string").isEqualTo(StringKeyTypeStrategy.NAME);
        assertThat(NATIVE.name()).isEqualTo("native").isEqualTo(NativeKeyTypeStrategy.NAME);
        assertThat(STRING.priority()).isNegative();
        assertThat(NATIVE.priority()).isNegative();
    }
}
