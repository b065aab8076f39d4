package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.api.OperationEvent;
import dev.dynamite.api.PartialWriteException;
import dev.dynamite.it.RecordingListener.Recorded;
import dev.dynamite.it.Shop.Customer;
import dev.dynamite.it.Shop.Purchase;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operation events on the embedded engine, and what only it can show: a transaction's commit (dynalite has no
 * TransactWriteItems) and the SDK's retries of a throttled request (faults are injected there).
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Shop.Customer.class, Shop.Purchase.class})
class OperationEventsOnLocalEngineTest extends OperationEventsContract {
    private DynamoDbLocal local;

    @BeforeAll
    void engine(DynamoDbLocal local) {
        this.local = local;
    }

    @AfterEach
    void clearFaults() {
        local.faults().clear();
    }

    @Test
    void aTransactionIsOneOperationWhoseCreatesAreItsActions() {
        Customer made = client.tx(tx -> {
            Customer customer = customers.create(Map.of("name", "Tx"), tx);
            purchases.create(Map.of("customerId", customer.id, "total", 1.0), tx);
            return customer;
        });

        Recorded recorded = listener.only();
        OperationEvent event = recorded.event();
        assertThat(event.start().operation()).isEqualTo("tx");
        assertThat(event.start().model()).isNull();
        assertThat(event.start().modelName()).isEqualTo("none");
        assertThat(event.plan()).isEqualTo("TransactWriteItems");
        assertThat(event.requests()).isEqualTo(1);
        assertThat(event.itemsWritten()).isEqualTo(2);
        assertThat(event.consumedCapacity()).isPositive();
        assertThat(customers.find(made.id)).isPresent();
    }

    @Test
    void aBulkUpdateThrottledPartWayEndsInErrorCountingOnlyWhatItWrote(DynamiteConfig.Builder config) {
        try (Dynamite once = new Dynamite(config.tables(Customer.class, Purchase.class)
                .tablePrefix(client.config().tablePrefix()).listener(listener).maxAttempts(1).writeConcurrency(1)
                .build())) {
            Model<Purchase> model = once.model(Purchase.class);
            String customer = "c-" + UUID.randomUUID();
            for (int i = 0; i < 10; i++) {
                model.create(Map.of("customerId", customer, "total", 1.0 + i));
            }
            listener.take();
            local.faults().on("UpdateItem").throttle().after(4).once();

            assertThatThrownBy(() -> model.update(Map.of("status", "shipped"), Map.of("customerId", customer)))
                    .isInstanceOfSatisfying(PartialWriteException.class,
                            e -> assertThat(e.written()).hasSize(4));

            Recorded recorded = listener.only();
            OperationEvent event = recorded.event();
            assertThat(event.start().operation()).isEqualTo("bulkUpdate");
            assertThat(event.outcome()).isEqualTo(OperationEvent.Outcome.ERROR);
            assertThat(event.error()).isInstanceOf(PartialWriteException.class);
            assertThat(event.itemsWritten()).isEqualTo(4);
            assertThat(recorded.requests()).filteredOn(r -> r.request().equals("UpdateItem"))
                    .filteredOn(r -> r.error() != null).singleElement()
                    .satisfies(r -> assertThat(r.itemsWritten()).isZero());
        }
    }

    @Test
    void aThrottledRequestThatTheSdkRetriedCountsItsRetries() {
        local.faults().on("PutItem").throttle().once();

        customers.create(Map.of("name", "Retried"));

        Recorded recorded = listener.only();
        assertThat(recorded.event().retries()).isEqualTo(1);
        assertThat(recorded.event().requests()).as("one request, sent twice").isEqualTo(1);
        assertThat(recorded.requests()).singleElement().satisfies(r -> assertThat(r.retries()).isEqualTo(1));
        assertThat(recorded.event().outcome()).isEqualTo(OperationEvent.Outcome.SUCCESS);
    }
}
