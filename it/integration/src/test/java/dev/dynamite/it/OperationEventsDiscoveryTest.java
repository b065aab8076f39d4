package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.api.OperationEvent;
import dev.dynamite.it.Shop.Customer;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A listener found with {@code ServiceLoader} is told of the operations of a client configured with no listener. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Shop.Customer.class, Shop.Purchase.class})
class OperationEventsDiscoveryTest {
    @Test
    void aListenerRegisteredForServiceLoaderSeesEveryOperation(DynamiteConfig.Builder config) {
        DynamiteConfig built = config.tables(Customer.class, Shop.Purchase.class).build();
        assertThat(built.listeners()).isEmpty();
        try (Dynamite client = new Dynamite(built)) {
            client.sync();
            Customer made = client.model(Customer.class).create(Map.of("name", "Found"));
            client.model(Customer.class).find(made.id).orElseThrow();

            assertThat(DiscoveredListener.on(built.tablePrefix() + "customers"))
                    .extracting(e -> e.start().operation(), OperationEvent::plan)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("create", "PutItem"),
                            org.assertj.core.groups.Tuple.tuple("find", "GetItem"));
        }
    }
}
