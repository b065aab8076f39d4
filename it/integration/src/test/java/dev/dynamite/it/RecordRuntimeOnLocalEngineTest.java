package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Model;
import dev.dynamite.it.RecordRuntimeModels.Account;
import dev.dynamite.it.RecordRuntimeModels.Doc;
import dev.dynamite.it.RecordRuntimeModels.Hooked;
import dev.dynamite.it.RecordRuntimeModels.Note;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The model runtime on record models, on the embedded engine, in process; and record writes in a transaction. */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Account.class, Doc.class, Note.class, Hooked.class})
class RecordRuntimeOnLocalEngineTest extends RecordRuntimeContract {

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
