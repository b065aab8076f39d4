package dev.dynamite.it;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import java.net.URI;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Streams every item of {@link LazyStreamOnLocalEngineTest.Blob} from an endpoint and prints how many came and how
 * many Scans were sent before the first one: run by that test in a JVM started with {@code -Xmx128m}.
 */
public final class StreamProbe {
    private StreamProbe() {
    }

    public static void main(String[] args) {
        AtomicLong scans = new AtomicLong();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request().getClass().getSimpleName().equals("ScanRequest")) {
                    scans.incrementAndGet();
                }
            }
        };
        DynamiteConfig config = DynamiteConfig.builder().endpoint(URI.create(args[0])).region("us-east-1")
                .credentials("test", "test").tablePrefix(args[1]).tables(LazyStreamOnLocalEngineTest.Blob.class)
                .configure(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(counter))).build();
        try (Dynamite dynamite = new Dynamite(config)) {
            Model<LazyStreamOnLocalEngineTest.Blob> blobs = dynamite.model(LazyStreamOnLocalEngineTest.Blob.class);
            long count = 0;
            long bytes = 0;
            long scansAtFirst = -1;
            try (Stream<LazyStreamOnLocalEngineTest.Blob> stream = blobs.query().allowScan().stream()) {
                Iterator<LazyStreamOnLocalEngineTest.Blob> items = stream.iterator();
                while (items.hasNext()) {
                    LazyStreamOnLocalEngineTest.Blob blob = items.next();
                    if (count == 0) {
                        scansAtFirst = scans.get();
                    }
                    count++;
                    bytes += blob.payload.length();
                }
            }
            Runtime runtime = Runtime.getRuntime();
            System.out.println("items=" + count + " payloadBytes=" + bytes + " scansBeforeFirst=" + scansAtFirst
                    + " scans=" + scans.get() + " maxHeapMB=" + runtime.maxMemory() / (1024 * 1024));
        }
    }
}
