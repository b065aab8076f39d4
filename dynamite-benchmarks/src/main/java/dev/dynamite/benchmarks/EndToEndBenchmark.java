package dev.dynamite.benchmarks;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.PrimaryKey;
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
 * {@code scripts/bench.sh e2e}; each benchmark forks its own JVM, with its own engine and tables.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EndToEndBenchmark {
    private static final int STORED = 1_000;
    private static final int PARTITION = 100;
    private static final int BULK = 2_000;

    /** What both item classes hold besides their keys: nine attributes of the usual types. */
    public static class Attributes {
        public String name;
        public String email;
        public int count;
        public long views;
        public boolean active;
        public Instant createdAt;
        public List<String> tags;
        public Double rating;
        public BigDecimal price;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public long getViews() {
            return views;
        }

        public void setViews(long views) {
            this.views = views;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public void setCreatedAt(Instant createdAt) {
            this.createdAt = createdAt;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        public Double getRating() {
            return rating;
        }

        public void setRating(Double rating) {
            this.rating = rating;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }

        void fill(int i) {
            name = "name-" + i;
            email = "user" + i + "@example.com";
            count = i;
            views = 10_000_000_000L + i;
            active = i % 2 == 0;
            createdAt = Instant.parse("2026-12-07T10:00:00.123Z").plusSeconds(i);
            tags = List.of("a", "b", "t" + (i % 7));
            rating = 4.5;
            price = new BigDecimal("19.99");
        }

        void put(Map<String, AttributeValue> item) {
            item.put("name", AttributeValue.fromS(name));
            item.put("email", AttributeValue.fromS(email));
            item.put("count", AttributeValue.fromN(Integer.toString(count)));
            item.put("views", AttributeValue.fromN(Long.toString(views)));
            item.put("active", AttributeValue.fromBool(active));
            item.put("createdAt", AttributeValue.fromS(createdAt.toString()));
            List<AttributeValue> list = new ArrayList<>(tags.size());
            for (String tag : tags) {
                list.add(AttributeValue.fromS(tag));
            }
            item.put("tags", AttributeValue.fromL(list));
            item.put("rating", AttributeValue.fromN(rating.toString()));
            item.put("price", AttributeValue.fromN(price.toPlainString()));
        }

        void take(Map<String, AttributeValue> item) {
            name = item.get("name").s();
            email = item.get("email").s();
            count = Integer.parseInt(item.get("count").n());
            views = Long.parseLong(item.get("views").n());
            active = item.get("active").bool();
            createdAt = Instant.parse(item.get("createdAt").s());
            List<AttributeValue> list = item.get("tags").l();
            List<String> read = new ArrayList<>(list.size());
            for (AttributeValue tag : list) {
                read.add(tag.s());
            }
            tags = read;
            rating = Double.valueOf(item.get("rating").n());
            price = new BigDecimal(item.get("price").n());
        }
    }

    /** A 10-attribute item of a table keyed by {@code id}. */
    @DynamoDbBean
    @Name("e2e_items")
    public static class Item extends Attributes {
        @PrimaryKey public String id;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }
    }

    /** An 11-attribute item of a table keyed by partition {@code pk} and sort key {@code sk}. */
    @DynamoDbBean
    @Name("e2e_parts")
    public static class Part extends Attributes {
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
     * The item of {@link Item} as an active record, on a table of its own with the same items: Dynamite keeps an active
     * record's state on the entity, a plain class's beside it. The Enhanced Client cannot map it (its bean schema
     * would take the base class's methods for properties), so only Dynamite reads it.
     */
    @Name("e2e_active_items")
    public static class ActiveItem extends Table<ActiveItem> {
        @PrimaryKey public String id;
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

    /** The item of {@link Part} as an active record, on a table of its own with the same items. */
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
        Model<Item> items;
        Model<Part> parts;
        Model<ActiveItem> activeItems;
        Model<ActivePart> activeParts;
        DynamoDbTable<Item> enhancedItems;
        DynamoDbTable<Part> enhancedParts;
        String itemTable;
        String partTable;
        int next;
        int round;

        @Setup(Level.Trial)
        public void setUp() {
            local = DynamoDbLocal.create();
            dynamite = new Dynamite(DynamiteConfig.builder()
                    .tables(Item.class, Part.class, ActiveItem.class, ActivePart.class)
                    .configure(local::configure).build());
            dynamite.sync();
            items = dynamite.model(Item.class);
            parts = dynamite.model(Part.class);
            activeItems = dynamite.model(ActiveItem.class);
            activeParts = dynamite.model(ActivePart.class);
            client = items.client();
            itemTable = items.tableName();
            partTable = parts.tableName();
            DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
            enhancedItems = enhanced.table(itemTable, TableSchema.fromBean(Item.class));
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

        Item fresh() {
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

    static Item item(String id, int i) {
        Item item = new Item();
        item.id = id;
        item.fill(i);
        return item;
    }

    static Part part(String pk, int i) {
        Part part = new Part();
        part.pk = pk;
        part.sk = String.format("%05d", i);
        part.fill(i);
        return part;
    }

    static Map<String, AttributeValue> toItem(Item item) {
        Map<String, AttributeValue> map = new HashMap<>(16);
        map.put("id", AttributeValue.fromS(item.id));
        item.put(map);
        return map;
    }

    static Map<String, AttributeValue> toItem(Part part) {
        Map<String, AttributeValue> map = new HashMap<>(16);
        map.put("pk", AttributeValue.fromS(part.pk));
        map.put("sk", AttributeValue.fromS(part.sk));
        part.put(map);
        return map;
    }

    static Item itemOf(Map<String, AttributeValue> map) {
        Item item = new Item();
        item.id = map.get("id").s();
        item.take(map);
        return item;
    }

    static Part partOf(Map<String, AttributeValue> map) {
        Part part = new Part();
        part.pk = map.get("pk").s();
        part.sk = map.get("sk").s();
        part.take(map);
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
        Item item = world.fresh();
        world.enhancedItems.putItem(PutItemEnhancedRequest.builder(Item.class).item(item)
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
