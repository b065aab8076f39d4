package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.it.RecordRuntimeModels.Account;
import dev.dynamite.it.RecordRuntimeModels.Doc;
import dev.dynamite.it.RecordRuntimeModels.Hooked;
import dev.dynamite.it.RecordRuntimeModels.Note;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The model runtime on record models, on the embedded engine, in process; record writes in a transaction, and
 * record deletes and restores under injected faults (faults are injected there only).
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Account.class, Doc.class, Note.class, Hooked.class})
class RecordRuntimeOnLocalEngineTest extends RecordRuntimeContract {
    private static final AtomicLong NUMBERS = new AtomicLong(9000);

    private Map<String, AttributeValue> stored(Model<Doc> docs, Doc doc) {
        return raw.getItem(b -> b.tableName(docs.tableName()).key(docs.itemKey(doc.space(), doc.number()))
                .consistentRead(true)).item();
    }

    @Test
    void aRecordRestoreThatFailsLeavesTheValueGivenAndARetryFromItRestores(DynamoDbLocal local) {
        Model<Doc> docs = dynamite.model(Doc.class);
        Doc doc = docs.create(Map.of("space", "faults", "number", NUMBERS.incrementAndGet(), "title", "t"));
        Doc trashed = docs.delete(doc);
        assertThat(trashed.version()).isEqualTo(2);
        local.faults().on("UpdateItem").serverError().always();
        try {
            assertThatThrownBy(() -> docs.restore(trashed)).isInstanceOfSatisfying(DynamoDbException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));
        } finally {
            local.faults().clear();
        }
        // a record is never changed: the value given still stands for the item as the table holds it
        assertThat(trashed.deletedAt()).isNotNull();
        assertThat(trashed.version()).isEqualTo(2);
        assertThat(stored(docs, doc)).containsKey("deletedAt").containsEntry("version", AttributeValue.fromN("2"));

        Doc live = docs.restore(trashed);
        assertThat(live.deletedAt()).isNull();
        assertThat(live.version()).isEqualTo(3);
        assertThat(stored(docs, doc)).doesNotContainKey("deletedAt")
                .containsEntry("version", AttributeValue.fromN("3"));
    }

    @Test
    void aRecordDeleteAndRestoreWhoseResponsesAreLostAreReportedOnceAndWriteOn(DynamoDbLocal local) {
        Model<Doc> docs = dynamite.model(Doc.class);
        Doc doc = docs.create(Map.of("space", "faults", "number", NUMBERS.incrementAndGet(), "title", "t"));
        Fault lostDelete = local.faults().on("UpdateItem").lostResponse().once();
        Doc trashed = docs.delete(doc);
        assertThat(lostDelete.injected()).isOne();
        assertThat(trashed.deletedAt()).isNotNull();
        assertThat(trashed.version()).isEqualTo(2);
        assertThat(stored(docs, doc)).containsKey("deletedAt").containsEntry("version", AttributeValue.fromN("2"));

        Fault lostRestore = local.faults().on("UpdateItem").lostResponse().once();
        Doc live = docs.restore(trashed);
        assertThat(lostRestore.injected()).isOne();
        assertThat(live.deletedAt()).isNull();
        assertThat(live.version()).isEqualTo(3);
        assertThat(docs.update(live, Map.of("title", "after")).version()).isEqualTo(4);
        assertThat(stored(docs, doc)).doesNotContainKey("deletedAt")
                .containsEntry("version", AttributeValue.fromN("4"));
    }

    /**
     * A record handed back by a write in a transaction shows what a read shows ({@code @Get} applied), as one
     * handed back by a write outside a transaction does, and the table holds the value untransformed. On the
     * embedded engine only: dynalite has no {@code TransactWriteItems}.
     */
    @Test
    void aRecordWrittenInATransactionShowsItsReadTransformsAsOneWrittenOutsideDoes() {
        Model<Account> accounts = dynamite.model(Account.class);
        Account plain = accounts.create(Map.of("name", "Plain", "email", "plain@example.com",
                "card", "1111222233334444"));
        assertThat(plain.card()).isEqualTo("************4444");

        List<Account> written = dynamite.tx(tx -> List.of(
                accounts.create(Map.of("name", "Queued", "email", "queued@example.com", "card", "5555666677778888"),
                        tx),
                accounts.update(plain, Map.of("card", "9999000011112222"), tx)));
        Account queued = written.get(0);
        Account updated = written.get(1);
        assertThat(queued.card()).isEqualTo("************8888");
        assertThat(updated.card()).isEqualTo("************2222");
        assertThat(accounts.find(queued.id())).contains(queued);
        assertThat(accounts.find(plain.id())).contains(updated);
        assertThat(raw.getItem(b -> b.tableName(accounts.tableName()).key(Map.of("id",
                AttributeValue.fromS(updated.id()))).consistentRead(true)).item())
                .containsEntry("card", AttributeValue.fromS("9999000011112222"));
        // the values handed back write on: a later update keeps the stored card, not the masked one it shows
        accounts.update(updated, Map.of("visits", 2));
        assertThat(raw.getItem(b -> b.tableName(accounts.tableName()).key(Map.of("id",
                AttributeValue.fromS(updated.id()))).consistentRead(true)).item())
                .containsEntry("card", AttributeValue.fromS("9999000011112222"));
    }
}
