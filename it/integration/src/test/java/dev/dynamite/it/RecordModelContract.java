package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.Page;
import dev.dynamite.api.ItemAlreadyExistsException;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.it.RecordModels.Buyer;
import dev.dynamite.it.RecordModels.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Record models end to end through {@code Model<T>}: every write hands back a new record, and the record handed back
 * is what the next write starts from (its version, its stored snapshot). Defaults, validators, {@code @Name},
 * timestamps, {@code @Version}, soft delete (delete, restore, forceDestroy of a value), queries, pages, bulk writes,
 * counters, batch reads and includes work on components as on fields.
 */
abstract class RecordModelContract extends FixtureContract {
    protected Model<Order> orders;
    protected Model<Buyer> buyers;

    @BeforeAll
    void models() {
        orders = dynamite.model(Order.class);
        buyers = dynamite.model(Buyer.class);
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    protected Order order(String userId, String total) {
        return orders.create(Map.of("userId", userId, "total", new BigDecimal(total)));
    }

    private Map<String, AttributeValue> stored(String id) {
        return raw.getItem(b -> b.tableName(orders.tableName()).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).item();
    }

    @Test
    void aRecordIsCreatedWithItsDefaultsAndManagedComponentsAndReadBackEqual() {
        Order created = order("u1", "10.5");

        assertThat(created.id()).isNotBlank();
        assertThat(created.status()).isEqualTo("pending");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isNotNull().isEqualTo(created.updatedAt());
        assertThat(orders.find(created.id())).contains(created);
        assertThat(stored(created.id())).containsEntry("total", AttributeValue.fromN("10.5"))
                .containsEntry("version", AttributeValue.fromN("1")).doesNotContainKey("note_text");

        Order given = new Order(null, "u1", new BigDecimal("3"), null, "by hand", Set.of("a"), 0, null, null, null,
                0, null);
        Order made = orders.create(given);
        assertThat(made).isNotSameAs(given);
        assertThat(made.id()).isNotBlank();
        assertThat(made.status()).isEqualTo("pending");
        assertThat(made.version()).isEqualTo(1);
        assertThat(stored(made.id())).containsEntry("note_text", AttributeValue.fromS("by hand"));
        assertThat(given.id()).as("the record given is a value: untouched").isNull();
    }

    @Test
    void anUpdateReturnsTheNextValueAndAStaleValueIsRefused() {
        Order created = order("u2", "5");
        log.clear();

        Order paid = orders.update(created, Map.of("status", "paid", "note", "thanks"));

        assertThat(paid.status()).isEqualTo("paid");
        assertThat(paid.note()).isEqualTo("thanks");
        assertThat(paid.version()).isEqualTo(2);
        assertThat(paid.total()).isEqualByComparingTo("5");
        assertThat(created.status()).as("the old value is unchanged").isEqualTo("pending");
        UpdateItemRequest update = log.requests(UpdateItemRequest.class).get(0);
        assertThat(update.updateExpression()).doesNotContain(":total");
        assertThat(update.expressionAttributeNames()).containsValue("note_text").doesNotContainValue("total");
        assertThat(orders.find(created.id())).contains(paid);

        assertThatThrownBy(() -> orders.update(created, Map.of("status", "void")))
                .isInstanceOf(OptimisticLockException.class);
        Order shipped = orders.update(paid, Map.of("status", "shipped"));
        assertThat(shipped.version()).isEqualTo(3);
        assertThat(stored(created.id())).containsEntry("status", AttributeValue.fromS("shipped"));
    }

    @Test
    void saveWritesWhatAValueChangedAndCreatesAValueDynamiteNeverStored() {
        Order created = order("u3", "7");
        log.clear();
        assertThat(orders.save(created)).isEqualTo(created);
        assertThat(log.operations()).as("the value Dynamite returned is what is stored: nothing to send").isEmpty();

        Order fresh = new Order(UUID.randomUUID().toString(), "u3", BigDecimal.ONE, null, null, null, 0, null, null,
                null, 0, null);
        Order saved = orders.save(fresh);
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.status()).isEqualTo("pending");
        assertThat(orders.find(fresh.id())).contains(saved);

        Order copy = saved.withTotal(new BigDecimal("2"));
        assertThatThrownBy(() -> orders.save(copy)).as("a copy Dynamite did not return is a new value")
                .isInstanceOf(ItemAlreadyExistsException.class);
    }

    @Test
    void validationAndNotNullApplyToComponentsAndNothingIsWritten() {
        assertThatThrownBy(() -> order("u4", "-1")).isInstanceOfSatisfying(ModelValidationException.class,
                e -> assertThat(e.getMessage()).contains("total").contains("must not be negative"));
        assertThatThrownBy(() -> buyers.create(Map.of("id", "nameless"))).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("name");
        assertThat(buyers.find("nameless")).isEmpty();
        assertThatThrownBy(() -> buyers.create(Map.of("id", "root", "name", "admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the name 'admin' is reserved");
        assertThat(buyers.find("root")).isEmpty();
        assertThatThrownBy(() -> orders.create(o -> { })).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("record");
    }

    @Test
    void aRecordIsDeletedSoftlyAndRestoredToTheTrashQueries() {
        Order created = order("u5", "1");
        orders.delete(created);
        assertThat(orders.find(created.id())).isEmpty();
        assertThat(orders.withTrashed(Map.of("id", created.id()))).singleElement()
                .satisfies(o -> assertThat(o.deletedAt()).isNotNull());
        assertThat(orders.onlyTrashed(Map.of("userId", "u5"))).extracting(Order::id).contains(created.id());
    }

    @Test
    void deleteHandsBackTheTrashedValueAndRestoreTheLiveOne() {
        Order created = order("u6", "3");
        log.clear();

        Order trashed = orders.delete(created);

        assertThat(trashed).isNotSameAs(created);
        assertThat(trashed.id()).isEqualTo(created.id());
        assertThat(trashed.deletedAt()).isNotNull();
        assertThat(trashed.version()).isEqualTo(2);
        assertThat(created.deletedAt()).as("the value given keeps its components").isNull();
        assertThat(created.version()).isEqualTo(1);
        assertThat(log.requests(UpdateItemRequest.class)).singleElement()
                .satisfies(u -> assertThat(u.conditionExpression()).contains("attribute_exists("));
        assertThat(stored(created.id())).containsEntry("deletedAt", AttributeValue.fromS(trashed.deletedAt()))
                .containsEntry("version", AttributeValue.fromN("2"));
        assertThat(orders.find(created.id())).isEmpty();
        assertThat(orders.onlyTrashed(Map.of("id", created.id()))).containsExactly(trashed);

        // the trashed value is what the table holds: deleting it again sends nothing and hands back the same value
        log.clear();
        assertThat(orders.delete(trashed)).isEqualTo(trashed);
        assertThat(log.operations()).isEmpty();

        Order live = orders.restore(trashed);

        assertThat(live.deletedAt()).isNull();
        assertThat(live.version()).isEqualTo(3);
        assertThat(live.total()).isEqualByComparingTo("3");
        assertThat(trashed.deletedAt()).as("the trashed value is unchanged").isNotNull();
        assertThat(stored(created.id())).doesNotContainKey("deletedAt")
                .containsEntry("version", AttributeValue.fromN("3"));
        assertThat(orders.find(created.id())).contains(live);
        assertThat(orders.onlyTrashed(Map.of("id", created.id()))).isEmpty();

        // the live value is what the next write starts from
        Order paid = orders.update(live, Map.of("status", "paid"));
        assertThat(paid.version()).isEqualTo(4);
        assertThat(orders.find(created.id())).contains(paid);
    }

    @Test
    void forceDestroyRemovesTheItemAndHandsBackTheValueAsDeleted() {
        Order created = order("u7", "4");
        Order read = orders.find(created.id()).orElseThrow();
        log.clear();

        Order gone = orders.forceDestroy(created);

        assertThat(gone).isEqualTo(created).isNotSameAs(created);
        assertThat(log.requests(DeleteItemRequest.class)).singleElement()
                .satisfies(d -> assertThat(d.conditionExpression()).contains("attribute_exists("));
        assertThat(stored(created.id())).isEmpty();
        assertThat(orders.withTrashed(Map.of("id", created.id()))).isEmpty();
        // neither the value handed back nor the one given stands for an item now
        assertThatThrownBy(() -> orders.update(gone, Map.of("status", "paid")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");
        assertThatThrownBy(() -> orders.update(created, Map.of("status", "paid")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");
        assertThatThrownBy(() -> orders.forceDestroy(read)).isInstanceOf(ItemNotFoundException.class)
                .hasMessageContaining("forceDestroy()");

        // a trashed item is removed for good as well
        Order other = order("u7", "5");
        Order trashed = orders.delete(other);
        assertThat(orders.forceDestroy(trashed).deletedAt()).isEqualTo(trashed.deletedAt());
        assertThat(stored(other.id())).isEmpty();

        // the value as deleted is new again: saving it creates the item anew
        Order again = orders.save(gone);
        assertThat(again.version()).isEqualTo(1);
        assertThat(orders.find(created.id())).contains(again);
    }

    @Test
    void aStaleValueIsRefusedByDeleteForceDestroyAndRestore() {
        Order created = order("u8", "6");
        Order stale = orders.find(created.id()).orElseThrow();
        Order paid = orders.update(created, Map.of("status", "paid"));

        assertThatThrownBy(() -> orders.delete(stale)).isInstanceOfSatisfying(OptimisticLockException.class,
                e -> assertThat(e.actualVersion()).isEqualTo(2L));
        assertThatThrownBy(() -> orders.forceDestroy(stale)).isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining("expected version 1");
        assertThat(stored(created.id())).doesNotContainKey("deletedAt")
                .containsEntry("status", AttributeValue.fromS("paid"))
                .containsEntry("version", AttributeValue.fromN("2"));

        Order trashed = orders.delete(paid);
        Order staleTrash = orders.onlyTrashed(Map.of("id", created.id())).get(0);
        assertThat(staleTrash).isEqualTo(trashed);
        Order live = orders.restore(trashed);
        assertThat(live.version()).isEqualTo(4);
        // the copy read from the trash holds version 3: restoring it again is refused and changes nothing
        assertThatThrownBy(() -> orders.restore(staleTrash)).isInstanceOfSatisfying(OptimisticLockException.class,
                e -> assertThat(e.actualVersion()).isEqualTo(4L));
        assertThat(staleTrash.deletedAt()).isNotNull();
        assertThat(stored(created.id())).doesNotContainKey("deletedAt")
                .containsEntry("version", AttributeValue.fromN("4"));
        assertThat(orders.find(created.id())).contains(live);
    }

    @Test
    void queriesPagesBulkWritesAndCountersWorkOnRecords() {
        String user = "bulk-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            order(user, Integer.toString(i));
        }
        assertThat(orders.where(Map.of("userId", user, "total", Map.of(">=", 6)))).extracting(Order::total)
                .extracting(BigDecimal::intValue).containsExactlyInAnyOrder(6, 7, 8, 9, 10, 11);
        assertThat(orders.query().where("userId", user).count()).isEqualTo(12);

        assertThat(orders.update(Map.of("status", "sent"), Map.of("userId", user, "total", Map.of("<", 3))))
                .isEqualTo(3);
        assertThat(orders.increment("logins", 2, Map.of("userId", user, "status", "sent"))).isEqualTo(3);
        assertThat(orders.where(Map.of("userId", user, "status", "sent"))).hasSize(3)
                .allSatisfy(o -> assertThat(o.logins()).isEqualTo(2))
                .allSatisfy(o -> assertThat(o.version()).isEqualTo(3));

        Page<Order> first = orders.query().where("userId", user).page(5);
        Page<Order> second = orders.query().where("userId", user).after(first.cursor().orElseThrow()).page(5);
        assertThat(first.items()).hasSize(5).doesNotContainAnyElementsOf(second.items());
        assertThat(orders.query().where("userId", user).stream().map(Order::id).distinct().count()).isEqualTo(12);

        List<Order> found = orders.findAll(List.of(first.items().get(0).id(), second.items().get(0).id(),
                "no-such-order"));
        assertThat(found).containsExactly(first.items().get(0), second.items().get(0));

        assertThat(orders.delete(Map.of("userId", user))).isEqualTo(12);
        assertThat(orders.where(Map.of("userId", user))).isEmpty();
    }

    @Test
    void putAllWritesRecordsAndReturnsTheStoredValues() {
        String user = "put-" + UUID.randomUUID();
        List<Order> given = List.of(
                new Order(null, user, BigDecimal.ONE, null, null, null, 0, null, null, null, 0, null),
                new Order(null, user, BigDecimal.TEN, "paid", null, null, 0, null, null, null, 0, null));
        List<Order> written = orders.putAll(given);
        assertThat(written).extracting(Order::status).containsExactly("pending", "paid");
        assertThat(written).allSatisfy(o -> assertThat(o.id()).isNotNull());
        assertThat(orders.where(Map.of("userId", user))).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void includesFillRelationComponentsOfTheReturnedRecords() {
        String id = "buyer-" + UUID.randomUUID();
        Buyer buyer = buyers.create(Map.of("id", id, "name", "Ada"));
        assertThat(buyer.tier()).isEqualTo("bronze");
        assertThat(buyer.orders()).isNull();
        order(id, "1");
        order(id, "2");

        Buyer found = buyers.find(id, QueryOptions.builder().include("orders").build()).orElseThrow();
        assertThat(found.orders()).extracting(o -> o.total().intValue()).containsExactlyInAnyOrder(1, 2);
        assertThat(found.orders()).allSatisfy(o -> assertThat(o.userId()).isEqualTo(id));
        assertThatThrownBy(() -> found.orders().add(null)).isInstanceOf(UnsupportedOperationException.class);

        List<Order> withBuyer = orders.query().where("userId", id).include("buyer").list();
        assertThat(withBuyer).hasSize(2).allSatisfy(o -> assertThat(o.buyer().name()).isEqualTo("Ada"));

        Buyer renamed = buyers.update(found, Map.of("name", "Ada L."));
        assertThat(renamed.name()).isEqualTo("Ada L.");
        assertThat(renamed.orders()).as("the loaded relation stays with the value").hasSize(2);
    }
}
