package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.api.TransactionCanceledException;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transactions through the fixtures, on the embedded engine: dynalite has no TransactWriteItems. */
@DynamiteTest(models = {Shop.Customer.class, Shop.Purchase.class}, backend = Backend.EMBEDDED)
class TransactionsIT {

    @Test
    void theSeedsTransactionCommitsAndACollidingOneWritesNothing(Dynamite dynamite, Model<Shop.Customer> customers,
                                                                 Model<Shop.Purchase> purchases) {
        Shop.Customer ada = dynamite.tx(tx -> {
            Shop.Customer c = customers.create(Map.of("name", "Ada"), tx);
            purchases.create(Map.of("customerId", c.id, "total", 12.5), tx);
            purchases.create(Map.of("customerId", c.id, "total", 30.0), tx);
            return c;
        });
        assertThat(purchases.where("customerId", ada.id)).hasSize(2);

        assertThatThrownBy(() -> dynamite.tx(tx -> {
            purchases.create(Map.of("customerId", ada.id, "total", 1.0), tx);
            customers.create(Map.of("id", ada.id, "name", "Impostor"), tx);
            return null;
        })).isInstanceOf(TransactionCanceledException.class);
        assertThat(purchases.where("customerId", ada.id)).hasSize(2);
        assertThat(customers.find(ada.id).orElseThrow().name).isEqualTo("Ada");
    }
}
