package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.it.RecordModels.Order;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Record models on the embedded engine; and, as dynalite has no {@code TransactWriteItems}, record writes in a
 * transaction: the records handed out while the transaction is open carry the stored state once it commits; and a
 * record update whose response is lost.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {RecordModels.Buyer.class, RecordModels.Order.class})
class RecordModelOnLocalEngineTest extends RecordModelContract {

    @Test
    void recordsWrittenInATransactionAreStoredAndUsableOnceItCommits() {
        Order existing = order("tx-user", "4");
        List<Order> queued = dynamite.tx(tx -> List.of(
                orders.create(Map.of("userId", "tx-user", "total", BigDecimal.ONE), tx),
                orders.create(Map.of("userId", "tx-user", "total", BigDecimal.TEN), tx)));
        // a record returned inside the transaction took the committed state: the next write starts from it
        Order noted = orders.update(queued.get(1), Map.of("note", "after"));
        assertThat(noted.version()).isEqualTo(2);

        assertThat(orders.update(Map.of("status", "held"), Map.of("userId", "tx-user"))).isEqualTo(3);
        assertThat(orders.find(queued.get(0).id())).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("held"));
        assertThat(orders.find(noted.id())).hasValueSatisfying(o -> assertThat(o.note()).isEqualTo("after"));
        assertThat(orders.find(existing.id()).orElseThrow().status()).isEqualTo("held");
    }

    @Test
    void aRecordUpdateWhoseResponseIsLostIsReportedOnceAndTheNextValueWritesOn(DynamoDbLocal local) {
        Order created = order("lost-user", "2");
        Fault fault = local.faults().on("UpdateItem").lostResponse().once();
        try {
            Order paid = orders.update(created, Map.of("status", "paid"));

            assertThat(fault.injected()).isOne();
            assertThat(paid.version()).isEqualTo(2);
            assertThat(orders.find(created.id())).contains(paid);
            assertThat(orders.update(paid, Map.of("note", "next")).version()).isEqualTo(3);
        } finally {
            local.faults().clear();
        }
    }
}
