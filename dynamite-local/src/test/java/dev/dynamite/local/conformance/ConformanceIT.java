package dev.dynamite.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.internal.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
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
 *
 * <p>Reads whose split into pages or segments is the server's choice (the item order of a Scan, the items of a
 * Scan segment) are compared whole: a step with {@code pages} or {@code segments} reads every page of every segment
 * and compares the items as one list (see {@link Scenario.Step}). An {@code expect}ed {@code error} is an error code
 * in DynamoDB's namespace for it ({@link #qualifiedType(String)}).
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
                    Backend.Response r = answer(e.getKey(), e.getValue(), step);
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

        /**
         * The answer of a backend to a step: one call, or for {@code pages} and {@code segments} every page of every
         * segment merged into one answer (the first failing page answers for the whole).
         */
        @SuppressWarnings("unchecked")
        private static Backend.Response answer(Backend backend, String prefix, Scenario.Step step) {
            Map<String, Object> request = (Map<String, Object>) substitute(step.request(), prefix);
            if (!step.pages() && step.segments() == 0) {
                return backend.call(step.op(), Json.write(request));
            }
            List<Object> items = new ArrayList<>();
            BigDecimal count = BigDecimal.ZERO;
            BigDecimal scanned = BigDecimal.ZERO;
            int segments = Math.max(1, step.segments());
            for (int segment = 0; segment < segments; segment++) {
                Map<String, Object> page = new LinkedHashMap<>(request);
                if (step.segments() > 0) {
                    page.put("Segment", segment);
                    page.put("TotalSegments", segments);
                }
                for (int n = 0; ; n++) {
                    Backend.Response r = backend.call(step.op(), Json.write(page));
                    if (r.status() != 200) {
                        return r;
                    }
                    Map<String, Object> body = (Map<String, Object>) Json.parse(r.body());
                    if (body.get("Items") instanceof List<?> list) {
                        items.addAll(list);
                    }
                    count = count.add(number(body.get("Count")));
                    scanned = scanned.add(number(body.get("ScannedCount")));
                    Object last = body.get("LastEvaluatedKey");
                    if (last == null || !step.pages()) {
                        break;
                    }
                    if (n == 1000) {
                        throw new IllegalStateException(step.op() + " on " + backend + " never ends: " + r.body());
                    }
                    page.put("ExclusiveStartKey", last);
                }
            }
            Map<String, Object> merged = new LinkedHashMap<>();
            if (!"COUNT".equals(request.get("Select"))) {
                merged.put("Items", items);
            }
            merged.put("Count", count);
            merged.put("ScannedCount", scanned);
            return new Backend.Response(200, Json.write(merged));
        }

        private static BigDecimal number(@Nullable Object n) {
            return n instanceof BigDecimal d ? d : BigDecimal.ZERO;
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
                        .isEqualTo(qualifiedType(String.valueOf(error)));
            }
            Object message = expect.get("message");
            if (message != null) {
                // DynamoDB spells the member Message in some error bodies (TransactionCanceledException)
                Object actualMessage = body.containsKey("message") ? body.get("message") : body.get("Message");
                assertThat(String.valueOf(actualMessage)).as(where + ": " + body).isEqualTo(message);
            }
            Object members = expect.get("members");
            if (members != null) {
                ((Map<String, Object>) members).forEach((member, value) ->
                        assertThat(Json.write(canonical(body.get(member)))).as(where + ": member " + member)
                                .isEqualTo(Json.write(canonical(value))));
            }
            Object expectedBody = expect.get("body");
            if (expectedBody != null) {
                assertThat(Json.write(body)).as(where).isEqualTo(Json.write(canonical(expectedBody)));
            }
        }
    }

    /**
     * The {@code __type} DynamoDB answers for an error code: {@code ValidationException} comes from the request
     * validation layer ({@code com.amazon.coral.validate#}), the protocol's own errors from
     * {@code com.amazon.coral.service#}, every other error from the DynamoDB namespace. A code that already has a
     * namespace ({@code ns#Code}) is taken as it is.
     */
    static String qualifiedType(String error) {
        if (error.contains("#")) {
            return error;
        }
        return switch (error) {
            case "ValidationException" -> "com.amazon.coral.validate#" + error;
            case "SerializationException", "UnknownOperationException", "MissingAuthenticationTokenException",
                    "IncompleteSignatureException", "InvalidSignatureException", "UnrecognizedClientException",
                    "AccessDeniedException" -> "com.amazon.coral.service#" + error;
            default -> "com.amazonaws.dynamodb.v20120810#" + error;
        };
    }

    /**
     * The request as sent: {@code $name} strings become the prefixed table names, and an object
     * {@code {"$repeat": "x", "times": n}} becomes the string {@code x} repeated n times (for values near the size
     * limits, which would otherwise bloat the scenario files).
     */
    static Object substitute(Object json, String prefix) {
        if (json instanceof String s) {
            return s.startsWith("$") ? prefix + s.substring(1) : s;
        }
        if (json instanceof Map<?, ?> map && map.get("$repeat") instanceof String text
                && map.get("times") instanceof Number times && map.size() == 2) {
            return text.repeat(times.intValue());
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
                // member names may be table names (BatchGetItem's Responses): options name them as $table
                String key = String.valueOf(k).replace(prefix, "$");
                if (VOLATILE.contains(key) || step.ignore().contains(key)) {
                    return;
                }
                Object value = strip(v, prefix, step);
                if (step.unordered().contains(key) && value instanceof List<?> list) {
                    List<Object> sorted = new ArrayList<>(list);
                    sorted.sort(Comparator.comparing(o -> Json.write(canonical(o))));
                    value = sorted;
                }
                out.put(key, value);
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
