package dev.dynamite.codec.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamite.codec.jackson.model.Address;
import dev.dynamite.codec.jackson.model.Line;
import dev.dynamite.codec.jackson.model.Order;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class JacksonCodecProviderTest {
    private static final String TOTAL = "12345678901234567890.123456789012345678";   // 38 digits
    private static final CodecLookup NO_LOOKUP = new CodecLookup() {
        @Override
        public <T> AttributeCodec<T> codecFor(Type type) {
            throw new AssertionError("the Jackson provider converts element types itself, asked for " + type);
        }
    };
    private static final ObjectMapper MAPPER = JacksonCodecProvider.mapperBuilder().build();

    private final JacksonCodecProvider provider = new JacksonCodecProvider();

    @SuppressWarnings("unchecked")
    private <T> AttributeCodec<T> codec(Type type) {
        Optional<AttributeCodec<?>> codec = provider.codecFor(type, NO_LOOKUP);
        assertThat(codec).as("codec for %s", type).isPresent();
        return (AttributeCodec<T>) codec.orElseThrow();
    }

    private static Type type(TypeReference<?> reference) {
        return reference.getType();
    }

    private static Order order() {
        Order order = new Order();
        order.setId("o-1");
        order.setTotal(new BigDecimal(TOTAL));
        order.setRatio(0.1);
        order.setBig(Long.MAX_VALUE);
        order.setPaid(true);
        order.setNote(null);
        order.setSignature("sig".getBytes(StandardCharsets.UTF_8));
        order.setShipping(new Address("1 Main St", "Springfield", 12345, List.of("c/o Homer", "back door")));
        order.setLines(List.of(new Line("A-1", 2, new BigDecimal("9.90")), new Line("B-2", 1, null)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("views", 3);
        counts.put("none", null);
        order.setCounts(counts);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("gift", Boolean.FALSE);
        extra.put("tags", List.of("x", "y"));
        order.setExtra(extra);
        return order;
    }

    @Test
    void aNestedPojoIsStoredAsAMapAndReadBackEqual() {
        AttributeCodec<Order> codec = codec(Order.class);
        Order order = order();

        AttributeValue stored = codec.encode(order);

        assertThat(stored.type()).isEqualTo(AttributeValue.Type.M);
        Map<String, AttributeValue> m = stored.m();
        assertThat(m.get("id")).isEqualTo(AttributeValue.fromS("o-1"));
        assertThat(m.get("total")).isEqualTo(AttributeValue.fromN(TOTAL));
        assertThat(m.get("ratio")).isEqualTo(AttributeValue.fromN("0.1"));
        assertThat(m.get("big")).isEqualTo(AttributeValue.fromN("9223372036854775807"));
        assertThat(m.get("paid")).isEqualTo(AttributeValue.fromBool(true));
        assertThat(m.get("note")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(m.get("signature")).isEqualTo(AttributeValue.fromB(SdkBytes.fromUtf8String("sig")));
        assertThat(m.get("shipping").type()).isEqualTo(AttributeValue.Type.M);
        assertThat(m.get("shipping").m().get("zip")).isEqualTo(AttributeValue.fromN("12345"));
        assertThat(m.get("shipping").m().get("lines")).isEqualTo(AttributeValue.fromL(
                List.of(AttributeValue.fromS("c/o Homer"), AttributeValue.fromS("back door"))));
        assertThat(m.get("lines").type()).isEqualTo(AttributeValue.Type.L);
        assertThat(m.get("lines").l()).hasSize(2)
                .allSatisfy(l -> assertThat(l.type()).isEqualTo(AttributeValue.Type.M));
        assertThat(m.get("lines").l().get(0).m().get("price")).isEqualTo(AttributeValue.fromN("9.90"));
        assertThat(m.get("lines").l().get(1).m().get("price")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(m.get("counts").m()).containsEntry("views", AttributeValue.fromN("3"))
                .containsEntry("none", AttributeValue.fromNul(true));
        assertThat(m.get("extra").m()).containsEntry("gift", AttributeValue.fromBool(false));

        Order read = codec.decode(stored);

        assertThat(read).isEqualTo(order);
        assertThat(read.getTotal().toPlainString()).isEqualTo(TOTAL);
        assertThat(read.getLines().get(0).getPrice().scale()).isEqualTo(2);
        assertThat(read.getShipping()).isInstanceOf(Address.class);
    }

    @Test
    void aRecordRoundTrips() {
        AttributeCodec<Address> codec = codec(Address.class);
        Address address = new Address("Elm", "Paris", 75001, List.of());

        AttributeValue stored = codec.encode(address);

        assertThat(stored).isEqualTo(AttributeValue.fromM(Map.of(
                "street", AttributeValue.fromS("Elm"),
                "city", AttributeValue.fromS("Paris"),
                "zip", AttributeValue.fromN("75001"),
                "lines", AttributeValue.fromL(List.of()))));
        assertThat(codec.decode(stored)).isEqualTo(address);
    }

    @Test
    void aMapOfMixedValuesRoundTripsWithExactNumbers() {
        AttributeCodec<Map<String, Object>> codec = codec(type(new TypeReference<Map<String, Object>>() { }));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "text");
        value.put("i", 42);
        value.put("huge", new BigInteger("123456789012345678901234567890"));
        value.put("d", new BigDecimal("1.10"));
        value.put("exact", new BigDecimal(TOTAL));
        value.put("b", true);
        value.put("n", null);
        value.put("l", Arrays.asList(1, "two", false, null));
        value.put("m", Map.of("k", "v"));
        value.put("empty", Map.of());

        AttributeValue stored = codec.encode(value);

        assertThat(stored.type()).isEqualTo(AttributeValue.Type.M);
        assertThat(stored.m()).containsEntry("s", AttributeValue.fromS("text"))
                .containsEntry("i", AttributeValue.fromN("42"))
                .containsEntry("huge", AttributeValue.fromN("123456789012345678901234567890"))
                .containsEntry("d", AttributeValue.fromN("1.10"))
                .containsEntry("exact", AttributeValue.fromN(TOTAL))
                .containsEntry("b", AttributeValue.fromBool(true))
                .containsEntry("n", AttributeValue.fromNul(true))
                .containsEntry("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))))
                .containsEntry("empty", AttributeValue.fromM(Map.of()));
        assertThat(stored.m().get("l").l()).containsExactly(AttributeValue.fromN("1"), AttributeValue.fromS("two"),
                AttributeValue.fromBool(false), AttributeValue.fromNul(true));
        assertThat(stored.m().get("empty").type()).isEqualTo(AttributeValue.Type.M);

        Map<String, Object> read = codec.decode(stored);

        assertThat(read).isEqualTo(value);
        assertThat(((BigDecimal) read.get("d")).scale()).isEqualTo(2);
        assertThat(read.get("i")).isInstanceOf(Integer.class);
    }

    @Test
    void rawMapsAndWildcardMapsAreClaimed() {
        AttributeCodec<Map<?, ?>> raw = codec(Map.class);
        AttributeValue stored = raw.encode(Map.of("a", 1));
        assertThat(stored).isEqualTo(AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1"))));
        assertThat(raw.decode(stored)).isEqualTo(Map.of("a", 1));
        assertThat(provider.codecFor(type(new TypeReference<Map<String, ?>>() { }), NO_LOOKUP)).isPresent();
    }

    @Test
    void aJsonTreeRoundTripsExactly() throws Exception {
        AttributeCodec<JsonNode> codec = codec(JsonNode.class);
        JsonNode tree = MAPPER.readTree("""
                {"name": "n", "n": 1, "long": 12345678901, "big": 123456789012345678901234567890,
                 "dec": 0.10, "exact": %s, "neg": -2.5e-3, "t": true, "f": false, "z": null,
                 "arr": [1, "a", [], {}, [null]], "obj": {"deep": {"deeper": [{"x": 1.0}]}}}
                """.formatted(TOTAL));

        AttributeValue stored = codec.encode(tree);

        assertThat(stored.type()).isEqualTo(AttributeValue.Type.M);
        assertThat(stored.m().get("obj").type()).isEqualTo(AttributeValue.Type.M);
        assertThat(stored.m().get("arr").type()).isEqualTo(AttributeValue.Type.L);
        assertThat(stored.m().get("dec")).isEqualTo(AttributeValue.fromN("0.10"));
        assertThat(stored.m().get("z")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(codec.decode(stored)).isEqualTo(tree);
    }

    @Test
    void jsonNodeSubtypesAreCheckedWhenRead() throws Exception {
        AttributeCodec<ArrayNode> arrays = codec(ArrayNode.class);
        ArrayNode array = (ArrayNode) MAPPER.readTree("[1, {\"a\": \"b\"}]");
        AttributeValue stored = arrays.encode(array);

        assertThat(stored.type()).isEqualTo(AttributeValue.Type.L);
        assertThat(arrays.decode(stored)).isEqualTo(array);

        AttributeCodec<ObjectNode> objects = codec(ObjectNode.class);
        assertThatThrownBy(() -> objects.decode(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("L").hasMessageContaining("ObjectNode");
    }

    @Test
    void genericElementTypesAreBoundFully() {
        AttributeCodec<List<Address>> lists = codec(type(new TypeReference<List<Address>>() { }));
        List<Address> addresses = List.of(new Address("a", "b", 1, List.of("x")), new Address("c", "d", 2, List.of()));
        AttributeValue stored = lists.encode(addresses);

        assertThat(stored.type()).isEqualTo(AttributeValue.Type.L);
        assertThat(stored.l()).allSatisfy(a -> assertThat(a.type()).isEqualTo(AttributeValue.Type.M));
        assertThat(lists.decode(stored)).isEqualTo(addresses)
                .allSatisfy(a -> assertThat(a).isInstanceOf(Address.class));

        AttributeCodec<Map<String, List<Line>>> maps = codec(type(new TypeReference<Map<String, List<Line>>>() { }));
        Map<String, List<Line>> byKey = Map.of("k", List.of(new Line("s", 1, new BigDecimal("1E+3"))));
        AttributeValue storedMap = maps.encode(byKey);

        assertThat(storedMap.m().get("k").l().get(0).m().get("price")).isEqualTo(AttributeValue.fromN("1E+3"));
        assertThat(maps.decode(storedMap)).isEqualTo(byKey);
        assertThat(maps.decode(storedMap).get("k").get(0).getPrice().scale()).isEqualTo(-3);
    }

    @Test
    void storedSetsAndBinaryAreReadAsArraysAndBinary() {
        AttributeValue stored = AttributeValue.fromM(Map.of(
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.50")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("hi"))),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("hello"))));

        JsonNode tree = this.<JsonNode>codec(JsonNode.class).decode(stored);

        assertThat(tree.get("ss")).isEqualTo(MAPPER.createArrayNode().add("a").add("b"));
        assertThat(tree.get("ns")).isEqualTo(MAPPER.createArrayNode().add(1).add(new BigDecimal("2.50")));
        assertThat(tree.get("bs").get(0)).isEqualTo(BinaryNode.valueOf("hi".getBytes(StandardCharsets.UTF_8)));
        assertThat(tree.get("b").isBinary()).isTrue();
        assertThat(tree.get("b").asText()).isEqualTo("aGVsbG8=");   // Base64 in JSON text

        Map<String, Object> map = this.<Map<String, Object>>codec(type(new TypeReference<Map<String, Object>>() { }))
                .decode(stored);
        assertThat(map.get("ss")).isEqualTo(List.of("a", "b"));
        assertThat(map.get("ns")).isEqualTo(new ArrayList<>(List.of(1, new BigDecimal("2.50"))));
        assertThat(map.get("b")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));

        Order order = this.<Order>codec(Order.class).decode(AttributeValue.fromM(Map.of(
                "signature", AttributeValue.fromB(SdkBytes.fromUtf8String("sig")),
                "note", AttributeValue.fromB(SdkBytes.fromUtf8String("hello")))));
        assertThat(order.getSignature()).isEqualTo("sig".getBytes(StandardCharsets.UTF_8));
        assertThat(order.getNote()).isEqualTo("aGVsbG8=");
    }

    @Test
    void unknownStoredPropertiesAreIgnored() {
        Address read = this.<Address>codec(Address.class).decode(AttributeValue.fromM(Map.of(
                "city", AttributeValue.fromS("Rome"), "removedField", AttributeValue.fromN("1"))));

        assertThat(read).isEqualTo(new Address(null, "Rome", 0, null));
    }

    @Test
    void aStoredValueOfAnotherShapeIsRejectedClearly() {
        AttributeCodec<Order> codec = codec(Order.class);

        assertThatThrownBy(() -> codec.decode(AttributeValue.fromS("{\"id\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stored S").hasMessageContaining(Order.class.getName());
    }

    @Test
    void nonFiniteNumbersCannotBeStored() {
        AttributeCodec<JsonNode> codec = codec(JsonNode.class);

        assertThatThrownBy(() -> codec.encode(MAPPER.createObjectNode().put("x", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void aGivenMapperIsUsed() {
        ObjectMapper nonNull = JacksonCodecProvider.mapperBuilder()
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        @SuppressWarnings("unchecked")
        AttributeCodec<Line> codec = (AttributeCodec<Line>) new JacksonCodecProvider(nonNull)
                .codecFor(Line.class, NO_LOOKUP).orElseThrow();
        Line line = new Line("s", 1, null);

        AttributeValue stored = codec.encode(line);

        assertThat(stored.m()).containsOnlyKeys("sku", "quantity");
        assertThat(codec.decode(stored)).isEqualTo(line);
        assertThat(this.<Line>codec(Line.class).encode(line).m()).containsEntry("price", AttributeValue.fromNul(true));
    }

    @Test
    void itIsAskedAfterApplicationProviders() {
        assertThat(provider.priority()).isEqualTo(-10).isLessThan(new dev.dynamite.spi.CodecProvider() {
            @Override
            public Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup) {
                return Optional.empty();
            }
        }.priority());
    }
}
