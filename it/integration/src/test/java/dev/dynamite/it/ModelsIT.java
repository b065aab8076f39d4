package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.api.Include;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.test.DynamiteTest;
import dev.dynamite.test.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model runtime, queries and includes through the fixtures, on the suite's server. */
@DynamiteTest(models = {Shop.Customer.class, Shop.Purchase.class})
class ModelsIT {

    @Test
    void createsQueriesIncludesAndSoftDeletes(Model<Shop.Customer> customers, Model<Shop.Purchase> purchases) {
        List<Shop.Customer> created = Fixtures.of(customers).create(3, i -> Map.of("name", "c" + i));
        Shop.Customer first = created.get(0);
        Fixtures.of(purchases).create(4, i -> Map.of("customerId", first.id, "total", 10.0 * i,
                "status", i % 2 == 0 ? "pending" : "shipped"));

        Shop.Customer loaded = customers.find(first.id, QueryOptions.builder()
                .include("purchases", Include.where(Map.of("status", "pending")).include("customer")).build())
                .orElseThrow();
        assertThat(loaded.purchases).hasSize(2).allSatisfy(p -> assertThat(p.customer.name).isEqualTo("c0"));
        assertThat(purchases.where("total", ">=", 20.0)).hasSize(2);

        loaded.destroy();
        assertThat(customers.find(first.id)).isEmpty();
        assertThat(customers.onlyTrashed(Map.of("id", first.id))).extracting(c -> c.id).containsExactly(first.id);
        assertThat(customers.count(Map.of("name", Map.of("in", List.of("c0", "c1", "c2"))))).isEqualTo(2);
        loaded.restore();
        assertThat(customers.count(Map.of("name", Map.of("in", List.of("c0", "c1", "c2"))))).isEqualTo(3);
    }

    @Test
    void versionsProtectConcurrentWriters(Model<Shop.Customer> customers) {
        Shop.Customer ada = customers.create(Map.of("name", "Ada"));
        Shop.Customer stale = customers.find(ada.id).orElseThrow();
        ada.name = "Ada L.";
        ada.save();
        stale.name = "Lost update";
        assertThatThrownBy(stale::save).isInstanceOf(OptimisticLockException.class);
        assertThat(customers.find(ada.id).orElseThrow().name).isEqualTo("Ada L.");
    }
}
