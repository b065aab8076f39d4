package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Reading only as many pages as needed, on a 10,000-item table of about 3.5 MB (four 1 MB pages), on the embedded
 * engine: seeding that many items into dynalite would take longer than the whole suite should.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {QueryPagingOnLocalEngineTest.Event.class})
class QueryPagingOnLocalEngineTest extends FixtureContract {
    public static final class Event extends Table<Event> {
        @PrimaryKey public String id;
        public int seq;
        public String payload;
    }

    private DynamoDbLocal local;
    private Model<Event> events;

    @BeforeAll
    void seed(DynamoDbLocal local) {
        this.local = local;
        events = dynamite.model(Event.class);
        List<Map<String, Object>> items = new ArrayList<>();
        String payload = "p".repeat(330);
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", String.format("e%05d", i));
            item.put("seq", i);
            item.put("payload", payload);
            items.add(item);
        }
        TestData.put(local.client(), dynamite.config().tablePrefix() + "events", items);
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    @Test
    void aLimitWithoutFilterIsPushedDownAsDynamoDbsLimit() {
        assertThat(events.query().limit(10).list()).hasSize(10);
        assertThat(log.requests(ScanRequest.class)).singleElement().satisfies(s -> assertThat(s.limit()).isEqualTo(10));
        log.clear();
        assertThat(events.query().skip(5).limit(10).list()).hasSize(10);
        assertThat(log.requests(ScanRequest.class)).singleElement().satisfies(s -> assertThat(s.limit()).isEqualTo(15));
    }

    @Test
    void aFilteredLimitStopsAtTheFirstPageThatSatisfiesIt() {
        assertThat(events.query().where("seq", ">=", 0).limit(10).list()).hasSize(10);
        assertThat(log.count("Scan")).isEqualTo(1);
        log.clear();

        assertThat(events.where("seq", ">=", 0)).hasSize(10_000);
        long pages = log.count("Scan");
        assertThat(pages).isGreaterThanOrEqualTo(4);
        log.clear();

        // pages end where 1 MB was read, filter or not: the query must stop at the page holding the tenth match
        int needed = 0;
        int matches = 0;
        for (var page : local.client().scanPaginator(b -> b.tableName(dynamite.config().tablePrefix() + "events"))) {
            needed++;
            matches += (int) page.items().stream().filter(i -> Integer.parseInt(i.get("seq").n()) >= 9_990).count();
            if (matches >= 10) {
                break;
            }
        }
        log.clear();
        assertThat(events.query().where("seq", ">=", 9_990).limit(10).list()).hasSize(10);
        assertThat(log.count("Scan")).isEqualTo(needed);
        log.clear();
        assertThat(events.query().where("seq", ">=", 9_990).limit(11).list()).hasSize(10);
        assertThat(log.count("Scan")).isEqualTo(pages);
    }

    @Test
    void streamsReadPagesAsTheyAreConsumed() {
        assertThat(events.query().where("seq", ">=", 0).stream().limit(3)).hasSize(3);
        assertThat(log.count("Scan")).isEqualTo(1);
    }
}
