package dev.dynamite.local;

import static dev.dynamite.local.LocalTables.createTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The public fault API, observed through a real SDK client without retries. */
class FaultsTest {
    private DynamoDbLocal local;
    private DynamoDbClient client;
    private Faults faults;

    @BeforeEach
    void start() {
        local = DynamoDbLocal.create();
        client = local.clientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
        faults = local.faults();
        createTable(local.client(), "users");
        createTable(local.client(), "orders");
    }

    @AfterEach
    void stop() {
        client.close();
        local.close();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private void put(String table, String id) {
        client.putItem(b -> b.tableName(table).item(key(id)));
    }

    @Test
    void throttleTimes() {
        Fault fault = faults.on("PutItem").throttle().times(2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> put("users", "1"))
                    .isInstanceOf(ProvisionedThroughputExceededException.class)
                    .hasMessageStartingWith("The level of configured provisioned throughput for the table was "
                            + "exceeded. Consider increasing your provisioning level with the UpdateTable API.");
        }
        assertThat(client.getItem(b -> b.tableName("users").key(key("1"))).hasItem()).isFalse();
        put("users", "1");

        assertThat(client.getItem(b -> b.tableName("users").key(key("1"))).hasItem()).isTrue();
        assertThat(fault.injected()).isEqualTo(2);
        assertThat(fault.isActive()).isFalse();
        assertThat(faults.active()).isEmpty();
    }

    @Test
    void afterLetsCallsPassBeforeFiring() {
        Fault fault = faults.on("PutItem").throttle().after(2).once();

        put("users", "1");
        put("users", "2");
        assertThatThrownBy(() -> put("users", "3")).isInstanceOf(ProvisionedThroughputExceededException.class);
        put("users", "3");

        assertThat(fault.injected()).isEqualTo(1);
        assertThat(client.scan(b -> b.tableName("users")).count()).isEqualTo(3);
        assertThatThrownBy(() -> faults.on("PutItem").throttle().after(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lostResponseAppliesTheWriteButAnswersAServerError() {
        Fault fault = faults.on("PutItem").lostResponse().once();

        assertThatThrownBy(() -> put("users", "1")).isInstanceOfSatisfying(DynamoDbException.class, e ->
                assertThat(e.statusCode()).isEqualTo(500));

        assertThat(client.getItem(b -> b.tableName("users").key(key("1"))).hasItem()).isTrue();
        assertThat(fault.injected()).isEqualTo(1);
    }

    @Test
    void throttlingException() {
        faults.on("ListTables").throttlingException().once();

        assertThatThrownBy(() -> client.listTables()).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.isThrottlingException()).isTrue();
        });
        assertThat(client.listTables().tableNames()).containsExactly("orders", "users");
    }

    @Test
    void serverError() {
        faults.onAnyOperation().serverError().once();

        assertThatThrownBy(() -> client.listTables()).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Internal server error");
        });
    }

    @Test
    void anyError() {
        faults.on("TransactWriteItems").error("TransactionConflictException", 400, "Transaction is ongoing").once();

        TransactWriteItem write = TransactWriteItem.builder().put(p -> p.tableName("users").item(key("1"))).build();
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(List.of(write))))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.TransactionConflictException.class)
                .hasMessageContaining("Transaction is ongoing");
    }

    @Test
    void perTable() {
        Fault fault = faults.on("PutItem", "GetItem").table("users").serverError().always();

        put("orders", "1");
        assertThatThrownBy(() -> put("users", "1")).isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("users").key(key("1"))))
                .isInstanceOf(DynamoDbException.class);
        client.deleteItem(b -> b.tableName("users").key(key("1")));

        assertThat(fault.injected()).isEqualTo(2);
        assertThat(fault.isActive()).isTrue();
    }

    @Test
    void latency() {
        faults.on("GetItem").table("users").latency(Duration.ofMillis(200)).always();

        long start = System.nanoTime();
        client.getItem(b -> b.tableName("users").key(key("1")));
        long slow = System.nanoTime() - start;
        start = System.nanoTime();
        client.getItem(b -> b.tableName("orders").key(key("1")));
        long fast = System.nanoTime() - start;

        assertThat(Duration.ofNanos(slow)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(fast)).isLessThan(Duration.ofMillis(150));
    }

    @Test
    void fractionIsReproducible() {
        assertThat(failures(0.25, 7)).isEqualTo(failures(0.25, 7)).isNotEqualTo(failures(0.25, 8));
    }

    private List<Integer> failures(double fraction, long seed) {
        faults.clear();
        faults.on("ListTables").serverError().fraction(fraction, seed);
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            try {
                client.listTables();
            } catch (DynamoDbException e) {
                failed.add(i);
            }
        }
        assertThat(failed.size()).isBetween(10, 45);
        return failed;
    }

    @Test
    void unprocessedBatchWrite() {
        faults.on("BatchWriteItem").table("users").unprocessed(1).once();
        List<WriteRequest> writes = new ArrayList<>();
        for (String id : List.of("1", "2", "3")) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(key(id)).build()).build());
        }

        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of("users", writes,
                "orders", writes)));

        assertThat(response.unprocessedItems()).containsOnlyKeys("users");
        assertThat(response.unprocessedItems().get("users")).isEqualTo(writes.subList(1, 3));
        assertThat(client.scan(b -> b.tableName("users")).count()).isEqualTo(1);
        assertThat(client.scan(b -> b.tableName("orders")).count()).isEqualTo(3);

        // the retry an SDK user performs then succeeds
        BatchWriteItemResponse retry = client.batchWriteItem(b -> b.requestItems(response.unprocessedItems()));
        assertThat(retry.unprocessedItems()).isEmpty();
        assertThat(client.scan(b -> b.tableName("users")).count()).isEqualTo(3);
    }

    @Test
    void unprocessedBatchGet() {
        put("users", "1");
        faults.on("BatchGetItem").unprocessed().once();
        KeysAndAttributes keys = KeysAndAttributes.builder().keys(List.of(key("1"))).consistentRead(true).build();

        BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of("users", keys)));

        assertThat(response.unprocessedKeys()).isEqualTo(Map.of("users", keys));
        assertThat(response.responses().getOrDefault("users", List.of())).isEmpty();
        assertThat(client.batchGetItem(b -> b.requestItems(response.unprocessedKeys())).responses().get("users"))
                .containsExactly(key("1"));
    }

    @Test
    void sdkRetriesThrottlingTransparently() {
        Fault fault = faults.on("PutItem").throttle().times(3);
        try (DynamoDbClient retrying = local.clientBuilder().overrideConfiguration(o -> o.retryStrategy(b -> b
                .maxAttempts(5).backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()))).build()) {
            retrying.putItem(b -> b.tableName("users").item(key("1")));
        }

        assertThat(fault.injected()).isEqualTo(3);
        assertThat(client.getItem(b -> b.tableName("users").key(key("1"))).hasItem()).isTrue();
    }

    @Test
    void clearAndRemove() {
        Fault first = faults.on("ListTables").serverError().always();
        Fault second = faults.on("GetItem").serverError().always();
        assertThat(faults.active()).containsExactly(first, second);

        first.remove();
        assertThat(faults.active()).containsExactly(second);
        assertThat(client.listTables().tableNames()).hasSize(2);

        faults.clear();
        assertThat(second.isActive()).isFalse();
        assertThat(client.getItem(b -> b.tableName("users").key(key("1"))).hasItem()).isFalse();
        assertThat(second.toString()).contains("GetItem").contains("injected 0");
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> faults.on("Getitem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Getitem' is not a DynamoDB operation name");
        assertThatThrownBy(() -> faults.on("GetItem").unprocessed()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BatchGetItem and BatchWriteItem only");
        assertThatThrownBy(() -> faults.on("GetItem").throttle().times(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.on("GetItem").throttle().fraction(2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.on("GetItem").latency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.on("GetItem").error("X", 302, "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(faults.active()).isEmpty();
    }
}
