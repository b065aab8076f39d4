package dev.dynamite.benchmarks;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.PrimaryKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Requests and wall time of {@code where} on the key, on an index, on a non-key attribute and with {@code in} on the
 * key of a 10,000-item table, against the baseline of a full {@code Scan} with the same filter (what the TypeScript
 * original did for every query), in one run. A benchmark main, run by {@code scripts/bench.sh query}; on the embedded engine unless
 * {@code BENCH_ENDPOINT} names a server.
 */
public final class QueryBenchmark {
    public static final class Customer extends Table<Customer> {
        @PrimaryKey public String id;
        public String email;
        public String city;
        public int age;
        public String teamId;
        public String notes;
    }

    public static final class Team extends Table<Team> {
        @PrimaryKey public String id;
        @HasMany(model = Customer.class, foreignKey = "teamId") public List<Customer> customers;
    }

    private static final int ITEMS = 10_000;
    /** About 300 bytes, so that the table spans several 1 MB pages, as a table of real customers would. */
    private static final String NOTES = "n".repeat(300);
    private static final String[] CITIES = {"Lyon", "Oslo", "Lima", "Pune", "Kobe", "Cork", "Graz", "Bari", "Nice",
        "Riga"};

    private QueryBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = Integer.parseInt(System.getenv().getOrDefault("BENCH_ITERATIONS", "30"));
        try (Backend backend = new Backend(); Dynamite dynamite = new Dynamite(backend.config(Customer.class,
                Team.class).build())) {
            Backend.Counter counter = backend.counter;
            dynamite.sync();
            Model<Customer> customers = dynamite.model(Customer.class);
            String table = customers.tableName();
            seed(dynamite.getClient(), table);
            System.out.printf(Locale.ROOT, "%d customers in %s on %s; %d iterations each after %d of warm-up%n%n",
                    ITEMS, table, backend.describe(), iterations,
                    iterations / 3);
            System.out.println("| query | Dynamite plan | requests | median ms | baseline (Scan + filter) requests"
                    + " | median ms | speed-up |");
            System.out.println("|---|---|---|---|---|---|---|");
            run("key: id = c05000", customers, Map.of("id", "c05000"), "id", "c05000", dynamite, counter,
                    iterations, 1);
            run("index: teamId = t42", customers, Map.of("teamId", "t42"), "teamId", "t42", dynamite, counter,
                    iterations, ITEMS / 100);
            run("non-key: city = Lima", customers, Map.of("city", "Lima"), "city", "Lima", dynamite, counter,
                    iterations, ITEMS / CITIES.length);
            List<String> fifty = IntStream.range(0, 50).mapToObj(i -> String.format("c%05d", i * 199)).toList();
            run("key: id in 50 ids", customers, Map.of("id", Map.of("in", fifty)), "id", fifty, dynamite, counter,
                    iterations, 50);
            dynamite.getClient().deleteTable(b -> b.tableName(table));
            dynamite.getClient().deleteTable(b -> b.tableName(dynamite.model(Team.class).tableName()));
        }
    }

    private static void run(String label, Model<Customer> customers, Map<String, ?> filters, String attribute,
                            String value, Dynamite dynamite, Backend.Counter counter, int iterations, int expected) {
        run(label, customers, filters, attribute, List.of(value), dynamite, counter, iterations, expected);
    }

    /** Measures the query, and the baseline Scan with {@code attribute = value} or {@code attribute IN (values)}. */
    private static void run(String label, Model<Customer> customers, Map<String, ?> filters, String attribute,
                            List<String> values, Dynamite dynamite, Backend.Counter counter, int iterations,
                            int expected) {
        Map<String, AttributeValue> placeholders = new java.util.LinkedHashMap<>();
        values.forEach(v -> placeholders.put(":v" + placeholders.size(), AttributeValue.fromS(v)));
        String filter = values.size() == 1 ? "#a = :v0" : "#a IN (" + String.join(", ", placeholders.keySet()) + ")";
        DynamoDbClient client = dynamite.getClient();
        String table = customers.tableName();
        Supplier<Integer> orm = () -> customers.where(filters).size();
        Supplier<Integer> baseline = () -> {
            int found = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client.scan(b -> b.tableName(table).filterExpression(filter)
                        .expressionAttributeNames(Map.of("#a", attribute))
                        .expressionAttributeValues(placeholders).exclusiveStartKey(from));
                found += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
            return found;
        };
        Result ours = measure(orm, counter, iterations, expected);
        Result theirs = measure(baseline, counter, iterations, expected);
        String plan = customers.explain(filters, dev.dynamite.api.QueryOptions.none()).toString()
                .replace(table, "customers");
        plan = plan.length() <= 90 ? plan : plan.substring(0, 60) + " … " + plan.substring(plan.length() - 26);
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.3f | %.0f | %.3f | %.1fx |%n", label, plan,
                ours.requests, ours.millis, theirs.requests, theirs.millis, theirs.millis / ours.millis);
    }

    private record Result(double requests, double millis) {
    }

    /** The median wall time of a query, and its requests, after a warm-up. */
    private static Result measure(Supplier<Integer> query, Backend.Counter counter, int iterations, int expected) {
        for (int i = 0; i < iterations / 3; i++) {
            check(query.get(), expected);
        }
        long requests = counter.requests.get();
        long[] times = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            check(query.get(), expected);
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return new Result((counter.requests.get() - requests) / (double) iterations, times[iterations / 2] / 1e6);
    }

    private static void check(int found, int expected) {
        if (found != expected) {
            throw new IllegalStateException("found " + found + " items, expected " + expected);
        }
    }

    private static void seed(DynamoDbClient client, String table) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS(String.format("c%05d", i)));
            item.put("email", AttributeValue.fromS("customer" + i + "@example.com"));
            item.put("city", AttributeValue.fromS(CITIES[i % CITIES.length]));
            item.put("age", AttributeValue.fromN(Integer.toString(18 + i % 60)));
            item.put("teamId", AttributeValue.fromS("t" + (i % 100)));
            item.put("notes", AttributeValue.fromS(NOTES));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (writes.size() == 25 || i == ITEMS - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(writes));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    var response = client.batchWriteItem(b -> b.requestItems(request));
                    pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                }
                writes.clear();
            }
        }
    }
}
