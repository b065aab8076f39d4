package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code stream()} stays lazy: 200,000 items of 1 KB (about 200 MB, more than the heap) stream through a JVM started
 * with {@code -Xmx128m}, reading the embedded engine over HTTP, and the first item arrives after one Scan.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {LazyStreamOnLocalEngineTest.Blob.class})
class LazyStreamOnLocalEngineTest extends FixtureContract {
    public static final class Blob extends Table<Blob> {
        @PrimaryKey public String id;
        public String payload;
    }

    private static final int ITEMS = 200_000;

    @Test
    void twoHundredThousandItemsStreamThroughA128MegabyteHeap(DynamoDbLocal local)
            throws IOException, InterruptedException {
        String table = dynamite.config().tablePrefix() + "blobs";
        String payload = "b".repeat(1_000);
        List<WriteRequest> writes = new ArrayList<>(25);
        for (int i = 0; i < ITEMS; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "id", AttributeValue.fromS("b" + i), "payload", AttributeValue.fromS(payload))).build()).build());
            if (writes.size() == 25) {
                List<WriteRequest> request = List.copyOf(writes);
                local.client().batchWriteItem(b -> b.requestItems(Map.of(table, request)));
                writes.clear();
            }
        }
        URI endpoint = local.startHttp(0);
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process probe = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    StreamProbe.class.getName(), endpoint.toString(), dynamite.config().tablePrefix())
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();
            System.out.println("stream probe: " + output.lines().filter(l -> l.startsWith("items=")).findFirst()
                    .orElse(output));
            assertThat(probe.exitValue()).as(output).isZero();
            assertThat(output).contains("items=" + ITEMS + " ").contains("payloadBytes=" + (long) ITEMS * 1_000)
                    .contains("scansBeforeFirst=1 ");
            // the items weigh more than the whole heap: they can only have passed one page at a time
            long heap = Long.parseLong(output.replaceAll("(?s).*maxHeapMB=(\\d+).*", "$1"));
            assertThat(heap).isLessThanOrEqualTo(128).isLessThan((long) ITEMS * 1_000 / (1024 * 1024));
        } finally {
            local.stopHttp();
        }
    }
}
