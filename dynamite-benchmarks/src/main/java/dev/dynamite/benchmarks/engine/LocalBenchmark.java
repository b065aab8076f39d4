package dev.dynamite.benchmarks.engine;

import dev.dynamite.local.DynamoDbLocal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Throughput of PutItem, GetItem and Query (pages of 100 items) through the AWS SDK on three backends, measured in
 * one run: dynamite-local in-process, dynamite-local over HTTP, and dynalite, against two ceilings: the SDK alone,
 * answered from memory, and the SDK with its HTTP client against a server that answers from memory.
 * {@code -Dbench.threads=N} client threads (default 1) share one SDK client and issue requests back to back.
 *
 * <p>Every backend and operation is warmed up first ({@code bench.warmup} seconds each, default 4), then each is
 * measured for {@code bench.measure} seconds (default 5) in {@code bench.rounds} rounds (default 5), operation by
 * operation, every backend in turn in each round, after a full collection: the SDK's code is the same on every
 * backend, so a backend measured before the JIT has seen the others, or on another heap, would be measured against a
 * ceiling that had it easier; and a shared machine's speed drifts, so a share of a ceiling is taken round by round,
 * from figures measured a second apart. The table gives each figure's median and the range of its shares. The PutItem figures are of
 * new items, so every table grows through the run, by some tens of thousands of items.
 *
 * <p>Last, the memory the in-process engine holds per stored item: the heap in use after 100,000 puts of 1 KB items
 * (DynamoDB's size: a 1,000-character string and the keys), less the heap in use before, each after a full
 * collection, divided by the items.
 *
 * <p>Run with {@code scripts/bench.sh engine} (starts dynalite, builds, runs this class).
 */
public final class LocalBenchmark {
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 4));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measure", 5));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int PRELOADED = 1000;
    private static final int THREADS = Integer.getInteger("bench.threads", 1);
    private static final int MEMORY_ITEMS = 100_000;
    private static final List<String> OPERATIONS = List.of("PutItem", "GetItem", "Query (100 items)");
    private static final String IN_PROCESS = "dynamite-local in-process";
    private static final String HTTP = "dynamite-local HTTP";
    private static final String DYNALITE = "dynalite";
    private static final String SDK_ONLY = "SDK only (replayed responses)";
    private static final String SDK_HTTP_ONLY = "SDK + HTTP only (replayed)";

    private LocalBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the dynalite endpoint, e.g. {@code http://127.0.0.1:4567}
     * @throws InterruptedException if interrupted while waiting for a table
     */
    public static void main(String[] args) throws InterruptedException, java.io.IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LocalBenchmark <dynalite endpoint>");
        }
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            URI http = local.startHttp(0);
            ReplayHttpServer replayServer = new ReplayHttpServer(http);
            Map<String, DynamoDbClient> backends = new LinkedHashMap<>();
            backends.put(IN_PROCESS, local.client());
            backends.put(HTTP, sdk(http));
            backends.put(DYNALITE, sdk(URI.create(args[0])));
            // the ceiling: the SDK alone, every response replayed from memory without touching the engine
            backends.put(SDK_ONLY, local.clientBuilder()
                    .httpClient(new ReplayHttpClient(local.httpClient())).build());
            // the HTTP ceiling: the SDK and its HTTP client against a server that replays recorded responses
            backends.put(SDK_HTTP_ONLY, sdk(replayServer.endpoint()));
            Map<String, Backend> prepared = new LinkedHashMap<>();
            for (Map.Entry<String, DynamoDbClient> backend : backends.entrySet()) {
                boolean replay = backend.getKey().startsWith("SDK");
                prepared.put(backend.getKey(), Backend.prepare(backend.getKey(),
                        replay ? local.client() : backend.getValue(), backend.getValue()));
            }
            for (Backend backend : prepared.values()) {
                backend.operations().forEach((op, run) -> time(run, WARMUP));
            }
            // operation by operation, in rounds of every backend in turn, each round from a collected heap: a
            // backend and its ceiling are measured side by side, so that what the shared machine does to the one
            // in a round it does to the other (the engine's tables stay until the end, as they grew)
            for (String op : OPERATIONS) {
                for (int round = 0; round < ROUNDS; round++) {
                    for (Backend backend : prepared.values()) {
                        System.gc();
                        results.computeIfAbsent(backend.name(), name -> new LinkedHashMap<>())
                                .computeIfAbsent(op, name -> new ArrayList<>())
                                .add(time(backend.operations().get(op), MEASURE.dividedBy(ROUNDS)));
                    }
                }
            }
            for (Backend backend : prepared.values()) {
                System.out.printf(Locale.ROOT, "%-29s %s%n", backend.name(), results.get(backend.name()));
                backend.drop();
            }
            for (DynamoDbClient client : backends.values()) {
                if (client != local.client()) {
                    client.close();
                }
            }
            replayServer.close();
        }
        print(results);
        memory();
    }

    /** Prints the heap the in-process engine holds per stored 1 KB item after {@value #MEMORY_ITEMS} puts. */
    private static void memory() throws InterruptedException {
        try (DynamoDbLocal local = DynamoDbLocal.create(); DynamoDbClient client = local.client()) {
            String table = "memory_" + System.nanoTime();
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            while (client.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
                Thread.sleep(50);
            }
            // warm the put path up first, so its classes and JIT data are in the baseline, not in the figure
            String text = "x".repeat(1000);
            for (int i = 0; i < 1000; i++) {
                putPayload(client, table, "warm" + i, text);
            }
            long before = usedHeap();
            for (int i = 0; i < MEMORY_ITEMS; i++) {
                // a string of its own per item, as a request parsed from the wire gives the engine
                String own = text.substring(0, 990) + String.format(Locale.ROOT, "%010d", i);
                putPayload(client, table, "item" + i, own);
            }
            long after = usedHeap();
            int stored = client.describeTable(b -> b.tableName(table)).table().itemCount().intValue();
            System.out.println();
            System.out.printf(Locale.ROOT, "memory: %d items of about 1 KB (a 1,000-character string, the key) stored"
                    + " in process; heap in use %.1f MB before, %.1f MB after: %.0f bytes per item%n", stored,
                    before / 1e6, after / 1e6, (after - before) / (double) MEMORY_ITEMS);
        }
    }

    private static void putPayload(DynamoDbClient client, String table, String key, String payload) {
        client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(key),
                "payload", AttributeValue.fromS(payload))));
    }

    /** The heap in use after full collections, once it stops shrinking. */
    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static DynamoDbClient sdk(URI endpoint) {
        return DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build();
    }

    /**
     * One backend: a client, the table it is measured on and its operations.
     *
     * @param name the backend's name
     * @param setup the client that creates, fills and drops the table (the engine's, for a ceiling)
     * @param table the table's name
     * @param operations the measured operations by name, each one call through the measured client
     */
    private record Backend(String name, DynamoDbClient setup, String table, Map<String, Runnable> operations) {
        /** Creates and fills the table with {@code setup}; the operations call {@code client}. */
        static Backend prepare(String name, DynamoDbClient setup, DynamoDbClient client) throws InterruptedException {
            String table = "bench_" + System.nanoTime();
            setup.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S)
                                    .build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N)
                                    .build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
            while (setup.describeTable(b -> b.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
                Thread.sleep(50);
            }
            for (int i = 0; i < PRELOADED; i++) {
                setup.putItem(item(table, "p" + (i / 100), i % 100));
            }
            java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(1_000_000);
            Map<String, Runnable> operations = new LinkedHashMap<>();
            operations.put(OPERATIONS.get(0), () -> {
                long n = next.getAndIncrement();
                client.putItem(item(table, "w" + (n % 5000), n));
            });
            operations.put(OPERATIONS.get(1), () -> {
                int i = ThreadLocalRandom.current().nextInt(PRELOADED);
                client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("p" + (i / 100)),
                        "sk", AttributeValue.fromN(Integer.toString(i % 100)))));
            });
            operations.put(OPERATIONS.get(2), () -> {
                int p = ThreadLocalRandom.current().nextInt(PRELOADED / 100);
                int count = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p" + p)))).count();
                if (count != 100) {
                    throw new IllegalStateException(name + ": a page held " + count + " items, not 100");
                }
            });
            return new Backend(name, setup, table, operations);
        }

        void drop() {
            setup.deleteTable(b -> b.tableName(table));
        }
    }

    private static software.amazon.awssdk.services.dynamodb.model.PutItemRequest item(String table, String pk,
                                                                                      long sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromN(Long.toString(sk)));
        item.put("name", AttributeValue.fromS("item " + sk));
        item.put("email", AttributeValue.fromS("user" + sk + "@example.com"));
        item.put("score", AttributeValue.fromN("1234.5678"));
        item.put("active", AttributeValue.fromBool(true));
        item.put("tags", AttributeValue.fromSs(List.of("a", "b", "c")));
        item.put("created", AttributeValue.fromS("2026-11-25T12:00:00Z"));
        item.put("count", AttributeValue.fromN(Long.toString(sk * 7)));
        item.put("nested", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("1"),
                "y", AttributeValue.fromS("two"))));
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(table).item(item)
                .build();
    }

    /** Runs an operation back to back on every client thread for a while; returns its operations per second. */
    private static double time(Runnable op, Duration duration) {
        Thread[] threads = new Thread[THREADS];
        long[] counts = new long[THREADS];
        long end = System.nanoTime() + duration.toNanos();
        for (int t = 0; t < THREADS; t++) {
            int slot = t;
            threads[t] = new Thread(() -> {
                long ops = 0;
                while (System.nanoTime() < end) {
                    op.run();
                    ops++;
                }
                counts[slot] = ops;
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total / (duration.toNanos() / 1e9);
    }

    private static void print(Map<String, Map<String, List<Double>>> results) {
        Map<String, List<Double>> baseline = results.get(DYNALITE);
        // each backend of the engine against the ceiling of its transport
        Map<String, String> ceilings = Map.of(IN_PROCESS, SDK_ONLY, HTTP, SDK_HTTP_ONLY);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "| %-29s | %-18s | %12s | %11s | %15s | %17s |", "backend", "operation",
                "ops/s", "× dynalite", "% of ceiling", "rounds' range"));
        lines.add("|-------------------------------|--------------------|--------------|-------------|"
                + "-----------------|-------------------|");
        results.forEach((backend, figures) -> figures.forEach((op, rates) -> {
            String ceiling = ceilings.get(backend);
            String share = "";
            String range = "";
            if (ceiling != null) {
                List<Double> shares = new ArrayList<>();
                List<Double> ceilingRates = results.get(ceiling).get(op);
                for (int round = 0; round < rates.size(); round++) {
                    shares.add(100 * rates.get(round) / ceilingRates.get(round));
                }
                shares.sort(null);
                share = String.format(Locale.ROOT, "%.0f %%", median(shares));
                range = String.format(Locale.ROOT, "%.0f–%.0f %%", shares.get(0), shares.get(shares.size() - 1));
            }
            lines.add(String.format(Locale.ROOT, "| %-29s | %-18s | %12.0f | %10.1f× | %15s | %17s |", backend, op,
                    median(rates), median(rates) / median(baseline.get(op)), share, range));
        }));
        System.out.println();
        System.out.println("client threads: " + THREADS + ", warm-up " + WARMUP.toSeconds() + " s, then " + ROUNDS
                + " rounds of " + MEASURE.dividedBy(ROUNDS).toMillis() + " ms per figure, every backend in turn; "
                + "medians; " + Runtime.getRuntime().availableProcessors() + " cores");
        lines.forEach(System.out::println);
    }

    /** The median of some figures. */
    private static double median(List<Double> figures) {
        List<Double> sorted = new ArrayList<>(figures);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
