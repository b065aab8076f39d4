package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.TransactionCanceledException;
import dev.dynamite.it.RecordModels.Order;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Record models on the embedded engine; and, as dynalite has no {@code TransactWriteItems}, record writes in a
 * transaction (creates, and the instance writes {@code update(record, changes, tx)}, {@code delete(record, tx)},
 * {@code restore(record, tx)}, {@code forceDestroy(record, tx)}): the records handed out while the transaction is open
 * carry the stored state once it commits, and a transaction that does not commit writes nothing; and a record update
 * whose response is lost.
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

    private Map<String, AttributeValue> item(String id) {
        return raw.getItem(b -> b.tableName(orders.tableName()).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).item();
    }

    /** On the embedded engine only: dynalite has no {@code TransactWriteItems}. */
    @Test
    void anUpdateAndADeleteOfRecordsCommitTogetherAndTheValuesHandedBackWriteOn() {
        Order first = order("tx-pair", "1");
        Order second = order("tx-pair", "2");
        log.clear();

        List<Order> written = dynamite.tx(tx -> {
            Order paid = orders.update(first, Map.of("status", "paid"), tx);
            Order trashed = orders.delete(second, tx);
            // queued, not sent: the values hold what the commit will store, the table still the old items
            assertThat(paid.status()).isEqualTo("paid");
            assertThat(paid.version()).isEqualTo(2);
            assertThat(trashed.deletedAt()).isNotNull();
            assertThat(trashed.version()).isEqualTo(2);
            assertThat(tx.size()).isEqualTo(2);
            assertThat(log.operations()).isEmpty();
            assertThat(item(first.id())).containsEntry("status", AttributeValue.fromS("pending"));
            assertThat(item(second.id())).doesNotContainKey("deletedAt");
            log.clear();   // the raw reads above go through the same client
            return List.of(paid, trashed);
        });

        assertThat(log.operations()).containsExactly("TransactWriteItems");
        Order paid = written.get(0);
        Order trashed = written.get(1);
        assertThat(item(first.id())).containsEntry("status", AttributeValue.fromS("paid"))
                .containsEntry("version", AttributeValue.fromN("2"));
        assertThat(item(second.id())).containsEntry("deletedAt", AttributeValue.fromS(trashed.deletedAt()))
                .containsEntry("version", AttributeValue.fromN("2"));
        assertThat(orders.find(first.id())).contains(paid);
        assertThat(orders.find(second.id())).isEmpty();
        assertThat(orders.onlyTrashed(Map.of("id", second.id()))).containsExactly(trashed);

        // both values took the committed state: the next writes start from them
        assertThat(orders.update(paid, Map.of("note", "thanks")).version()).isEqualTo(3);
        Order live = orders.restore(trashed);
        assertThat(live.version()).isEqualTo(3);
        assertThat(orders.find(second.id())).contains(live);
    }

    /** On the embedded engine only: dynalite has no {@code TransactWriteItems}. */
    @Test
    void aFailingConditionInATransactionOfRecordWritesWritesNothing() {
        Order first = order("tx-fail", "1");
        Order second = order("tx-fail", "2");
        Order staleSecond = orders.find(second.id()).orElseThrow();
        Order secondNow = orders.update(second, Map.of("note", "moved on"));
        Map<String, AttributeValue> firstBefore = item(first.id());
        Map<String, AttributeValue> secondBefore = item(second.id());
        List<Order> handedBack = new ArrayList<>();

        assertThatThrownBy(() -> dynamite.tx(tx -> {
            handedBack.add(orders.update(first, Map.of("status", "paid"), tx));
            // the stale value expects version 1; the table holds 2: the commit is cancelled
            handedBack.add(orders.delete(staleSecond, tx));
            return null;
        })).isInstanceOfSatisfying(TransactionCanceledException.class, e ->
                assertThat(e.failures()).singleElement().satisfies(r -> {
                    assertThat(r.index()).isEqualTo(2);
                    assertThat(r.code()).isEqualTo("ConditionalCheckFailed");
                }));

        assertThat(item(first.id())).isEqualTo(firstBefore);
        assertThat(item(second.id())).isEqualTo(secondBefore);
        assertThat(orders.find(first.id())).contains(first);
        assertThat(orders.find(second.id())).contains(secondNow);
        assertThat(handedBack).hasSize(2);
        // the values given are unchanged and still what the table holds: writing on from them works
        Order paid = orders.update(first, Map.of("status", "paid"));
        assertThat(paid.version()).isEqualTo(2);
        Order trashed = orders.delete(secondNow);
        assertThat(trashed.version()).isEqualTo(3);
        assertThat(orders.find(second.id())).isEmpty();
    }

    /** On the embedded engine only: dynalite has no {@code TransactWriteItems}. */
    @Test
    void restoreAndForceDestroyOfRecordsJoinATransaction() {
        Order kept = order("tx-restore", "1");
        Order doomed = order("tx-restore", "2");
        Order trashed = orders.delete(kept);

        List<Order> written = dynamite.tx(tx -> {
            Order live = orders.restore(trashed, tx);
            Order gone = orders.forceDestroy(doomed, tx);
            assertThat(live.deletedAt()).isNull();
            assertThat(live.version()).isEqualTo(3);
            assertThat(gone).isEqualTo(doomed);
            assertThat(item(kept.id())).containsKey("deletedAt");
            assertThat(item(doomed.id())).isNotEmpty();
            return List.of(live, gone);
        });

        Order live = written.get(0);
        assertThat(item(kept.id())).doesNotContainKey("deletedAt").containsEntry("version", AttributeValue.fromN("3"));
        assertThat(orders.find(kept.id())).contains(live);
        assertThat(item(doomed.id())).isEmpty();
        // at the commit the value given and the value handed back ceased to stand for an item
        assertThatThrownBy(() -> orders.update(written.get(1), Map.of("note", "x")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");
        assertThatThrownBy(() -> orders.update(doomed, Map.of("note", "x")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");
        assertThat(orders.update(live, Map.of("note", "back")).version()).isEqualTo(4);
    }

    /** On the embedded engine only: dynalite has no {@code TransactWriteItems}. */
    @Test
    void aCounterOfARecordIsRefusedInATransactionBeforeAnythingIsQueued() {
        Order created = order("tx-counter", "1");
        dynamite.tx(tx -> {
            assertThatThrownBy(() -> orders.update(created, RecordModels_Order_.logins.add(1), tx))
                    .isInstanceOf(ModelValidationException.class).hasMessageStartingWith("Order.logins: ")
                    .hasMessageContaining("a record").hasMessageContaining("increment(\"logins\", by, filters, tx)");
            assertThat(tx.size()).isZero();
            // typed sets and removals are queued as the map form queues them
            Order noted = orders.update(created, RecordModels_Order_.note.set("typed"), tx);
            assertThat(noted.note()).isEqualTo("typed");
            assertThat(tx.size()).isOne();
            return null;
        });
        assertThat(orders.find(created.id()).orElseThrow().note()).isEqualTo("typed");
        assertThat(item(created.id())).containsEntry("logins", AttributeValue.fromN("0"));
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
