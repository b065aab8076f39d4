package dev.dynamite.benchmarks;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.Name;
import dev.dynamite.benchmarks.mapping.FlatFields;
import dev.dynamite.benchmarks.mapping.FlatModel;
import dev.dynamite.local.DynamoDbLocal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Whole operations through one SDK client on the embedded engine in process, in one JMH run: hand-written SDK code
 * (requests built by hand, items mapped field by field into the same class), the Enhanced Client (a bean schema of
 * that class) and Dynamite (the class as a plain model, read by reflection). Each does the same requests:
 *
 * <ul>
 *   <li><b>create</b>: a conditional put of a new 10-attribute item ({@code attribute_not_exists} on its key);
 *   <li><b>find</b>: a {@code GetItem} of one of 1,000 stored items, mapped;
 *   <li><b>read100</b>: the 100 items of one partition, by {@code Query}, mapped ({@code where(pk)} for Dynamite);
 *   <li><b>bulkUpdate</b>: one attribute set on the 2,000 items of a partition: the {@code Query} of its keys, then
 *       one {@code UpdateItem} an item (Dynamite's {@code update(changes, filters)}, which writes conditioned on
 *       the item existing, 16 at a time by default; the hand-written code does the same conditioned writes one after
 *       another; the Enhanced Client reads each item and writes it back whole, as its {@code updateItem} does).
 * </ul>
 *
 * Dynamite reads two kinds of model: the plain class the others map ({@code ...Dynamite}) and the same attributes as
 * an active record ({@code ...DynamiteActive}), which keeps its state on the entity. Run by
 * {@code scripts/bench.sh e2e}; each benchmark forks its own JVM, with its own engine and tables. The fork's heap is
 * fixed and touched up front: on a heap the collector is still growing, a read's throughput halves for seconds after
 * each resize, and which backend a resize lands in then decides the ratios.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class EndToEndBenchmark {
    private static final int STORED = 1_000;
    private static final int PARTITION = 100;
    private static final int BULK = 2_000;

    /** An 11-attribute item of a table keyed by partition {@code pk} and sort key {@code sk}, and the flat fields. */
    @DynamoDbBean
    @Name("e2e_parts")
    public static class Part extends FlatFields {
        @Index public String pk;
        @IndexSort public String sk;

        @DynamoDbPartitionKey
        public String getPk() {
            return pk;
        }

        public void setPk(String pk) {
            this.pk = pk;
        }

        @DynamoDbSortKey
        public String getSk() {
            return sk;
        }

        public void setSk(String sk) {
            this.sk = sk;
        }
    }

    /**
     * The item of {@link Part} as an active record, on a table of its own with the same items: Dynamite keeps an
     * active record's state on the entity, a plain class's beside it. The Enhanced Client cannot map it (its bean
     * schema would take the base class's methods for properties), so only Dynamite reads it; the active record of
     * {@code find} is the cold-start benchmark's {@link ColdStartProbe.ColdItem}, the same attributes as the flat
     * model.
     */
    @Name("e2e_active_parts")
    public static class ActivePart extends Table<ActivePart> {
        @Index public String pk;
        @IndexSort public String sk;
        public String name;
        public String email;
        public int count;
        public long views;
        public boolean active;
        public Instant createdAt;
        public List<String> tags;
        public Double rating;
        public BigDecimal price;
    }

    /** The engine, one SDK client, and the three ways to use it, on the same tables. */
    @State(Scope.Benchmark)
    public static class World {
        DynamoDbLocal local;
        Dynamite dynamite;
        DynamoDbClient client;
        Model<FlatModel> items;
        Model<Part> parts;
        Model<ColdStartProbe.ColdItem> activeItems;
        Model<ActivePart> activeParts;
        DynamoDbTable<FlatModel> enhancedItems;
        DynamoDbTable<Part> enhancedParts;
        String itemTable;
        String partTable;
        int next;
        int round;

        @Setup(Level.Trial)
        public void setUp() {
            local = DynamoDbLocal.create();
            dynamite = new Dynamite(DynamiteConfig.builder()
                    .tables(FlatModel.class, Part.class, ColdStartProbe.ColdItem.class, ActivePart.class)
                    .configure(local::configure).build());
            dynamite.sync();
            items = dynamite.model(FlatModel.class);
            parts = dynamite.model(Part.class);
            activeItems = dynamite.model(ColdStartProbe.ColdItem.class);
            activeParts = dynamite.model(ActivePart.class);
            client = items.client();
            itemTable = items.tableName();
            partTable = parts.tableName();
            DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
            enhancedItems = enhanced.table(itemTable, TableSchema.fromBean(FlatModel.class));
            enhancedParts = enhanced.table(partTable, TableSchema.fromBean(Part.class));
            List<Map<String, AttributeValue>> seed = new ArrayList<>();
            for (int i = 0; i < STORED; i++) {
                seed.add(toItem(item("stored-" + i, i)));
            }
            Backend.batchPut(client, itemTable, seed);
            Backend.batchPut(client, activeItems.tableName(), seed);
            seed.clear();
            for (int i = 0; i < PARTITION; i++) {
                seed.add(toItem(part("read", i)));
            }
            for (int i = 0; i < BULK; i++) {
                seed.add(toItem(part("bulk", i)));
            }
            Backend.batchPut(client, partTable, seed);
            Backend.batchPut(client, activeParts.tableName(), seed);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            dynamite.close();
            local.close();
        }

        FlatModel fresh() {
            return item("new-" + next++, next);
        }

        /** A count no stored item holds (they hold 0 and up): every item of a bulk update changes. */
        int nextCount() {
            return -++round;
        }

        String storedId() {
            return "stored-" + (next++ % STORED);
        }
    }

    /** Fills an item's attributes with the values of item {@code i}. */
    static void fill(FlatFields f, int i) {
        f.name = "name-" + i;
        f.email = "user" + i + "@example.com";
        f.count = i;
        f.views = 10_000_000_000L + i;
        f.active = i % 2 == 0;
        f.createdAt = Instant.parse("2026-12-07T10:00:00.123Z").plusSeconds(i);
        f.tags = List.of("a", "b", "t" + (i % 7));
        f.rating = 4.5;
        f.price = new BigDecimal("19.99");
    }

    static FlatModel item(String id, int i) {
        FlatModel item = new FlatModel();
        item.id = id;
        fill(item, i);
        return item;
    }

    static Part part(String pk, int i) {
        Part part = new Part();
        part.pk = pk;
        part.sk = String.format("%05d", i);
        fill(part, i);
        return part;
    }

    static Map<String, AttributeValue> toItem(FlatModel item) {
        Map<String, AttributeValue> map = new HashMap<>(16);
        map.put("id", AttributeValue.fromS(item.id));
        FlatFields.writeByHand(item, map);
        return map;
    }

    static Map<String, AttributeValue> toItem(Part part) {
        Map<String, AttributeValue> map = new HashMap<>(16);
        map.put("pk", AttributeValue.fromS(part.pk));
        map.put("sk", AttributeValue.fromS(part.sk));
        FlatFields.writeByHand(part, map);
        return map;
    }

    static FlatModel itemOf(Map<String, AttributeValue> map) {
        FlatModel item = new FlatModel();
        item.id = map.get("id").s();
        FlatFields.readByHand(item, map);
        return item;
    }

    static Part partOf(Map<String, AttributeValue> map) {
        Part part = new Part();
        part.pk = map.get("pk").s();
        part.sk = map.get("sk").s();
        FlatFields.readByHand(part, map);
        return part;
    }

    private static void expect(int read, int expected) {
        if (read != expected) {
            throw new IllegalStateException("read " + read + " items, expected " + expected);
        }
    }

    // ---------------------------------------------------------------- create

    @Benchmark
    public Object createHand(World world) {
        Map<String, AttributeValue> item = toItem(world.fresh());
        return world.client.putItem(b -> b.tableName(world.itemTable).item(item)
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(Map.of("#k", "id")));
    }

    @Benchmark
    public Object createEnhanced(World world) {
        FlatModel item = world.fresh();
        world.enhancedItems.putItem(PutItemEnhancedRequest.builder(FlatModel.class).item(item)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(#k)")
                        .putExpressionName("#k", "id").build()).build());
        return item;
    }

    @Benchmark
    public Object createDynamite(World world) {
        return world.items.create(world.fresh());
    }

    // ---------------------------------------------------------------- find

    @Benchmark
    public Object findHand(World world) {
        String id = world.storedId();
        return itemOf(world.client.getItem(b -> b.tableName(world.itemTable)
                .key(Map.of("id", AttributeValue.fromS(id)))).item());
    }

    @Benchmark
    public Object findEnhanced(World world) {
        return world.enhancedItems.getItem(Key.builder().partitionValue(world.storedId()).build());
    }

    @Benchmark
    public Object findDynamite(World world) {
        return world.items.find(world.storedId()).orElseThrow();
    }

    @Benchmark
    public Object findDynamiteActive(World world) {
        return world.activeItems.find(world.storedId()).orElseThrow();
    }

    // ---------------------------------------------------------------- a 100-item partition

    @Benchmark
    public void read100Hand(World world, Blackhole hole) {
        Map<String, AttributeValue> start = null;
        int read = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = world.client.query(b -> b.tableName(world.partTable)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", "pk"))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("read"))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                hole.consume(partOf(item));
                read++;
            }
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        expect(read, PARTITION);
    }

    @Benchmark
    public void read100Enhanced(World world, Blackhole hole) {
        int read = 0;
        for (Part part : world.enhancedParts.query(QueryConditional.keyEqualTo(Key.builder().partitionValue("read")
                .build())).items()) {
            hole.consume(part);
            read++;
        }
        expect(read, PARTITION);
    }

    @Benchmark
    public void read100Dynamite(World world, Blackhole hole) {
        List<Part> read = world.parts.where(Map.of("pk", "read"));
        for (Part part : read) {
            hole.consume(part);
        }
        expect(read.size(), PARTITION);
    }

    @Benchmark
    public void read100DynamiteActive(World world, Blackhole hole) {
        List<ActivePart> read = world.activeParts.where(Map.of("pk", "read"));
        for (ActivePart part : read) {
            hole.consume(part);
        }
        expect(read.size(), PARTITION);
    }

    // ---------------------------------------------------------------- bulk update of 2,000 items

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bulkUpdateHand(World world) {
        String value = Integer.toString(world.nextCount());
        Map<String, AttributeValue> start = null;
        int written = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = world.client.query(b -> b.tableName(world.partTable)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", "pk"))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("bulk")))
                    .projectionExpression("#pk, sk").exclusiveStartKey(from));
            for (Map<String, AttributeValue> key : page.items()) {
                world.client.updateItem(b -> b.tableName(world.partTable).key(key)
                        .updateExpression("SET #c = :c").conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#c", "count", "#pk", "pk"))
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromN(value))));
                written++;
            }
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        expect(written, BULK);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bulkUpdateEnhanced(World world) {
        int value = world.nextCount();
        int written = 0;
        for (Part part : world.enhancedParts.query(QueryConditional.keyEqualTo(Key.builder().partitionValue("bulk")
                .build())).items()) {
            part.count = value;
            world.enhancedParts.updateItem(part);
            written++;
        }
        expect(written, BULK);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bulkUpdateDynamite(World world) {
        expect(world.parts.update(Map.of("count", world.nextCount()), Map.of("pk", "bulk")), BULK);
    }
}
