package dev.dynamite.benchmarks;

import dev.dynamite.Dynamite;
import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.benchmarks.generated.GenItem;
import dev.dynamite.benchmarks.mapping.FlatModel;
import dev.dynamite.local.DynamoDbLocal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One fresh-JVM run of {@link ColdStartBenchmark}: starts the embedded engine and an SDK client, stores one
 * 10-attribute item, then builds a mapper and reads the item once the way the variant named by the first argument
 * does, and prints both times. The mapper part is what the variants differ in.
 */
public final class ColdStartProbe {
    /**
     * The item as Dynamite maps it through the global client (its fields, by reflection): the mapping benchmark's
     * {@link FlatModel}, which the Enhanced Client reads by its getters, as an active record.
     */
    public static final class ColdItem extends Table<ColdItem> {
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

    /** The item as hand-written SDK code maps it. */
    private record Plain(String id, String name, String email, int count, long views, boolean active,
                         Instant createdAt, List<String> tags, Double rating, BigDecimal price) {
    }

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        String variant = args[0];
        long start = System.nanoTime();
        try (DynamoDbLocal local = DynamoDbLocal.create(); DynamoDbClient client = local.client()) {
            client.createTable(b -> b.tableName("cold_items").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            client.putItem(b -> b.tableName("cold_items").item(Map.of("id", AttributeValue.fromS("i1"),
                    "name", AttributeValue.fromS("Ada"), "email", AttributeValue.fromS("ada@example.com"),
                    "count", AttributeValue.fromN("3"), "views", AttributeValue.fromN("12345678901"),
                    "active", AttributeValue.fromBool(true), "createdAt", AttributeValue.fromS("2026-12-06T10:00:00Z"),
                    "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b"))),
                    "rating", AttributeValue.fromN("4.5"), "price", AttributeValue.fromN("19.99"))));
            long ready = System.nanoTime();
            String read = switch (variant) {
                case "sdk" -> sdk(client).name();
                case "enhanced" -> DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()
                        .table("cold_items", TableSchema.fromBean(FlatModel.class))
                        .getItem(Key.builder().partitionValue("i1").build()).getName();
                case "dynamite" -> {
                    Dynamite.setGlobalClient(client);
                    yield Table.model(ColdItem.class).find("i1").orElseThrow().name;
                }
                case "generated" -> {
                    Dynamite.setGlobalClient(client);
                    yield Table.model(GenItem.class).find("i1").orElseThrow().name;
                }
                default -> throw new IllegalArgumentException("unknown variant " + variant);
            };
            long done = System.nanoTime();
            if (!"Ada".equals(read)) {
                throw new IllegalStateException("read " + read);
            }
            System.out.printf(Locale.ROOT, "engine+client=%.1f mapped-read=%.1f%n", (ready - start) / 1e6,
                    (done - ready) / 1e6);
        }
    }

    private static Plain sdk(DynamoDbClient client) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName("cold_items")
                .key(Map.of("id", AttributeValue.fromS("i1")))).item();
        return new Plain(item.get("id").s(), item.get("name").s(), item.get("email").s(),
                Integer.parseInt(item.get("count").n()), Long.parseLong(item.get("views").n()),
                item.get("active").bool(), Instant.parse(item.get("createdAt").s()),
                item.get("tags").l().stream().map(AttributeValue::s).toList(), Double.valueOf(item.get("rating").n()),
                new BigDecimal(item.get("price").n()));
    }
}
