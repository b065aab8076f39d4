package dev.dynamite.benchmarks;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.local.DynamoDbLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Wall time of a bulk {@code update} of 2,000 items on the embedded engine with 2 ms of latency injected into every
 * request, with the default write concurrency against the baseline of {@code writeConcurrency(1)}: one conditional
 * {@code UpdateItem} after the other on the calling thread, which is what every bulk write did before concurrent
 * bulk writes. Both clients run in the same JVM, on the same table, in one run. A benchmark main, run by
 * {@code scripts/bench.sh bulk-write}.
 */
public final class BulkWriteBenchmark {
    public static final class Shipment extends Table<Shipment> {
        @PrimaryKey public String id;
        public String batch;
        public String status;
    }

    private static final int ITEMS = 2_000;
    private static final Duration LATENCY = Duration.ofMillis(2);

    private BulkWriteBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = Integer.parseInt(System.getenv().getOrDefault("BENCH_ITERATIONS", "5"));
        try (Backend backend = new Backend()) {
            DynamoDbLocal local = Objects.requireNonNull(backend.local, "this benchmark injects latency: it runs on"
                    + " the embedded engine only (unset BENCH_ENDPOINT)");
            try (Dynamite sequential = new Dynamite(backend.config(Shipment.class).writeConcurrency(1).build())) {
                sequential.sync();
                Model<Shipment> baseline = sequential.model(Shipment.class);
                seed(sequential, baseline.tableName());
                System.out.printf(Locale.ROOT, "bulk update of %d items on %s, %d ms injected latency per request;"
                        + " median of %d iterations after 1 of warm-up%n%n", ITEMS, backend.describe(),
                        LATENCY.toMillis(), iterations);
                local.faults().onAnyOperation().latency(LATENCY).always();
                System.out.println("| write concurrency | requests | median ms | items/s | speed-up |");
                System.out.println("|---|---|---|---|---|");
                Backend.Result base = measure(backend, baseline, iterations, "s");
                row("1 (baseline: one item after the other)", base, base);
                for (int concurrency : new int[] {8, dev.dynamite.DynamiteConfig.DEFAULT_WRITE_CONCURRENCY, 32}) {
                    // the same table: a client of the same prefix with another concurrency
                    try (Dynamite parallel = new Dynamite(sequential.config().toBuilder()
                            .writeConcurrency(concurrency).build())) {
                        Backend.Result result = measure(backend, parallel.model(Shipment.class), iterations,
                                "c" + concurrency);
                        row(concurrency + (concurrency == dev.dynamite.DynamiteConfig.DEFAULT_WRITE_CONCURRENCY
                                ? " (default)" : ""), result, base);
                    }
                }
                local.faults().clear();
                sequential.getClient().deleteTable(b -> b.tableName(baseline.tableName()));
            }
        }
    }

    private static void seed(Dynamite dynamite, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("id", AttributeValue.fromS(String.format(Locale.ROOT, "s%05d", i)),
                    "batch", AttributeValue.fromS("b1"), "status", AttributeValue.fromS("new")));
        }
        Backend.batchPut(dynamite.getClient(), table, items);
    }

    private static void row(String label, Backend.Result result, Backend.Result base) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1fx |%n", label, result.requests(),
                result.millis(), ITEMS / (result.millis() / 1000), base.millis() / result.millis());
    }

    /** Each iteration sets every item's status to a new value, so that every item is written every time. */
    private static Backend.Result measure(Backend backend, Model<Shipment> model, int iterations, String tag) {
        return backend.measure(iterations, i -> model.update(Map.of("status", tag + "-" + (i < 0 ? "warm" : i)),
                Map.of("batch", "b1")), ITEMS);
    }
}
