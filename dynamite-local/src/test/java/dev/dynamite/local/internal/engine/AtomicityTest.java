package dev.dynamite.local.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.DynamoDbLocal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sixteen threads on one engine: conditional read-modify-write counters lose no update, and transfers between
 * accounts in transactions conserve the total while readers never see a half-applied transfer.
 */
class AtomicityTest {
    private static final int THREADS = 16;
    private final DynamoDbLocal local = DynamoDbLocal.create();
    private final DynamoDbClient client = local.client();

    @AfterEach
    void close() {
        client.close();
        local.close();
    }

    private void table(String name) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private static <T> List<T> parallel(java.util.function.IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> work.apply(thread)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void conditionalCountersLoseNoUpdate() throws Exception {
        table("counters");
        client.putItem(b -> b.tableName("counters").item(Map.of("id", AttributeValue.fromS("c"),
                "value", AttributeValue.fromN("0"))));
        int increments = 100;
        AtomicInteger conflicts = new AtomicInteger();

        parallel(thread -> {
            for (int i = 0; i < increments; i++) {
                while (true) {
                    String seen = client.getItem(b -> b.tableName("counters").key(key("c")).consistentRead(true))
                            .item().get("value").n();
                    String next = new BigDecimal(seen).add(BigDecimal.ONE).toPlainString();
                    try {
                        client.putItem(b -> b.tableName("counters")
                                .item(Map.of("id", AttributeValue.fromS("c"), "value", AttributeValue.fromN(next)))
                                .conditionExpression("#v = :seen")
                                .expressionAttributeNames(Map.of("#v", "value"))
                                .expressionAttributeValues(Map.of(":seen", AttributeValue.fromN(seen))));
                        break;
                    } catch (ConditionalCheckFailedException lost) {
                        conflicts.incrementAndGet();   // someone else won this round: read again and retry
                    }
                }
            }
            return null;
        });

        assertThat(client.getItem(b -> b.tableName("counters").key(key("c"))).item().get("value").n())
                .isEqualTo(Integer.toString(THREADS * increments));
        assertThat(conflicts.get()).as("the threads really raced").isPositive();
    }

    @Test
    void transfersInTransactionsConserveTheTotal() throws Exception {
        table("accounts");
        int accounts = 20;
        for (int a = 0; a < accounts; a++) {
            int n = a;
            client.putItem(b -> b.tableName("accounts").item(Map.of("id", AttributeValue.fromS("a" + n),
                    "balance", AttributeValue.fromN("100"))));
        }
        int transfers = 150;
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger badSnapshots = new AtomicInteger();

        parallel(thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < transfers; i++) {
                if (thread % 4 == 0) {
                    // a reader: every consistent snapshot of all accounts sums to the initial total
                    List<software.amazon.awssdk.services.dynamodb.model.TransactGetItem> gets = new ArrayList<>();
                    for (int a = 0; a < accounts; a++) {
                        int n = a;
                        gets.add(software.amazon.awssdk.services.dynamodb.model.TransactGetItem.builder()
                                .get(g -> g.tableName("accounts").key(key("a" + n))).build());
                    }
                    long sum = client.transactGetItems(b -> b.transactItems(gets)).responses().stream()
                            .mapToLong(r -> Long.parseLong(r.item().get("balance").n())).sum();
                    if (sum != accounts * 100L) {
                        badSnapshots.incrementAndGet();
                    }
                    continue;
                }
                int from = random.nextInt(accounts);
                int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                String amount = Integer.toString(1 + random.nextInt(30));
                try {
                    client.transactWriteItems(b -> b.transactItems(
                            TransactWriteItem.builder().update(u -> u.tableName("accounts").key(key("a" + from))
                                    .updateExpression("SET balance = balance - :x")
                                    .conditionExpression("balance >= :x")
                                    .expressionAttributeValues(Map.of(":x", AttributeValue.fromN(amount)))).build(),
                            TransactWriteItem.builder().update(u -> u.tableName("accounts").key(key("a" + to))
                                    .updateExpression("SET balance = balance + :x")
                                    .expressionAttributeValues(Map.of(":x", AttributeValue.fromN(amount)))).build()));
                    committed.incrementAndGet();
                } catch (TransactionCanceledException insufficient) {
                    assertThat(insufficient.cancellationReasons().get(0).code()).isEqualTo("ConditionalCheckFailed");
                    cancelled.incrementAndGet();
                }
            }
            return null;
        });

        Map<String, Long> balances = new HashMap<>();
        client.scan(b -> b.tableName("accounts")).items()
                .forEach(i -> balances.put(i.get("id").s(), Long.parseLong(i.get("balance").n())));
        assertThat(balances).hasSize(accounts);
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(accounts * 100L);
        assertThat(balances.values()).allMatch(b -> b >= 0);
        assertThat(badSnapshots.get()).isZero();
        assertThat(committed.get()).isPositive();
        assertThat(committed.get() + cancelled.get()).isEqualTo(12 * transfers);
    }
}
