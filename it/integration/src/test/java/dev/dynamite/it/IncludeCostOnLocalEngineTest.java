package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Table;
import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What includes cost, counted in requests with an interceptor and timed under injected latency, on the embedded
 * engine (its fault hook injects the latency and the unprocessed keys; seeding 1,200 items there takes no time).
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {IncludeCostOnLocalEngineTest.Buyer.class, IncludeCostOnLocalEngineTest.Purchase.class})
class IncludeCostOnLocalEngineTest extends FixtureContract {
    public static final class Buyer extends Table<Buyer> {
        @PrimaryKey public String id;
        public String name;
        @HasMany(model = Purchase.class, foreignKey = "buyerId") public List<Purchase> purchases;
    }

    public static final class Purchase extends Table<Purchase> {
        @PrimaryKey public String id;
        public String buyerId;
        public int total;
        @BelongsTo(model = Buyer.class, localKey = "buyerId") public Buyer buyer;
    }

    private DynamoDbLocal local;

    @BeforeAll
    void seed(DynamoDbLocal local) {
        this.local = local;
        List<Map<String, Object>> buyers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            buyers.add(Map.of("id", String.format("b%03d", i), "name", "buyer " + i));
        }
        TestData.put(local.client(), dynamite.config().tablePrefix() + "buyers", buyers);
        List<Map<String, Object>> purchases = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> purchase = new HashMap<>();
            purchase.put("id", String.format("p%04d", i));
            purchase.put("buyerId", String.format("b%03d", i % 300));
            purchase.put("total", i);
            purchases.add(purchase);
        }
        TestData.put(local.client(), dynamite.config().tablePrefix() + "purchases", purchases);
    }

    @BeforeEach
    void reset() {
        local.faults().clear();
        log.clear();
    }

    private List<Buyer> first200Buyers() {
        return dynamite.model(Buyer.class).where(Map.of("id", Map.of("<", "b200")),
                QueryOptions.builder().include("purchases").build());
    }

    @Test
    void hasManyForTwoHundredParentsIsTwoHundredIndexQueries() {
        dynamite.model(Purchase.class).where(Map.of("buyerId", "b000"));   // describes the table's indexes once
        log.clear();
        List<Buyer> buyers = first200Buyers();
        assertThat(buyers).hasSize(200).allSatisfy(b -> assertThat(b.purchases).hasSizeBetween(3, 4)
                .allSatisfy(p -> assertThat(p.buyerId).isEqualTo(b.id)));
        assertThat(buyers.stream().mapToInt(b -> b.purchases.size()).sum()).isEqualTo(200 * 3 + 100);
        assertThat(log.requests(QueryRequest.class)).hasSize(200)
                .allSatisfy(q -> assertThat(q.indexName()).isEqualTo("GSI1_buyerId"));
        assertThat(log.count("Scan")).isEqualTo(1);   // the parents' own query: an id range is not a key condition
    }

    @Test
    void belongsToForAThousandChildrenWithThreeHundredParentsIsThreeBatchGets() {
        List<Purchase> purchases = dynamite.model(Purchase.class).where(Map.of(),
                QueryOptions.builder().include("buyer").build());
        assertThat(purchases).hasSize(1000).allSatisfy(p -> assertThat(p.buyer.id).isEqualTo(p.buyerId));
        assertThat(log.count("BatchGetItem")).isEqualTo(3);
        assertThat(log.count("Scan")).isEqualTo(1);
        assertThat(log.count("Query")).isZero();
    }

    @Test
    void unprocessedKeysAreRetriedUntilTheResultIsComplete() {
        Fault fault = local.faults().on("BatchGetItem").unprocessed(40).times(3);
        List<Purchase> purchases = dynamite.model(Purchase.class).where(Map.of(),
                QueryOptions.builder().include("buyer").build());
        assertThat(fault.injected()).isEqualTo(3);
        assertThat(purchases).allSatisfy(p -> assertThat(p.buyer).isNotNull());
        assertThat(purchases.stream().map(p -> p.buyer.id).distinct()).hasSize(300);
        assertThat(log.count("BatchGetItem")).isGreaterThan(3);
    }

    @Test
    void relationQueriesRunConcurrently() {
        dynamite.model(Purchase.class).where(Map.of("buyerId", "b000"));
        local.faults().on("Query").latency(Duration.ofMillis(10)).always();

        long start = System.nanoTime();
        List<Buyer> buyers = first200Buyers();
        long concurrent = System.nanoTime() - start;

        start = System.nanoTime();
        for (Buyer buyer : buyers) {
            dynamite.model(Purchase.class).where(Map.of("buyerId", buyer.id));
        }
        long sequential = System.nanoTime() - start;

        assertThat(buyers).allSatisfy(b -> assertThat(b.purchases).isNotEmpty());
        // One query at a time would take about as long as the loop. The bound leaves room for a loaded two-core
        // machine, where the queries' own CPU time, not the injected latency, sets the concurrent figure.
        assertThat(concurrent).as("include: %d ms, one after another: %d ms", concurrent / 1_000_000,
                sequential / 1_000_000).isLessThan(sequential / 3);
    }
}
