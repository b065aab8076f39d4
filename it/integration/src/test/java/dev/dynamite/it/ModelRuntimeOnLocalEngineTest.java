package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.it.RuntimeModels.Account;
import dev.dynamite.it.RuntimeModels.Doc;
import dev.dynamite.it.RuntimeModels.Hooked;
import dev.dynamite.it.RuntimeModels.Note;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The model runtime on the embedded engine, in process; and restores under injected faults (faults are injected
 * there only).
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Account.class, Doc.class, Note.class, Hooked.class})
class ModelRuntimeOnLocalEngineTest extends ModelRuntimeContract {
    private static final AtomicLong NUMBERS = new AtomicLong(9000);

    private Doc trashedDoc(Model<Doc> docs) {
        Doc doc = docs.create(Map.of("space", "faults", "number", NUMBERS.incrementAndGet(), "title", "t"));
        doc.destroy();
        assertThat(doc.deletedAt).isNotNull();
        assertThat(doc.version).isEqualTo(2);
        return doc;
    }

    private Map<String, AttributeValue> stored(Model<Doc> docs, Doc doc) {
        return raw.getItem(b -> b.tableName(docs.tableName()).key(docs.itemKey(doc.space, doc.number))
                .consistentRead(true)).item();
    }

    @Test
    void aRestoreThatFailsIsInDoubtAsASaveIsAndTheEntityReadAgainRestores(DynamoDbLocal local) {
        Model<Doc> docs = dynamite.model(Doc.class);
        Doc doc = trashedDoc(docs);
        local.faults().on("UpdateItem").serverError().always();
        try {
            assertThatThrownBy(doc::restore).isInstanceOfSatisfying(DynamoDbException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));
        } finally {
            local.faults().clear();
        }
        // an HTTP 500 leaves the write in doubt: the entity shows what the restore attempted, as after a save
        assertThat(doc.deletedAt).isNull();
        assertThat(doc.version).isEqualTo(3);
        assertThat(stored(docs, doc)).containsKey("deletedAt").containsEntry("version", AttributeValue.fromN("2"));
        // and it cannot overwrite what the table holds: its version is not the stored one
        assertThatThrownBy(doc::restore).isInstanceOf(OptimisticLockException.class);
        assertThat(stored(docs, doc)).containsKey("deletedAt").containsEntry("version", AttributeValue.fromN("2"));

        Doc reread = docs.onlyTrashed(Map.of("space", doc.space, "number", doc.number)).get(0);
        assertThat(reread.deletedAt).isNotNull();
        reread.restore();
        assertThat(reread.deletedAt).isNull();
        assertThat(reread.version).isEqualTo(3);
        assertThat(stored(docs, doc)).doesNotContainKey("deletedAt")
                .containsEntry("version", AttributeValue.fromN("3"));
    }

    @Test
    void aRestoreWhoseResponseIsLostIsReportedOnceAndTheEntityWritesOn(DynamoDbLocal local) {
        Model<Doc> docs = dynamite.model(Doc.class);
        Doc doc = trashedDoc(docs);
        Fault fault = local.faults().on("UpdateItem").lostResponse().once();

        doc.restore();

        assertThat(fault.injected()).isOne();
        assertThat(doc.deletedAt).isNull();
        assertThat(doc.version).isEqualTo(3);
        assertThat(stored(docs, doc)).doesNotContainKey("deletedAt")
                .containsEntry("version", AttributeValue.fromN("3"));
        doc.title = "after";
        assertThat(doc.save()).isTrue();
        assertThat(stored(docs, doc)).containsEntry("version", AttributeValue.fromN("4"));
    }
}
