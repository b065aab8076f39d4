package dev.dynamite.benchmarks.mapping;

import dev.dynamite.benchmarks.generated.GenItem;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.core.internal.mapping.EntityMapper;
import dev.dynamite.core.internal.mapping.Mappers;
import dev.dynamite.schema.KeyTypeStrategies;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item ↔ entity mapping throughput of Dynamite's {@link EntityMapper}, the AWS Enhanced Client's
 * {@link BeanTableSchema} and hand-written {@link AttributeValue} code, on the same classes and the same data.
 *
 * <p>{@code write*} converts an entity to an item ({@code toItem} / {@code itemToMap(bean, true)}); {@code read*}
 * converts an item to a new entity ({@code fromItem} / {@code mapToItem}). Each read decodes the item its own mapper
 * wrote (the three write the same attributes). Not a unit test: run by {@code scripts/bench.sh mapping}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MappingBenchmark {
    private EntityMapper<FlatModel> dynamiteFlat;
    /** The flat model compiled with the processor: read and written through its generated code. */
    private EntityMapper<GenItem> generatedFlat;
    private GenItem generated;
    private EntityMapper<NestedModel> dynamiteNested;
    private BeanTableSchema<FlatModel> enhancedFlat;
    private BeanTableSchema<NestedModel> enhancedNested;

    private FlatModel flat;
    private NestedModel nested;
    private Map<String, AttributeValue> dynamiteFlatItem;
    private Map<String, AttributeValue> dynamiteNestedItem;
    private Map<String, AttributeValue> enhancedFlatItem;
    private Map<String, AttributeValue> enhancedNestedItem;
    private Map<String, AttributeValue> handFlatItem;
    private Map<String, AttributeValue> handNestedItem;

    /** Builds the mappers once (as a client does) and the entities and items every invocation maps. */
    @Setup
    public void setUp() {
        Mappers mappers = new Mappers(Codecs.discover(), KeyTypeStrategies.named("string"));
        dynamiteFlat = mappers.mapper(FlatModel.class);
        generatedFlat = mappers.mapper(GenItem.class);
        dynamiteNested = mappers.mapper(NestedModel.class);
        enhancedFlat = BeanTableSchema.create(FlatModel.class);
        enhancedNested = BeanTableSchema.create(NestedModel.class);

        flat = flat();
        nested = nested();
        dynamiteFlatItem = dynamiteFlat.toItem(flat);
        dynamiteNestedItem = dynamiteNested.toItem(nested);
        enhancedFlatItem = enhancedFlat.itemToMap(flat, true);
        enhancedNestedItem = enhancedNested.itemToMap(nested, true);
        handFlatItem = handWriteFlat(flat);
        handNestedItem = handWriteNested(nested);
        check(dynamiteFlatItem, enhancedFlatItem, handFlatItem);
        generated = generatedFlat.fromItem(dynamiteFlatItem);
        check(generatedFlat.toItem(generated), enhancedFlatItem, handFlatItem);
        check(dynamiteNestedItem, enhancedNestedItem, handNestedItem);
    }

    static FlatModel flat() {
        FlatModel f = new FlatModel();
        f.id = "user-0001";
        f.name = "Ada Lovelace";
        f.email = "ada@example.com";
        f.count = 42;
        f.views = 12_345_678_901L;
        f.active = true;
        f.createdAt = Instant.parse("2024-05-01T12:34:56.789Z");
        f.tags = List.of("admin", "beta", "early-adopter");
        f.rating = 4.75;
        f.price = new BigDecimal("1234.56");
        return f;
    }

    static NestedModel nested() {
        NestedModel n = new NestedModel();
        n.id = "order-0001";
        n.customer = "user-0001";
        n.address = Map.of("street", "12 Analytical Row", "city", "London", "zip", "N1 9GU", "country", "UK");
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(Map.of("sku", "SKU-" + i, "name", "Item " + i, "quantity", Integer.toString(i + 1)));
        }
        n.lines = lines;
        return n;
    }

    /** The three mappers must write the same attributes, or the comparison is not like for like. */
    private static void check(Map<String, AttributeValue> dynamite, Map<String, AttributeValue> enhanced,
                              Map<String, AttributeValue> hand) {
        if (!new HashMap<>(dynamite).equals(new HashMap<>(hand)) || !new HashMap<>(enhanced).equals(new HashMap<>(hand))) {
            throw new IllegalStateException("the mappers write different items:\n  dynamite " + dynamite
                    + "\n  enhanced " + enhanced + "\n  hand     " + hand);
        }
    }

    // ---- flat model ----

    @Benchmark
    public void flatWriteDynamite(Blackhole bh) {
        bh.consume(dynamiteFlat.toItem(flat));
    }

    @Benchmark
    public void flatWriteGenerated(Blackhole bh) {
        bh.consume(generatedFlat.toItem(generated));
    }

    @Benchmark
    public void flatReadGenerated(Blackhole bh) {
        bh.consume(generatedFlat.fromItem(dynamiteFlatItem));
    }

    @Benchmark
    public void flatWriteEnhanced(Blackhole bh) {
        bh.consume(enhancedFlat.itemToMap(flat, true));
    }

    @Benchmark
    public void flatWriteHand(Blackhole bh) {
        bh.consume(handWriteFlat(flat));
    }

    @Benchmark
    public void flatReadDynamite(Blackhole bh) {
        bh.consume(dynamiteFlat.fromItem(dynamiteFlatItem));
    }

    @Benchmark
    public void flatReadEnhanced(Blackhole bh) {
        bh.consume(enhancedFlat.mapToItem(enhancedFlatItem));
    }

    @Benchmark
    public void flatReadHand(Blackhole bh) {
        bh.consume(handReadFlat(handFlatItem));
    }

    // ---- nested model ----

    @Benchmark
    public void nestedWriteDynamite(Blackhole bh) {
        bh.consume(dynamiteNested.toItem(nested));
    }

    @Benchmark
    public void nestedWriteEnhanced(Blackhole bh) {
        bh.consume(enhancedNested.itemToMap(nested, true));
    }

    @Benchmark
    public void nestedWriteHand(Blackhole bh) {
        bh.consume(handWriteNested(nested));
    }

    @Benchmark
    public void nestedReadDynamite(Blackhole bh) {
        bh.consume(dynamiteNested.fromItem(dynamiteNestedItem));
    }

    @Benchmark
    public void nestedReadEnhanced(Blackhole bh) {
        bh.consume(enhancedNested.mapToItem(enhancedNestedItem));
    }

    @Benchmark
    public void nestedReadHand(Blackhole bh) {
        bh.consume(handReadNested(handNestedItem));
    }

    // ---- hand-written AttributeValue code: the floor ----

    static Map<String, AttributeValue> handWriteFlat(FlatModel f) {
        Map<String, AttributeValue> item = new HashMap<>(16);
        item.put("id", AttributeValue.fromS(f.id));
        FlatFields.writeByHand(f, item);
        return item;
    }

    static FlatModel handReadFlat(Map<String, AttributeValue> item) {
        FlatModel f = new FlatModel();
        f.id = item.get("id").s();
        FlatFields.readByHand(f, item);
        return f;
    }

    static Map<String, AttributeValue> handWriteNested(NestedModel n) {
        Map<String, AttributeValue> item = new HashMap<>(8);
        item.put("id", AttributeValue.fromS(n.id));
        item.put("customer", AttributeValue.fromS(n.customer));
        item.put("address", AttributeValue.fromM(stringMap(n.address)));
        List<AttributeValue> lines = new ArrayList<>(n.lines.size());
        for (Map<String, String> line : n.lines) {
            lines.add(AttributeValue.fromM(stringMap(line)));
        }
        item.put("lines", AttributeValue.fromL(lines));
        return item;
    }

    static NestedModel handReadNested(Map<String, AttributeValue> item) {
        NestedModel n = new NestedModel();
        n.id = item.get("id").s();
        n.customer = item.get("customer").s();
        n.address = strings(item.get("address").m());
        List<AttributeValue> l = item.get("lines").l();
        List<Map<String, String>> lines = new ArrayList<>(l.size());
        for (AttributeValue v : l) {
            lines.add(strings(v.m()));
        }
        n.lines = lines;
        return n;
    }

    private static Map<String, AttributeValue> stringMap(Map<String, String> map) {
        Map<String, AttributeValue> m = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<String, String> e : map.entrySet()) {
            m.put(e.getKey(), AttributeValue.fromS(e.getValue()));
        }
        return m;
    }

    private static Map<String, String> strings(Map<String, AttributeValue> map) {
        Map<String, String> m = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            m.put(e.getKey(), e.getValue().s());
        }
        return m;
    }
}
