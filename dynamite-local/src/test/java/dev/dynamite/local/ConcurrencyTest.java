package dev.dynamite.local;

import static dev.dynamite.local.LocalTables.createTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Sixteen threads hammer one in-process client. */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int CALLS = 200;

    @Test
    void sixteenThreadsShareOneClientWithoutErrors() throws Exception {
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            DynamoDbClient client = local.client();
            createTable(client, "items");
            client.putItem(b -> b.tableName("items").item(Map.of("id", AttributeValue.fromS("counter"),
                    "n", AttributeValue.fromN("0"))));

            List<Integer> done = runInParallel(thread -> {
                for (int i = 0; i < CALLS; i++) {
                    String id = thread + "-" + i;
                    client.putItem(b -> b.tableName("items").item(Map.of("id", AttributeValue.fromS(id),
                            "thread", AttributeValue.fromN(Integer.toString(thread)))));
                    Map<String, AttributeValue> item = client.getItem(b -> b.tableName("items")
                            .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
                    assertThat(item).containsEntry("thread", AttributeValue.fromN(Integer.toString(thread)));
                    client.updateItem(b -> b.tableName("items").key(Map.of("id", AttributeValue.fromS("counter")))
                            .updateExpression("ADD n :one")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                            .returnValues(ReturnValue.NONE));
                }
                return CALLS;
            });

            assertThat(done).containsOnly(CALLS).hasSize(THREADS);
            assertThat(client.scan(b -> b.tableName("items")).count()).isEqualTo(THREADS * CALLS + 1);
            assertThat(client.getItem(b -> b.tableName("items").key(Map.of("id", AttributeValue.fromS("counter"))))
                    .item().get("n").n()).isEqualTo(Integer.toString(THREADS * CALLS));
        }
    }

    @Test
    void injectedLatencyDoesNotSerializeCallers() throws Exception {
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            DynamoDbClient client = local.client();
            local.faults().on("ListTables").latency(Duration.ofMillis(100)).always();

            long start = System.nanoTime();
            runInParallel(thread -> {
                for (int i = 0; i < 5; i++) {
                    client.listTables();
                }
                return 5;
            });

            // serially 16 x 5 x 100 ms = 8 s; in parallel about 0.5 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    interface Work {
        int run(int thread) throws Exception;
    }

    static List<Integer> runInParallel(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Integer> task = () -> work.run(thread);
                futures.add(pool.submit(task));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get()); // rethrows the first failure
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
