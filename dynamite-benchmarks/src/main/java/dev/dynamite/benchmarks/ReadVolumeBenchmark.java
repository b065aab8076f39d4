package dev.dynamite.benchmarks;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.Page;
import dev.dynamite.Table;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.local.DynamoDbLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads whose cost follows what is asked, on the embedded engine with 2 ms of latency injected into every request, in
 * one run: page 200 (of 100 items) of a partition Query read by cursor against the same page read by {@code skip},
 * and a filtered Scan of 100,000 items read as {@code parallel(4)} against one Scan (also with 40 ms a request, closer
 * to what DynamoDB takes to read a 1 MB Scan page). A benchmark main, run by
 * {@code scripts/bench.sh reads}.
 */
public final class ReadVolumeBenchmark {
    public static final class Reading extends Table<Reading> {
        @Index public String sensor;
        @IndexSort public String at;
        public int value;
        public String payload;
    }

    private static final int SENSORS = 5;
    private static final int PER_SENSOR = 20_000;
    private static final int PAGE = 100;
    private static final int PAGE_NUMBER = 200;
    private static final Duration LATENCY = Duration.ofMillis(2);
    /** Closer to the time DynamoDB takes to read a 1 MB Scan page: where parallel segments pay. */
    private static final Duration SLOW_PAGE = Duration.ofMillis(40);

    private ReadVolumeBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = Integer.parseInt(System.getenv().getOrDefault("BENCH_ITERATIONS", "5"));
        try (Backend backend = new Backend()) {
            DynamoDbLocal local = Objects.requireNonNull(backend.local, "this benchmark injects latency: it runs on"
                    + " the embedded engine only (unset BENCH_ENDPOINT)");
            try (Dynamite dynamite = new Dynamite(backend.config(Reading.class).build())) {
                dynamite.sync();
                Model<Reading> readings = dynamite.model(Reading.class);
                seed(dynamite, readings.tableName());
                local.faults().onAnyOperation().latency(LATENCY).always();
                System.out.printf(Locale.ROOT, "%d items (%d sensors x %d) on %s, %d ms injected latency per request;"
                        + " median of %d iterations after 1 of warm-up%n%n", SENSORS * PER_SENSOR, SENSORS,
                        PER_SENSOR, backend.describe(), LATENCY.toMillis(), iterations);
                System.out.println("| read | requests | median ms | speed-up |");
                System.out.println("|---|---|---|---|");

                String cursor = cursorBefore(readings);
                Backend.Result skip = backend.measure(iterations, i -> readings.query().where("sensor", "s1")
                        .skip((PAGE_NUMBER - 1) * PAGE).limit(PAGE).list().size(), PAGE);
                Backend.Result page = backend.measure(iterations, i -> readings.query().where("sensor", "s1")
                        .after(cursor).page(PAGE).items().size(), PAGE);
                row("page " + PAGE_NUMBER + " of " + PAGE + " by skip (baseline)", skip, skip);
                row("page " + PAGE_NUMBER + " of " + PAGE + " by cursor", page, skip);

                int all = SENSORS * PER_SENSOR;
                for (Duration latency : new Duration[] {LATENCY, SLOW_PAGE}) {
                    local.faults().clear();
                    local.faults().onAnyOperation().latency(latency).always();
                    Backend.Result single = backend.measure(iterations, i -> readings.query()
                            .where("value", ">=", 0).allowScan().list().size(), all);
                    Backend.Result parallel = backend.measure(iterations, i -> readings.query()
                            .where("value", ">=", 0).allowScan().parallel(4).list().size(), all);
                    String at = ", " + latency.toMillis() + " ms a request";
                    row("filtered Scan of " + all + at + ", one scan (baseline)", single, single);
                    row("filtered Scan of " + all + at + ", parallel(4)", parallel, single);
                }
                local.faults().clear();
                dynamite.getClient().deleteTable(b -> b.tableName(readings.tableName()));
            }
        }
    }

    /** The cursor that page {@value #PAGE_NUMBER} starts after, by walking the pages before it once. */
    private static String cursorBefore(Model<Reading> readings) {
        Page<Reading> page = readings.query().where("sensor", "s1").page(PAGE);
        for (int i = 2; i < PAGE_NUMBER; i++) {
            page = readings.query().where("sensor", "s1").after(page.cursor().orElseThrow()).page(PAGE);
        }
        return page.cursor().orElseThrow();
    }

    private static void seed(Dynamite dynamite, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String payload = "p".repeat(60);
        for (int s = 1; s <= SENSORS; s++) {
            for (int i = 0; i < PER_SENSOR; i++) {
                items.add(Map.of("sensor", AttributeValue.fromS("s" + s),
                        "at", AttributeValue.fromS(String.format(Locale.ROOT, "t%06d", i)),
                        "value", AttributeValue.fromN(Integer.toString(i)), "payload", AttributeValue.fromS(payload)));
            }
        }
        Backend.batchPut(dynamite.getClient(), table, items);
    }

    private static void row(String label, Backend.Result result, Backend.Result base) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1fx |%n", label, result.requests(), result.millis(),
                base.millis() / result.millis());
    }

}
