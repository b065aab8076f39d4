package dev.dynamite.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The codecs' fast paths ({@link NumberCodec#fastShortest}, {@link InstantCodec#parse}, {@link NumberCodec#checked},
 * the encoding views of {@link ListCodec} and {@link MapCodec}) give exactly what the reference computations give.
 */
class FastPathsTest {
    private static final int SAMPLES = 20_000;
    private final Random random = new Random(20_241_125L);

    // ---------------------------------------------------------------- doubles

    private static void sameShortest(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        String expected;
        try {
            expected = NumberCodec.shortestExactly(value);
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> NumberCodec.shortest(value)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(NumberCodec.shortest(value)).as("shortest(%s)", value).isEqualTo(expected);
    }

    @Test
    void shortestDoubleTextIsTheReferenceText() {
        for (int i = 0; i < SAMPLES; i++) {
            sameShortest(Double.longBitsToDouble(random.nextLong()));
            // decimals of 1 to 17 digits at any exponent DynamoDB stores
            long unscaled = random.nextLong() % pow10(1 + random.nextInt(17));
            int scale = random.nextInt(60) - 30;
            double decimal = BigDecimal.valueOf(unscaled, scale).doubleValue();
            sameShortest(decimal);
            sameShortest(Math.nextUp(decimal));
            sameShortest(Math.nextDown(decimal));
            sameShortest(random.nextDouble() * Math.pow(10, random.nextInt(260) - 130));
            sameShortest(random.nextInt(1_000_000) / 100.0);
            sameShortest(-random.nextInt(1_000_000) / 1000.0);
        }
        for (int e = -140; e <= 130; e++) {
            double power = Double.parseDouble("1E" + e);
            sameShortest(power);
            sameShortest(Math.nextUp(power));
            sameShortest(Math.nextDown(power));
            sameShortest(-power);
            sameShortest(9.999999999999999 * power);
        }
        for (int e = -1074; e <= 1023; e++) {
            double power = Math.scalb(1.0, e);
            sameShortest(power);
            sameShortest(Math.nextUp(power));
            sameShortest(Math.nextDown(power));
        }
        for (double value : new double[] {4.75, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e7, 1e-3, 1e-4, 9.5e-4, 1e23,
            2e23, 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE, 123456789012345.0, 1234567890123456.0,
            12345678901234567.0, 0.000001, 1e21, 1e22, 1e24, 1.5e24, 123e-30}) {
            sameShortest(value);
            sameShortest(-value);
        }
    }

    private static long pow10(int digits) {
        long value = 1;
        for (int i = 0; i < digits; i++) {
            value *= 10;
        }
        return value;
    }

    private static void sameDouble(String text) {
        Double expected = null;
        try {
            expected = NumberCodec.DOUBLE.parseDecimal(text);
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> NumberCodec.DOUBLE.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        Double actual = NumberCodec.DOUBLE.parse(text);
        assertThat(Double.doubleToRawLongBits(actual)).as("parse(%s): %s, not %s", text, actual, expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void doublesParseAsThroughBigDecimal() {
        for (int i = 0; i < SAMPLES; i++) {
            sameDouble(NumberCodec.shortest(random.nextInt(1_000_000) / 100.0));
            long unscaled = random.nextLong() % pow10(1 + random.nextInt(18));
            sameDouble(BigDecimal.valueOf(unscaled, random.nextInt(20)).toPlainString());
            sameDouble(BigDecimal.valueOf(unscaled, random.nextInt(40) - 20).toString());
            sameDouble(Double.toString(Double.longBitsToDouble(random.nextLong())));
        }
        for (String text : new String[] {"0", "-0", "0.0", "-0.0", "-0.000", "00", "007.50", "1.", ".5", "-.5", "-",
            "", "1e5", "1E5", "+1", "1.5.5", "1-", "NaN", "Infinity", "0x10", "1d", " 1", "1 ", "١", "999999999999999",
            "9999999999999999", "0.000000000000001", "0.0000000000000001", "4503599627370495.5", "-123456.789012345"}) {
            sameDouble(text);
        }
    }

    private static void sameIntegers(String text) {
        same(() -> NumberCodec.INTEGER.parseDecimal(text), () -> NumberCodec.INTEGER.parse(text));
        same(() -> NumberCodec.LONG.parseDecimal(text), () -> NumberCodec.LONG.parse(text));
    }

    @Test
    void integersParseAsThroughBigDecimal() {
        for (int i = 0; i < SAMPLES; i++) {
            sameIntegers(Long.toString(random.nextLong() % pow10(1 + random.nextInt(18))));
            sameIntegers(Integer.toString(random.nextInt()));
            sameIntegers(Long.toString(random.nextLong()));
        }
        for (String text : new String[] {"0", "-0", "00", "007", "-007", "+1", "1.0", "1E2", "1.5", "", "-", "--1",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "999999999", "-999999999", "999999999999999999", "١", "1a"}) {
            sameIntegers(text);
        }
    }

    // ---------------------------------------------------------------- decimals

    private static void sameChecked(BigDecimal value) {
        same(() -> NumberCodec.checkedExactly(value), () -> NumberCodec.checked(value));
    }

    @Test
    void decimalTextIsTheReferenceText() {
        for (int i = 0; i < SAMPLES; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(140), random);
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            if (random.nextInt(4) == 0) {
                unscaled = unscaled.multiply(BigInteger.TEN.pow(random.nextInt(10)));
            }
            sameChecked(new BigDecimal(unscaled, random.nextInt(400) - 200));
            sameChecked(BigDecimal.valueOf(random.nextLong() % pow10(1 + random.nextInt(18)), random.nextInt(20) - 5));
        }
        for (BigDecimal value : new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("0E+5"),
            new BigDecimal("1E-130"), new BigDecimal("1E-131"), new BigDecimal("9.99E+125"), new BigDecimal("1E+126"),
            new BigDecimal("1.50"), new BigDecimal("1234.56"), new BigDecimal("1" + "0".repeat(40)),
            new BigDecimal("1" + "0".repeat(37) + "1"), new BigDecimal(BigInteger.TEN, Integer.MIN_VALUE),
            new BigDecimal(BigInteger.TEN, Integer.MAX_VALUE), new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE + 1),
            new BigDecimal(BigInteger.ONE, -999), new BigDecimal(BigInteger.ONE, 999)}) {
            sameChecked(value);
            sameChecked(value.negate());
        }
    }

    // ---------------------------------------------------------------- instants

    @Test
    void instantTextIsInstantToString() {
        long min = Instant.MIN.getEpochSecond();
        long max = Instant.MAX.getEpochSecond();
        for (int i = 0; i < SAMPLES; i++) {
            long seconds;
            switch (random.nextInt(3)) {
                case 0:
                    seconds = min + (long) (random.nextDouble() * ((double) max - min));
                    break;
                case 1:
                    seconds = -62_167_219_200L - 100_000_000L + (long) (random.nextDouble() * 330_000_000_000L);
                    break;
                default:
                    seconds = 1_600_000_000L + random.nextInt(200_000_000);
                    break;
            }
            int nanos;
            switch (random.nextInt(4)) {
                case 0:
                    nanos = 0;
                    break;
                case 1:
                    nanos = random.nextInt(1000) * 1_000_000;
                    break;
                case 2:
                    nanos = random.nextInt(1_000_000) * 1000;
                    break;
                default:
                    nanos = random.nextInt(1_000_000_000);
                    break;
            }
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String expected = instant.toString();
            assertThat(InstantCodec.format(instant)).isEqualTo(expected);
            sameInstant(expected);
            sameInstant(expected.replace("Z", ".5Z"));
            sameInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                    .replace("Z", "." + String.format("%09d", random.nextInt(1_000_000_000))
                            .substring(0, 1 + random.nextInt(9)) + "Z"));
        }
        for (long seconds : new long[] {0, -1, 1, 86_399, 86_400, -86_400, -62_167_219_200L, -62_167_219_201L,
            253_402_300_799L, 253_402_300_800L, 951_782_400L /* 2000-02-29 */, 4_107_542_400L /* 2100-03-01 */}) {
            for (int nanos : new int[] {0, 1, 999_999_999, 1_000_000, 1000, 120_000_000}) {
                Instant instant = Instant.ofEpochSecond(seconds, nanos);
                assertThat(InstantCodec.format(instant)).isEqualTo(instant.toString());
                sameInstant(instant.toString());
            }
        }
        assertThat(InstantCodec.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(InstantCodec.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }

    @Test
    void instantParsingAcceptsWhatInstantParseAccepts() {
        for (String text : new String[] {"2024-05-01T12:34:56.789Z", "2024-05-01T12:34:56Z", "2024-05-01T12:34Z",
            "2024-05-01t12:34:56z", "2024-05-01T12:34:56.Z", "2024-05-01T12:34:56.1234567890Z", "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
            "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z",
            "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-01-01T23:59:59+01:00", "+2024-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z", "2024-05-01 12:34:56Z", "2024-05-01T12:34:56.78aZ", "2024-05-01T12:34:5xZ",
            "2024-05-01T12:34:56,789Z", "٢٠٢٤-05-01T12:34:56Z", "2024-05-01T12:34:56.789", "", "Z"}) {
            sameInstant(text);
        }
    }

    private static void sameInstant(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThat(InstantCodec.parse(text)).as("parse(%s)", text).isNull();
            AttributeValue stored = AttributeValue.fromS(text);
            assertThatThrownBy(() -> BuiltInCodecs.INSTANT.decode(stored)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot read '" + text + "' as Instant: " + e.getMessage());
            return;
        }
        Instant fast = InstantCodec.parse(text);
        if (fast != null) {
            assertThat(fast).as("parse(%s)", text).isEqualTo(expected);
        }
        assertThat(BuiltInCodecs.INSTANT.decode(AttributeValue.fromS(text))).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- containers

    @Test
    void encodedContainersAreTheReferenceAttributeValues() {
        List<String> strings = new ArrayList<>(List.of("a", "b", "c"));
        strings.add(null);
        Map<String, String> map = new LinkedHashMap<>();
        map.put("z", "1");
        map.put("a", null);
        map.put("m", "3");
        ListCodec<String> listCodec = new ListCodec<>(BuiltInCodecs.STRING);
        MapCodec<String> mapCodec = new MapCodec<>(BuiltInCodecs.STRING);
        List<AttributeValue> expectedList = new ArrayList<>();
        for (String s : strings) {
            expectedList.add(s == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(s));
        }
        Map<String, AttributeValue> expectedMap = new LinkedHashMap<>();
        map.forEach((k, v) -> expectedMap.put(k, v == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(v)));

        AttributeValue list = listCodec.encode(strings);
        assertThat(list).isEqualTo(AttributeValue.fromL(expectedList));
        assertThat(listCodec.encode(new LinkedList<>(strings))).isEqualTo(list);
        assertThat(listCodec.encode(List.of())).isEqualTo(AttributeValue.fromL(List.of()));
        assertThat(list.l()).containsExactlyElementsOf(expectedList);
        AttributeValue encodedMap = mapCodec.encode(map);
        assertThat(encodedMap).isEqualTo(AttributeValue.fromM(expectedMap));
        assertThat(encodedMap.m().keySet()).containsExactly("z", "a", "m");
        assertThat(mapCodec.encode(Map.of())).isEqualTo(AttributeValue.fromM(Map.of()));
        assertThat(BuiltInCodecs.STRING.encode("x")).isEqualTo(AttributeValue.fromS("x"));
        assertThat(NumberCodec.DOUBLE.encode(4.75)).isEqualTo(AttributeValue.fromN("4.75"));
        assertThat(BuiltInCodecs.BOOLEAN.encode(true)).isEqualTo(AttributeValue.fromBool(true));
    }

    private static <T> void same(Supplier<T> reference, Supplier<T> fast) {
        T expected;
        try {
            expected = reference.get();
        } catch (RuntimeException e) {
            assertThatThrownBy(fast::get).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
            return;
        }
        assertThat(fast.get()).isEqualTo(expected);
    }
}
