package dev.dynamite.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.jspecify.annotations.Nullable;

/**
 * The conformance suite: every scenario of {@code src/test/resources/conformance} runs on dynamite-local (over HTTP)
 * and on dynalite ({@code DYNAMITE_TEST_ENDPOINT}), and each response of dynamite-local must equal dynalite's after
 * normalizing what legitimately differs (table ids, timestamps, the per-run table prefix). Scenarios dynalite cannot
 * run (transactions, TTL) are marked {@code localOnly} and checked against DynamoDB's documented answers.
 */
class ConformanceIT {
    static final List<String> FILES = List.of("tables.json", "items.json", "conditions.json", "updates.json",
            "queries.json", "scans.json", "batches.json", "transactions.json", "ttl.json", "errors.json");
    /** Members whose values are per table or per moment, never comparable between servers. */
    static final Set<String> VOLATILE = Set.of("TableId", "CreationDateTime", "LastUpdateToPayPerRequestDateTime",
            "LastIncreaseDateTime", "LastDecreaseDateTime", "TableArn", "IndexArn", "LatestStreamArn",
            "LatestStreamLabel");

    private static DynamoDbLocal local;
    private static Backend localBackend;
    private static Backend dynalite;

    @BeforeAll
    static void start() {
        String endpoint = System.getenv("DYNAMITE_TEST_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            fail("DYNAMITE_TEST_ENDPOINT is not set: run the integration tests with scripts/test.sh, which starts"
                    + " dynalite and sets it");
        }
        dynalite = new Backend("dynalite", URI.create(endpoint));
        local = DynamoDbLocal.create();
        localBackend = new Backend("dynamite-local", local.startHttp(0));
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> scenarios() throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String file : FILES) {
            for (Scenario scenario : Scenario.load(file)) {
                runs.add(new Run(scenario));
            }
        }
        Map<String, Object> fixtures = fixtures();
        // create every scenario's tables first, then wait once: dynalite keeps each new table CREATING for 500 ms
        for (Run run : runs) {
            run.createTables(fixtures);
        }
        for (Run run : runs) {
            run.awaitTables();
        }
        long both = runs.stream().filter(r -> r.scenario.localOnly() == null).count();
        System.out.printf("Conformance suite: %d scenarios (%d on dynamite-local and dynalite, %d on dynamite-local"
                + " only)%n", runs.size(), both, runs.size() - both);
        List<DynamicNode> nodes = new ArrayList<>();
        for (String file : FILES) {
            nodes.add(DynamicContainer.dynamicContainer(file, runs.stream()
                    .filter(r -> r.scenario.file().equals(file))
                    .map(r -> DynamicTest.dynamicTest(r.scenario.name(), r::check))));
        }
        return nodes.stream();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixtures() throws IOException {
        try (var in = ConformanceIT.class.getResourceAsStream("/conformance/fixtures.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** One scenario on its backends, each with a table prefix of its own. */
    private static final class Run {
        final Scenario scenario;
        final Map<Backend, String> prefixes = new LinkedHashMap<>();

        Run(Scenario scenario) {
            this.scenario = scenario;
            prefixes.put(localBackend, prefix());
            if (scenario.localOnly() == null) {
                prefixes.put(dynalite, prefix());
            }
        }

        private static String prefix() {
            return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
        }

        @SuppressWarnings("unchecked")
        void createTables(Map<String, Object> fixtures) {
            for (String table : scenario.tables()) {
                Map<String, Object> definition = (Map<String, Object>) fixtures.get(table);
                if (definition == null) {
                    throw new IllegalArgumentException(scenario.name() + ": unknown fixture table " + table);
                }
                prefixes.forEach((backend, prefix) -> {
                    Map<String, Object> request = new LinkedHashMap<>(definition);
                    request.put("TableName", prefix + table);
                    Backend.Response r = backend.call("CreateTable", Json.write(request));
                    assertThat(r.status()).as("%s: CreateTable %s on %s: %s", scenario.name(), table, backend,
                            r.body()).isEqualTo(200);
                });
            }
        }

        @SuppressWarnings("unchecked")
        void awaitTables() {
            for (String table : scenario.tables()) {
                prefixes.forEach((backend, prefix) -> {
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (true) {
                        Backend.Response r = backend.call("DescribeTable", "{\"TableName\":\"" + prefix + table + "\"}");
                        Map<String, Object> body = (Map<String, Object>) Json.parse(r.body());
                        if (r.status() == 200 && "ACTIVE".equals(((Map<String, Object>) body.get("Table"))
                                .get("TableStatus"))) {
                            return;
                        }
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException(table + " not ACTIVE on " + backend + ": " + r.body());
                        }
                        sleep(50);
                    }
                });
            }
        }

        void check() {
            List<Scenario.Step> steps = scenario.steps();
            for (int i = 0; i < steps.size(); i++) {
                Scenario.Step step = steps.get(i);
                String where = scenario.name() + ", step " + (i + 1) + " (" + step.op() + ")";
                Map<Backend, Object> answers = new LinkedHashMap<>();
                for (Map.Entry<Backend, String> e : prefixes.entrySet()) {
                    if (e.getKey() == dynalite && step.departs() != null) {
                        continue;
                    }
                    String body = Json.write(substitute(step.request(), e.getValue()));
                    Backend.Response r = e.getKey().call(step.op(), body);
                    Object normalized = normalize(r, e.getValue(), step);
                    answers.put(e.getKey(), normalized);
                    if (step.expect() != null) {
                        assertExpected(where + " on " + e.getKey(), normalized, step.expect());
                    } else if (scenario.localOnly() != null || step.departs() != null) {
                        assertThat(((Map<?, ?>) normalized).get("status")).as("%s on %s: %s", where, e.getKey(),
                                normalized).isEqualTo(200);
                    }
                }
                if (answers.size() == 2) {
                    assertThat(Json.write(answers.get(localBackend)))
                            .as("%s: dynamite-local's answer (actual) against dynalite's (expected)", where)
                            .isEqualTo(Json.write(answers.get(dynalite)));
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static void assertExpected(String where, Object actual, Map<String, Object> expect) {
            Map<String, Object> response = (Map<String, Object>) actual;
            Object status = expect.get("status");
            if (status != null) {
                assertThat(String.valueOf(response.get("status"))).as(where).isEqualTo(String.valueOf(status));
            }
            Object error = expect.get("error");
            Map<String, Object> body = (Map<String, Object>) response.get("body");
            if (error != null) {
                assertThat(String.valueOf(body.get("__type"))).as(where + ": " + body)
                        .isEqualTo("com.amazonaws.dynamodb.v20120810#" + error);
            }
            Object message = expect.get("message");
            if (message != null) {
                assertThat(String.valueOf(body.get("message"))).as(where).isEqualTo(message);
            }
            Object expectedBody = expect.get("body");
            if (expectedBody != null) {
                assertThat(Json.write(body)).as(where).isEqualTo(Json.write(canonical(expectedBody)));
            }
        }
    }

    static Object substitute(Object json, String prefix) {
        if (json instanceof String s) {
            return s.startsWith("$") ? prefix + s.substring(1) : s;
        }
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(substitute(k, prefix)), substitute(v, prefix)));
            return out;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(v -> substitute(v, prefix)).toList();
        }
        return json;
    }

    /** The response as {@code {"status": …, "body": …}}, with volatile members dropped and the prefix undone. */
    static Object normalize(Backend.Response r, String prefix, Scenario.Step step) {
        Object body = r.body().isEmpty() ? Map.of() : Json.parse(r.body());
        body = canonical(strip(body, prefix, step));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status());
        out.put("body", body);
        return out;
    }

    private static @Nullable Object strip(@Nullable Object json, String prefix, Scenario.Step step) {
        if (json instanceof String s) {
            return s.replace(prefix, "$");
        }
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (VOLATILE.contains(key) || step.ignore().contains(key)) {
                    return;
                }
                Object value = strip(v, prefix, step);
                if (step.unordered().contains(key) && value instanceof List<?> list) {
                    List<Object> sorted = new ArrayList<>(list);
                    sorted.sort(Comparator.comparing(o -> Json.write(canonical(o))));
                    value = sorted;
                }
                out.put(key.replace(prefix, "$"), value);
            });
            return out;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(v -> strip(v, prefix, step)).toList();
        }
        return json;
    }

    /** Sorts object members by name, so member order never matters. */
    static @Nullable Object canonical(@Nullable Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), canonical(v)));
            return out;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(ConformanceIT::canonical).toList();
        }
        return json;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
