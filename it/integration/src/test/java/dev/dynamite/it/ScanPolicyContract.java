package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.ScanPolicy;
import dev.dynamite.api.ScanRefusedException;
import dev.dynamite.it.PagingModels.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The scan policy end to end: ten entries of feed {@code g1}, owner {@code o9}, kinds {@code k0..k4}. */
abstract class ScanPolicyContract extends FixtureContract {
    private Model<Entry> entries;

    @BeforeAll
    void seed() {
        entries = dynamite.model(Entry.class);
        for (int i = 0; i < 10; i++) {
            int n = i;
            entries.create(e -> {
                e.feed = "g1";
                e.seq = "q" + n;
                e.ownerId = "o9";
                e.kind = "k" + n % 5;
                e.n = n;
            });
        }
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    @Test
    void refuseStopsAScanBeforeAnyRequestAndAllowScanLetsItRun() {
        try (Dynamite strict = new Dynamite(dynamite.config().toBuilder().scans(ScanPolicy.REFUSE).build())) {
            Model<Entry> model = strict.model(Entry.class);
            log.clear();

            assertThatThrownBy(() -> model.where(Map.of("kind", "k1"))).isInstanceOf(ScanRefusedException.class)
                    .hasMessageContaining("Entry").hasMessageContaining("kind").hasMessageContaining("feed")
                    .hasMessageContaining("ownerId").hasMessageContaining("allowScan")
                    .satisfies(e -> assertThat(((ScanRefusedException) e).model()).isEqualTo(Entry.class));
            assertThatThrownBy(() -> model.count(Map.of("kind", "k1"))).isInstanceOf(ScanRefusedException.class);
            assertThatThrownBy(() -> model.query().where("kind", "k1").page(5))
                    .isInstanceOf(ScanRefusedException.class);
            assertThatThrownBy(() -> model.update(Map.of("n", 0), Map.of("kind", "k1")))
                    .isInstanceOf(ScanRefusedException.class);
            assertThat(log.operations()).as("no scan sent").doesNotContain("Scan", "UpdateItem");

            assertThat(model.query().where("kind", "k1").allowScan().list()).extracting(e -> e.seq)
                    .containsExactlyInAnyOrder("q1", "q6");
            assertThat(model.where(Map.of("kind", "k2"), QueryOptions.builder().allowScan().build())).hasSize(2);
            // queries on a key are no scans and are never refused
            assertThat(model.where(Map.of("feed", "g1", "kind", "k1"))).hasSize(2);
            assertThat(model.where(Map.of("ownerId", "o9"))).hasSize(10);

            assertThat(model.query().where("kind", "k1").explain().scanPolicy()).contains(ScanPolicy.REFUSE);
            assertThat(model.query().where("kind", "k1").allowScan().explain().scanPolicy())
                    .contains(ScanPolicy.ALLOW);
            assertThat(model.query().where("feed", "g1").explain().scanPolicy()).isEmpty();
            assertThat(model.query().where("kind", "k1").explain().toString()).contains("scan policy REFUSE");

            // a bulk write by filter may scan, in parallel segments, when its options say so
            log.clear();
            assertThat(model.update(Map.of("ownerId", "o8"), Map.of("kind", "k3"), MutationOptions.allowScan()
                    .and(MutationOptions.parallelScan(3)))).isEqualTo(2);
            assertThat(log.requests(ScanRequest.class)).hasSize(3)
                    .allSatisfy(scan -> assertThat(scan.totalSegments()).isEqualTo(3));
        }
    }

    @Test
    void warnLogsOncePerModelAndFilterShape() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.dynamite.query");
        logger.addHandler(capture);
        try {
            assertThat(dynamite.config().scans()).isEqualTo(ScanPolicy.WARN);
            assertThat(entries.where(Map.of("n", Map.of("between", List.of(1, 3)), "kind", "k1"))).hasSize(1);
            assertThat(entries.where(Map.of("n", Map.of("between", List.of(5, 9)), "kind", "k4"))).hasSize(1);
            entries.query().where("n", "between", List.of(0, 9)).allowScan().list();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getMessage()).contains("Entry").contains("kind").contains("n BETWEEN")
                    .contains("feed");

            assertThat(entries.where(Map.of("n", Map.of("between", List.of(1, 3)), "kind", Map.of("!=", "k1"))))
                    .hasSize(2);
            assertThat(records).as("another operator is another shape").hasSize(2);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
