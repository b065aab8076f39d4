package dev.dynamite.benchmarks;

import dev.dynamite.DynamiteConfig;
import dev.dynamite.local.DynamoDbLocal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Where a benchmark main runs: the embedded engine in process, unless {@code BENCH_ENDPOINT} names a server; and the
 * interceptor that counts its requests.
 */
final class Backend implements AutoCloseable {
    /** Counts the requests a client sends. */
    static final class Counter implements ExecutionInterceptor {
        final AtomicLong requests = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.incrementAndGet();
        }
    }

    final Counter counter = new Counter();
    final @Nullable String endpoint = System.getenv("BENCH_ENDPOINT");
    final @Nullable DynamoDbLocal local = endpoint == null ? DynamoDbLocal.create() : null;

    /** A configuration of the backend for the models, with a fresh table prefix and the counter installed. */
    DynamiteConfig.Builder config(Class<?>... models) {
        DynamiteConfig.Builder config = DynamiteConfig.builder().tables(models)
                .tablePrefix("bench_" + Long.toHexString(System.nanoTime()) + "_")
                .configure(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(counter)));
        if (local != null) {
            return config.configure(local::configure);
        }
        return config.region("us-east-1").endpoint(URI.create(endpoint)).credentials("test", "test");
    }

    /** One measured call: requests sent and wall time, medians of the iterations. */
    record Result(double requests, double millis) {
    }

    /**
     * Runs a call once to warm up, then {@code iterations} times, checking what each returns.
     *
     * @param run runs iteration {@code i} ({@code -1} for the warm-up) and returns how many items it handled
     * @param expected what every iteration must return
     * @return the requests per iteration and the median wall time
     */
    Result measure(int iterations, IntUnaryOperator run, int expected) {
        check(run.applyAsInt(-1), expected);
        long requests = counter.requests.get();
        long[] times = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            check(run.applyAsInt(i), expected);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return new Result((counter.requests.get() - requests) / (double) iterations, times[iterations / 2] / 1e6);
    }

    private static void check(int handled, int expected) {
        if (handled != expected) {
            throw new IllegalStateException("handled " + handled + " items, expected " + expected);
        }
    }

    /** Stores items behind Dynamite's back with {@code BatchWriteItem}, 25 a request, retrying unprocessed ones. */
    static void batchPut(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    String describe() {
        return endpoint == null ? "the embedded engine (in process)" : endpoint;
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
    }
}
