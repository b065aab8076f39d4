package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Model;
import dev.dynamite.it.ImmutableModels.Invoice;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Immutable-class models on the embedded engine; and an immutable update whose response is lost. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {ImmutableModels.Invoice.class, ImmutableModels.Ledger.class,
        ImmutableModels.Consignment.class, ImmutableModels.Crate.class})
class ImmutableModelOnLocalEngineTest extends ImmutableModelContract {

    @Test
    void anImmutableUpdateWhoseResponseIsLostIsReportedOnceAndTheNextValueWritesOn(DynamoDbLocal local) {
        Model<Invoice> invoices = dynamite.model(Invoice.class);
        Invoice created = invoices.create(Map.of("customer", "lost", "amount", BigDecimal.TEN));
        Fault fault = local.faults().on("UpdateItem").lostResponse().once();
        try {
            Invoice paid = invoices.update(created, Map.of("state", "paid"));

            assertThat(fault.injected()).isOne();
            assertThat(paid.version).isEqualTo(2);
            assertThat(invoices.find(created.id)).contains(paid);
            assertThat(invoices.update(paid, Map.of("state", "closed")).version).isEqualTo(3);
        } finally {
            local.faults().clear();
        }
    }
}
