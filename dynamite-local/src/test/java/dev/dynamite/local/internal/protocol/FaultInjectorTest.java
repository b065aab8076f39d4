package dev.dynamite.local.internal.protocol;

import static dev.dynamite.local.internal.protocol.Requests.call;
import static dev.dynamite.local.internal.protocol.Requests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.local.internal.engine.Operations;
import dev.dynamite.local.internal.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
    private final FaultInjector faults = new FaultInjector();
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> requests = Collections.synchronizedList(new ArrayList<>());
    private Operations engine = (operation, request) -> {
        executed.add(operation);
        requests.add(request);
        return Map.of();
    };
    private final JsonProtocol protocol = new JsonProtocol((op, request) -> engine.execute(op, request), faults);

    private ProtocolResponse get(String table) throws Exception {
        return protocol.handle(call("GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{}}").build());
    }

    private static FaultRule rule(Set<String> operations, Set<String> tables, FaultRule.Action action,
            FaultRule.Trigger trigger) {
        return new FaultRule(operations, tables, action, trigger);
    }

    private static FaultRule.Failure throttle() {
        return new FaultRule.Failure(JsonProtocol.THROUGHPUT_EXCEEDED, JsonProtocol.THROUGHPUT_EXCEEDED_MESSAGE, 400);
    }

    @Test
    void throttleTimesFailsTheNextCallsWithoutRunningThem() throws Exception {
        FaultRule rule = rule(Set.of("GetItem"), Set.of(), throttle(), new FaultRule.Times(2));
        faults.add(rule);

        for (int i = 0; i < 2; i++) {
            ProtocolResponse response = get("users");
            assertThat(response.status()).isEqualTo(400);
            assertThat(json(response))
                    .containsEntry("__type", "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException")
                    .containsEntry("message", "The level of configured provisioned throughput for the table was "
                            + "exceeded. Consider increasing your provisioning level with the UpdateTable API.");
        }
        assertThat(executed).isEmpty();
        assertThat(get("users").status()).isEqualTo(200);
        assertThat(executed).containsExactly("GetItem");
        assertThat(rule.injected()).isEqualTo(2);
        assertThat(rule.exhausted()).isTrue();
        assertThat(faults.rules()).isEmpty(); // exhausted rules are dropped
    }

    @Test
    void serverErrorIs500() throws Exception {
        faults.add(rule(Set.of(), Set.of(), new FaultRule.Failure(JsonProtocol.INTERNAL_SERVER_ERROR,
                JsonProtocol.INTERNAL_SERVER_ERROR_MESSAGE, 500), new FaultRule.Always()));

        ProtocolResponse response = protocol.handle(call("ListTables", "{}").build());

        assertThat(response.status()).isEqualTo(500);
        assertThat(json(response)).containsEntry("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError");
        assertThat(response.header("x-amz-crc32")).isEqualTo(Long.toString(Requests.crc32(response.body())));
        assertThat(executed).isEmpty();
    }

    @Test
    void operationAndTableSelectCalls() throws Exception {
        faults.add(rule(Set.of("GetItem"), Set.of("users"), throttle(), new FaultRule.Always()));

        assertThat(get("users").status()).isEqualTo(400);
        assertThat(get("arn:aws:dynamodb:us-east-1:000000000000:table/users").status()).isEqualTo(400);
        assertThat(get("orders").status()).isEqualTo(200);
        assertThat(protocol.handle(call("PutItem", "{\"TableName\":\"users\"}").build()).status()).isEqualTo(200);
        assertThat(executed).containsExactly("GetItem", "PutItem");
    }

    @Test
    void latencyDelaysThenRuns() throws Exception {
        faults.add(rule(Set.of("GetItem"), Set.of(), new FaultRule.Delay(Duration.ofMillis(100)),
                new FaultRule.Always()));
        faults.add(rule(Set.of("GetItem"), Set.of(), new FaultRule.Delay(Duration.ofMillis(50)),
                new FaultRule.Times(1)));

        long start = System.nanoTime();
        assertThat(get("users").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        start = System.nanoTime();
        protocol.handle(call("ListTables", "{}").build());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        assertThat(executed).containsExactly("GetItem", "ListTables");
    }

    @Test
    void latencyIsInterruptible() {
        faults.add(rule(Set.of(), Set.of(), new FaultRule.Delay(Duration.ofSeconds(30)), new FaultRule.Always()));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> get("users")).isInstanceOf(java.io.InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(executed).isEmpty();
    }

    @Test
    void firstAddedFailureWinsAndLaterOnesAreNotConsumed() throws Exception {
        FaultRule first = rule(Set.of(), Set.of(), throttle(), new FaultRule.Times(1));
        FaultRule second = rule(Set.of(), Set.of(), new FaultRule.Failure(JsonProtocol.INTERNAL_SERVER_ERROR,
                JsonProtocol.INTERNAL_SERVER_ERROR_MESSAGE, 500), new FaultRule.Times(1));
        faults.add(first);
        faults.add(second);

        assertThat(get("users").status()).isEqualTo(400);
        assertThat(second.injected()).isZero();
        assertThat(get("users").status()).isEqualTo(500);
        assertThat(get("users").status()).isEqualTo(200);
    }

    @Test
    void fractionIsDeterministicForASeed() throws Exception {
        List<Integer> firstRun = faultedCalls(0.3, 42);
        List<Integer> secondRun = faultedCalls(0.3, 42);
        List<Integer> otherSeed = faultedCalls(0.3, 43);

        assertThat(firstRun).isEqualTo(secondRun).isNotEqualTo(otherSeed);
        assertThat(firstRun.size()).isBetween(35, 85); // ~60 of 200
        assertThat(faultedCalls(0.0, 1)).isEmpty();
        assertThat(faultedCalls(1.0, 1)).hasSize(200);
    }

    private List<Integer> faultedCalls(double fraction, long seed) throws Exception {
        faults.clear();
        faults.add(rule(Set.of("GetItem"), Set.of(), throttle(), new FaultRule.Fraction(fraction, seed)));
        List<Integer> faulted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (get("users").status() != 200) {
                faulted.add(i);
            }
        }
        return faulted;
    }

    @Test
    void clearAndRemoveStopFaults() throws Exception {
        FaultRule rule = rule(Set.of(), Set.of(), throttle(), new FaultRule.Always());
        faults.add(rule);
        assertThat(get("users").status()).isEqualTo(400);
        assertThat(faults.remove(rule)).isTrue();
        assertThat(get("users").status()).isEqualTo(200);

        faults.add(rule(Set.of(), Set.of(), throttle(), new FaultRule.Always()));
        faults.clear();
        assertThat(get("users").status()).isEqualTo(200);
    }

    @Test
    void unprocessedBatchWriteRunsNothing() throws Exception {
        faults.add(rule(Set.of("BatchWriteItem"), Set.of(), new FaultRule.Unprocessed(0), new FaultRule.Times(1)));
        String items = "{\"users\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"1\"}}}},"
                + "{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"2\"}}}}]}";

        ProtocolResponse response = protocol.handle(call("BatchWriteItem", "{\"RequestItems\":" + items + "}").build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response)).containsEntry("UnprocessedItems", Json.parse(items));
        assertThat(executed).isEmpty();
        // the next call runs
        response = protocol.handle(call("BatchWriteItem", "{\"RequestItems\":" + items + "}").build());
        assertThat(executed).containsExactly("BatchWriteItem");
    }

    @Test
    void unprocessedBatchWriteRunsTheFirstRequestsOfTheSelectedTables() throws Exception {
        engine = (operation, request) -> {
            executed.add(operation);
            requests.add(request);
            // the engine leaves one of its own unprocessed
            return Map.of("UnprocessedItems", Map.of("users", List.of(Map.of("PutRequest", Map.of("Item",
                    Map.of("id", Map.of("S", "0")))))));
        };
        faults.add(rule(Set.of("BatchWriteItem"), Set.of("users"), new FaultRule.Unprocessed(1),
                new FaultRule.Always()));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("RequestItems", Json.parse("{\"users\":[" + put("1") + "," + put("2") + "," + put("3") + "],"
                + "\"orders\":[" + put("a") + "]}"));
        request.put("ReturnConsumedCapacity", "TOTAL");

        ProtocolResponse response = protocol.handle(call("BatchWriteItem", request).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).containsEntry("ReturnConsumedCapacity", "TOTAL")
                .containsEntry("RequestItems", Json.parse("{\"users\":[" + put("1") + "],\"orders\":[" + put("a")
                        + "]}"));
        assertThat(json(response)).containsEntry("UnprocessedItems",
                Json.parse("{\"users\":[" + put("0") + "," + put("2") + "," + put("3") + "]}"));
    }

    private static String put(String id) {
        return "{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"" + id + "\"}}}}";
    }

    @Test
    void unprocessedBatchGetKeepsTheReadOptions() throws Exception {
        faults.add(rule(Set.of("BatchGetItem"), Set.of(), new FaultRule.Unprocessed(0), new FaultRule.Always()));
        String items = "{\"users\":{\"Keys\":[{\"id\":{\"S\":\"1\"}},{\"id\":{\"S\":\"2\"}}],"
                + "\"ProjectionExpression\":\"#n\",\"ExpressionAttributeNames\":{\"#n\":\"name\"},"
                + "\"ConsistentRead\":true}}";

        ProtocolResponse response = protocol.handle(call("BatchGetItem", "{\"RequestItems\":" + items + "}").build());

        assertThat(json(response)).containsEntry("UnprocessedKeys", Json.parse(items))
                .containsEntry("Responses", Map.of("users", List.of()));
        assertThat(executed).isEmpty();
    }

    @Test
    void unprocessedBatchGetSplitsKeys() throws Exception {
        engine = (operation, request) -> {
            requests.add(request);
            return Map.of("Responses", Map.of("users", List.of(Map.of("id", Map.of("S", "1")))),
                    "UnprocessedKeys", Map.of());
        };
        faults.add(rule(Set.of("BatchGetItem"), Set.of(), new FaultRule.Unprocessed(1), new FaultRule.Always()));

        ProtocolResponse response = protocol.handle(call("BatchGetItem", "{\"RequestItems\":{\"users\":{\"Keys\":"
                + "[{\"id\":{\"S\":\"1\"}},{\"id\":{\"S\":\"2\"}}],\"ConsistentRead\":true}}}").build());

        assertThat(requests.get(0)).isEqualTo(Json.parse("{\"RequestItems\":{\"users\":{\"Keys\":"
                + "[{\"id\":{\"S\":\"1\"}}],\"ConsistentRead\":true}}}"));
        assertThat(json(response)).containsEntry("UnprocessedKeys", Json.parse("{\"users\":{\"Keys\":"
                + "[{\"id\":{\"S\":\"2\"}}],\"ConsistentRead\":true}}"));
        assertThat(json(response)).containsKey("Responses");
    }

    @Test
    void unprocessedAppliesToBatchOperationsOnly() throws Exception {
        assertThatThrownBy(() -> rule(Set.of("GetItem"), Set.of(), new FaultRule.Unprocessed(0),
                new FaultRule.Always())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetItem");
        faults.add(rule(Set.of(), Set.of(), new FaultRule.Unprocessed(0), new FaultRule.Always()));

        assertThat(get("users").status()).isEqualTo(200);
        assertThat(executed).containsExactly("GetItem");
    }

    @Test
    void rulesValidateTheirArguments() {
        assertThatThrownBy(() -> new FaultRule.Times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule.Fraction(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule.Fraction(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule.Delay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule.Failure("x", "y", 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultRule.Unprocessed(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesIsExactUnderConcurrency() throws Exception {
        FaultRule rule = rule(Set.of("GetItem"), Set.of(), throttle(), new FaultRule.Times(100));
        faults.add(rule);
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        statuses.add(get("users").status());
                    } catch (Exception e) {
                        statuses.add(-1);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(statuses).hasSize(400);
        assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(100);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(300);
        assertThat(rule.injected()).isEqualTo(100);
    }
}
