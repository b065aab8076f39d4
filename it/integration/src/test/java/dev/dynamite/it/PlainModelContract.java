package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.Page;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.UpdatedAt;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.OptimisticLockException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A plain model class, one that does not extend {@code Table}, end to end through {@code Model<T>}: created, read,
 * saved with only what changed, updated, versioned, deleted softly, written in bulk and paged. Its {@code equals}
 * compares content, so Dynamite must tell its instances apart by identity.
 */
abstract class PlainModelContract extends FixtureContract {
    /** A plain class: no base class, a no-arg constructor, its own equals. */
    public static final class Invoice {
        @PrimaryKey public String id;
        public String customer;
        public String status;
        public int total;
        @Version public long version;
        @UpdatedAt public String updatedAt;
        @DeleteAt public String deletedAt;

        @Override
        public boolean equals(Object other) {
            return other instanceof Invoice invoice && Objects.equals(id, invoice.id)
                    && Objects.equals(status, invoice.status) && total == invoice.total;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, status, total);
        }
    }

    /** A plain class with a relation to another plain class. */
    public static final class Customer {
        @PrimaryKey public String id;
        public String name;
        @HasMany(model = Invoice.class, foreignKey = "customer") public List<Invoice> invoices;
    }

    private Model<Invoice> invoices;

    @BeforeAll
    void model() {
        invoices = dynamite.model(Invoice.class);
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    private Invoice create(String customer, int total) {
        return invoices.create(Map.of("id", UUID.randomUUID().toString(), "customer", customer, "status", "open",
                "total", total));
    }

    private Map<String, AttributeValue> stored(String id) {
        return raw.getItem(b -> b.tableName(dynamite.config().tablePrefix() + "invoices")
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    @Test
    void aPlainEntityIsCreatedReadAndSavedWithOnlyWhatChanged() {
        Invoice created = create("c1", 10);
        assertThat(created.version).isEqualTo(1);
        assertThat(created.updatedAt).isNotNull();

        Invoice found = invoices.find(created.id).orElseThrow();
        found.total = 12;
        log.clear();
        assertThat(invoices.save(found)).isSameAs(found);

        UpdateItemRequest update = log.requests(UpdateItemRequest.class).get(0);
        assertThat(update.updateExpression()).doesNotContain("customer").doesNotContain("status");
        assertThat(stored(created.id)).containsEntry("total", AttributeValue.fromN("12"))
                .containsEntry("version", AttributeValue.fromN("2"));
        log.clear();
        assertThat(invoices.save(found)).isSameAs(found);
        assertThat(log.operations()).as("nothing changed: nothing sent").isEmpty();
    }

    @Test
    void equalButDistinctInstancesKeepTheirOwnState() {
        Invoice created = create("c2", 5);
        Invoice first = invoices.find(created.id).orElseThrow();
        Invoice second = invoices.find(created.id).orElseThrow();
        assertThat(first).isEqualTo(second).isNotSameAs(second);

        invoices.update(first, Map.of("status", "paid"));
        assertThat(first.version).isEqualTo(2);
        second.total = 6;
        // the second copy still holds version 1: another writer's change is not overwritten
        assertThatThrownBy(() -> invoices.save(second)).isInstanceOf(OptimisticLockException.class);
        assertThat(stored(created.id)).containsEntry("status", AttributeValue.fromS("paid"))
                .containsEntry("total", AttributeValue.fromN("5"));
    }

    @Test
    void aNewPlainEntityIsCreatedBySaveAndDeletedSoftly() {
        Invoice fresh = new Invoice();
        fresh.id = UUID.randomUUID().toString();
        fresh.customer = "c3";
        fresh.status = "open";
        fresh.total = 7;
        invoices.save(fresh);
        assertThat(stored(fresh.id)).containsEntry("version", AttributeValue.fromN("1"));

        invoices.delete(fresh);
        assertThat(invoices.find(fresh.id)).isEmpty();
        assertThat(invoices.withTrashed(Map.of("id", fresh.id))).hasSize(1);
        assertThat(stored(fresh.id)).containsKey("deletedAt");

        Invoice stranger = new Invoice();
        stranger.id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> invoices.update(stranger, Map.of("total", 1)))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void deleteRestoreAndForceDestroyChangeAPlainEntityInPlaceAndHandItBack() {
        Invoice invoice = create("c4", 9);
        Invoice stale = invoices.find(invoice.id).orElseThrow();

        assertThat(invoices.delete(invoice)).isSameAs(invoice);
        assertThat(invoice.deletedAt).isNotNull();
        assertThat(invoice.version).isEqualTo(2);
        assertThat(stored(invoice.id)).containsEntry("deletedAt", AttributeValue.fromS(invoice.deletedAt))
                .containsEntry("version", AttributeValue.fromN("2"));
        assertThat(invoices.find(invoice.id)).isEmpty();
        assertThatThrownBy(() -> invoices.restore(stale)).isInstanceOf(OptimisticLockException.class);

        assertThat(invoices.restore(invoice, MutationOptions.defaults())).isSameAs(invoice);
        assertThat(invoice.deletedAt).isNull();
        assertThat(invoice.version).isEqualTo(3);
        assertThat(stored(invoice.id)).doesNotContainKey("deletedAt");
        assertThat(invoices.find(invoice.id)).isPresent();

        assertThat(invoices.update(invoice, Map.of("status", "paid"), MutationOptions.skipHooks()))
                .isSameAs(invoice);
        assertThat(invoice.version).isEqualTo(4);
        assertThatThrownBy(() -> invoices.forceDestroy(stale)).isInstanceOf(OptimisticLockException.class);
        assertThat(invoices.forceDestroy(invoice)).isSameAs(invoice);
        assertThat(stored(invoice.id)).isEmpty();
        assertThatThrownBy(() -> invoices.update(invoice, Map.of("total", 1)))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");
    }

    @Test
    void relationsOfPlainEntitiesAreIncluded() {
        Model<Customer> customers = dynamite.model(Customer.class);
        String id = "cust-" + UUID.randomUUID();
        customers.create(Map.of("id", id, "name", "Ada"));
        create(id, 1);
        create(id, 2);

        Customer found = customers.find(id, dev.dynamite.api.QueryOptions.builder().include("invoices").build())
                .orElseThrow();

        assertThat(found.invoices).extracting(i -> i.total).containsExactlyInAnyOrder(1, 2);
        assertThat(found.invoices).allSatisfy(i -> assertThat(i.customer).isEqualTo(id));
    }

    @Test
    void bulkWritesPagesAndBatchesWorkOnPlainEntities() {
        String customer = "bulk-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            create(customer, i);
        }
        assertThat(invoices.update(Map.of("status", "sent"), Map.of("customer", customer, "total",
                Map.of(">=", 6)))).isEqualTo(6);
        assertThat(invoices.where(Map.of("customer", customer, "status", "sent"))).extracting(i -> i.total)
                .containsExactlyInAnyOrder(6, 7, 8, 9, 10, 11);

        Page<Invoice> page = invoices.query().where("customer", customer).allowScan().page(5);
        assertThat(page.items()).hasSize(5);
        List<Invoice> again = invoices.findAll(page.items().stream().map(i -> i.id).toList());
        assertThat(again).extracting(i -> i.id).containsExactlyElementsOf(page.items().stream().map(i -> i.id)
                .toList());
        assertThat(invoices.delete(Map.of("customer", customer))).isEqualTo(12);
    }
}
