package dev.dynamite.bench;

import dev.dynamite.DynamiteConfig;
import dev.dynamite.local.DynamoDbLocal;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

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
