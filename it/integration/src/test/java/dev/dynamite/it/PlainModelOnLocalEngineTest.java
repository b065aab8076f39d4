package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.api.PartialWriteException;
import dev.dynamite.it.PlainModelContract.Invoice;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plain model classes on the embedded engine, in process; and, where faults are injected, a plain entity's save whose
 * response is lost and a bulk update of plain entities throttled part-way.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {PlainModelContract.Invoice.class,
        PlainModelContract.Customer.class})
class PlainModelOnLocalEngineTest extends PlainModelContract {

    @AfterEach
    void clearFaults(DynamoDbLocal local) {
        local.faults().clear();
    }

    @Test
    void aPlainSaveWhoseResponseIsLostIsReportedAsSavedOnce(DynamoDbLocal local) {
        Model<Invoice> invoices = dynamite.model(Invoice.class);
        Invoice invoice = invoices.create(Map.of("id", UUID.randomUUID().toString(), "customer", "f1",
                "status", "open", "total", 10));
        Fault fault = local.faults().on("UpdateItem").lostResponse().once();

        invoice.total = 11;
        invoices.save(invoice);

        assertThat(fault.injected()).isOne();
        assertThat(invoice.version).isEqualTo(2);
        Invoice stored = invoices.find(invoice.id).orElseThrow();
        assertThat(stored.total).isEqualTo(11);
        assertThat(stored.version).isEqualTo(2);
        // the entity's remembered state moved with the write: saving again sends nothing
        log.clear();
        invoices.save(invoice);
        assertThat(log.operations()).isEmpty();
    }

    @Test
    void aBulkUpdateOfPlainEntitiesThrottledPartWayReportsWhatItWrote(DynamoDbLocal local,
                                                                       DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(Invoice.class).maxAttempts(1).writeConcurrency(1).build())) {
            client.sync();
            Model<Invoice> invoices = client.model(Invoice.class);
            String customer = "throttled-" + UUID.randomUUID();
            for (int i = 0; i < 10; i++) {
                invoices.create(Map.of("id", customer + "-" + i, "customer", customer, "status", "open",
                        "total", i));
            }
            local.faults().on("UpdateItem").throttle().after(4).once();

            assertThatThrownBy(() -> invoices.update(Map.of("status", "sent"), Map.of("customer", customer)))
                    .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                        assertThat(e.written()).hasSize(4);
                        assertThat(e.notWritten()).hasSize(6);
                        assertThat(e.inDoubt()).isEmpty();
                    });
            assertThat(invoices.where(Map.of("customer", customer, "status", "sent"))).hasSize(4);
            local.faults().clear();
            assertThat(invoices.update(Map.of("status", "sent"), Map.of("customer", customer, "status", "open")))
                    .isEqualTo(6);
            assertThat(invoices.where(Map.of("customer", customer, "status", "sent"))).hasSize(10);
        }
    }
}
