package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.api.HookException;
import dev.dynamite.api.ItemAlreadyExistsException;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.it.RecordRuntimeModels.Account;
import dev.dynamite.it.RecordRuntimeModels.Doc;
import dev.dynamite.it.RecordRuntimeModels.Hooked;
import dev.dynamite.it.RecordRuntimeModels.Note;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The model runtime end to end on record models ({@link RecordRuntimeModels}), scenario for scenario as
 * {@link ModelRuntimeContract} runs it on active records: create, read, update, soft and hard delete, data
 * annotations, hooks, versions and counters, through {@code Model<T>} only. Every write hands back a new record and
 * leaves the one given unchanged; where an active record's own method has no counterpart for a record (filling in
 * place, {@code isPersisted()}, {@code toMap()}, a hook that changes the value), the test asserts what a record does
 * instead, and says so; {@code restore}, {@code forceDestroy} and the options of one write go through the handle
 * ({@code accounts.restore(trashed)}, {@code hookeds.delete(h, MutationOptions.skipHooks())}).
 */
abstract class RecordRuntimeContract extends FixtureContract {
    private Model<Account> accounts;
    private Model<Doc> docs;
    private Model<Note> notes;
    private Model<Hooked> hookeds;

    @BeforeAll
    void models() {
        accounts = dynamite.model(Account.class);
        docs = dynamite.model(Doc.class);
        notes = dynamite.model(Note.class);
        hookeds = dynamite.model(Hooked.class);
    }

    @BeforeEach
    void reset() {
        dynamite.connect();   // another test class may have replaced the global client
        log.clear();
        RecordRuntimeModels.EVENTS.clear();
    }

    private Map<String, AttributeValue> rawItem(Model<?> model, Map<String, AttributeValue> key) {
        var response = raw.getItem(b -> b.tableName(model.tableName()).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    private Map<String, AttributeValue> rawItem(Model<?> model, String id) {
        return rawItem(model, Map.of("id", AttributeValue.fromS(id)));
    }

    private Map<String, AttributeValue> rawAccount(String id) {
        return rawItem(accounts, id);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    // ------------------------------------------------------------------ create

    @Test
    void createFromAMapAppliesDefaultsTransformsAndTimestampsAndReadsBack() {
        Instant before = Instant.now().minusMillis(5);
        Account account = accounts.create(Map.of("name", "Ada", "email", "  Ada@Example.COM ",
                "balance", 12.5, "tags", List.of("a", "b")));

        assertThat(UUID.fromString(account.id())).isNotNull();
        assertThat(account.email()).isEqualTo("ada@example.com");
        assertThat(account.role()).isEqualTo("customer");
        assertThat(account.credits()).isEqualTo(3);
        assertThat(account.balance()).isEqualByComparingTo("12.5");
        assertThat(account.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(account.createdAt())).isBetween(before, Instant.now().plusMillis(5));
        assertThat(account.updatedAt()).isEqualTo(Instant.parse(account.createdAt()));
        assertThat(account.deletedAt()).isNull();

        Map<String, AttributeValue> stored = rawAccount(account.id());
        assertThat(stored.get("email").s()).isEqualTo("ada@example.com");
        assertThat(stored.get("createdAt").s()).isEqualTo(account.createdAt());
        assertThat(stored).doesNotContainKeys("computed", "deletedAt", "card");

        // a record has no toMap(): the value read back equals the value created, component by component
        assertThat(accounts.find(account.id()).orElseThrow()).isEqualTo(account);
        assertThat(log.requests(PutItemRequest.class))
                .singleElement().satisfies(put -> assertThat(put.conditionExpression())
                        .isEqualTo("attribute_not_exists(#n0)"));

        // a record has no isPersisted(): the value handed back is persisted, so saving it has nothing to send
        log.clear();
        assertThat(accounts.save(account)).isEqualTo(account);
        assertThat(log.operations()).isEmpty();
    }

    @Test
    void createFromAConsumerAndFromAnEntity() {
        // a record cannot be filled in place: create(Consumer) is refused before any request
        assertThatThrownBy(() -> notes.create(n -> { })).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Note").hasMessageContaining("a record").hasMessageContaining("create(Map)");
        assertThat(log.operations()).isEmpty();

        Note fromMap = notes.create(Map.of("id", newId(), "text", "map"));
        Note given = Note.of(newId(), "entity");
        Note created = notes.create(given);

        // a record is a value: a new one is handed back, and the one given is untouched
        assertThat(created).isNotSameAs(given);
        assertThat(given.ulid()).isNull();
        assertThat(created.ulid()).hasSize(26).isGreaterThan(fromMap.ulid());
        assertThat(notes.find(fromMap.id()).orElseThrow()).isEqualTo(fromMap);
        assertThat(notes.find(given.id()).orElseThrow()).isEqualTo(created)
                .satisfies(n -> assertThat(n.text()).isEqualTo("entity"));
    }

    @Test
    void aCreateThatCollidesFailsAndLeavesTheOriginalIntact() {
        String id = newId();
        accounts.create(Map.of("id", id, "name", "original", "email", "o@example.com"));

        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "intruder", "email", "i@example.com")))
                .isInstanceOf(ItemAlreadyExistsException.class)
                .hasMessageContaining("Account").hasMessageContaining(id)
                .satisfies(e -> assertThat(((ItemAlreadyExistsException) e).key()).containsEntry("id", id));
        Account intruder = Account.of(id, "intruder", "i@example.com");
        assertThatThrownBy(() -> accounts.save(intruder)).isInstanceOf(ItemAlreadyExistsException.class);
        // a record has no isPersisted(): the refused value stays new, so saving it again is a create again
        assertThatThrownBy(() -> accounts.save(intruder)).isInstanceOf(ItemAlreadyExistsException.class);
        assertThat(log.count("UpdateItem")).isZero();

        assertThat(rawAccount(id).get("name").s()).isEqualTo("original");
        assertThat(rawAccount(id).get("email").s()).isEqualTo("o@example.com");
    }

    @Test
    void badInputIsRefusedWithTypedErrorsAndNothingIsWritten() {
        String id = newId();
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "nickname", "y")))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessageContaining("Account.nickname").hasMessageContaining("email");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "visits", "many")))
                .isInstanceOf(ModelValidationException.class).hasMessageStartingWith("Account.visits: ")
                .hasMessageContaining("many");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "visits", 2.5)))
                .isInstanceOf(ModelValidationException.class).hasMessageStartingWith("Account.visits: ");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "createdAt", "2020-01-01")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.createdAt")
                .hasMessageContaining("managed by Dynamite");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "deletedAt", 1L)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.deletedAt");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "computed", "c")))
                .isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> notes.create(Map.of("text", "no key")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Note.id")
                .hasMessageContaining("partition key is null");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "email", "a@example.com")))
                .isInstanceOf(ModelValidationException.class)
                .hasMessage("Account.name: an account needs a name");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "", "email", "a@example.com")))
                .hasMessage("Account.name: an account needs a name");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "email", "nobody")))
                .isInstanceOf(ModelValidationException.class)
                .hasMessage("Account.email: 'nobody' is not an e-mail address");
        assertThatThrownBy(() -> accounts.create(Map.of("id", id, "name", "x", "email", "a@example.invalid")))
                .hasMessage("Account.email: example.invalid is not allowed");
        assertThatThrownBy(() -> accounts.create(Account.of(id, "x", "nobody")))
                .hasMessage("Account.email: 'nobody' is not an e-mail address");

        assertThat(rawAccount(id)).isEmpty();
        assertThat(log.count("PutItem")).isZero();
    }

    // ------------------------------------------------------------------ read

    @Test
    void readsAreFaithfulAndGetTransformsNeverDriftIntoTheTable() {
        String id = newId();
        // a legacy row: no name (today @NotNull), an e-mail today's validator refuses, no role (today @Default)
        raw.putItem(b -> b.tableName(accounts.tableName()).item(Map.of(
                "id", AttributeValue.fromS(id), "email", AttributeValue.fromS("Legacy-Address"),
                "card", AttributeValue.fromS("4111111111111111"), "legacyOnly", AttributeValue.fromS("keep me"),
                "visits", AttributeValue.fromN("7"))));

        Account loaded = accounts.find(id).orElseThrow();
        assertThat(loaded.name()).isNull();
        assertThat(loaded.role()).isNull();
        assertThat(loaded.credits()).isNull();
        assertThat(loaded.email()).isEqualTo("Legacy-Address");
        assertThat(loaded.card()).isEqualTo("************1111");

        log.clear();
        for (int cycle = 0; cycle < 3; cycle++) {
            // a record changes through update(record, changes): it cannot be changed in place and saved
            Account again = accounts.find(id).orElseThrow();
            Account next = accounts.update(again, Map.of("visits", again.visits() + 1));
            assertThat(next.visits()).isEqualTo(again.visits() + 1);
            assertThat(next.card()).isEqualTo("************1111");
        }
        assertThat(log.requests(UpdateItemRequest.class)).hasSize(3).allSatisfy(update ->
                assertThat(update.expressionAttributeNames().values()).doesNotContain("card", "email", "role", "name"));
        Map<String, AttributeValue> stored = rawAccount(id);
        assertThat(stored.get("card").s()).isEqualTo("4111111111111111");
        assertThat(stored.get("email").s()).isEqualTo("Legacy-Address");
        assertThat(stored.get("legacyOnly").s()).isEqualTo("keep me");
        assertThat(stored.get("visits").n()).isEqualTo("10");
        assertThat(stored).doesNotContainKeys("role", "credits", "name");

        Account reassigned = accounts.update(accounts.find(id).orElseThrow(),
                Map.of("card", "5500000000000004", "name", "Named"));
        assertThat(rawAccount(id).get("card").s()).isEqualTo("5500000000000004");
        assertThat(reassigned.card()).isEqualTo("************0004");
        assertThat(accounts.find(id).orElseThrow()).isEqualTo(reassigned);
    }

    @Test
    void findByCompositeKeyConvertsKeyValuesAndChecksTheirNumber() {
        Doc doc = docs.create(Map.of("space", "eng", "number", 42, "title", "RFC"));
        assertThat(doc.version()).isEqualTo(1);

        assertThat(docs.find("eng", 42).orElseThrow().title()).isEqualTo("RFC");
        assertThat(docs.find("eng", 43L)).isEmpty();
        assertThatThrownBy(() -> docs.find("eng"))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Doc.number");
        assertThatThrownBy(() -> notes.find("x", "y"))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("no sort key");
        assertThatThrownBy(() -> docs.find("eng", "forty-two"))
                .isInstanceOf(ModelValidationException.class).hasMessageStartingWith("Doc.number: ");
    }

    // ------------------------------------------------------------------ update

    @Test
    void saveSendsOnlyTheChangedAttributesAndKeepsUndeclaredOnes() {
        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com", "state", "new",
                "displayName", "Ada L.", "odd", "o", "tags", List.of("x")));
        raw.updateItem(b -> b.tableName(accounts.tableName()).key(Map.of("id", AttributeValue.fromS(account.id())))
                .updateExpression("SET extra = :e").expressionAttributeValues(Map.of(":e", AttributeValue.fromS("e"))));
        Account loaded = accounts.find(account.id()).orElseThrow();
        log.clear();

        assertThat(accounts.save(loaded)).isEqualTo(loaded);
        assertThat(log.count("UpdateItem")).isZero();

        // a record's changes go through update(record, changes); they are what the write sends
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", "active");
        changes.put("displayName", "Ada Lovelace");
        changes.put("tags", null);
        Account saved = accounts.update(loaded, changes);
        assertThat(saved.state()).isEqualTo("active");
        assertThat(saved.tags()).isNull();
        assertThat(loaded.state()).as("the value given is never changed").isEqualTo("new");

        UpdateItemRequest update = log.requests(UpdateItemRequest.class).get(0);
        assertThat(update.expressionAttributeNames().values())
                .containsExactlyInAnyOrder("status", "display name", "tags", "updatedAt", "id");
        assertThat(update.updateExpression()).startsWith("SET ").contains("REMOVE ");
        assertThat(update.updateExpression()).doesNotContain("status", "display name", "tags");
        assertThat(update.conditionExpression()).startsWith("attribute_exists(");

        Map<String, AttributeValue> stored = rawAccount(account.id());
        assertThat(stored.get("status").s()).isEqualTo("active");
        assertThat(stored.get("display name").s()).isEqualTo("Ada Lovelace");
        assertThat(stored.get("a.b#c:d").s()).isEqualTo("o");
        assertThat(stored.get("extra").s()).isEqualTo("e");
        assertThat(stored).doesNotContainKey("tags");
        assertThat(Instant.parse(stored.get("updatedAt").s())).isEqualTo(saved.updatedAt());

        // a copy made by hand is a new value: saving it is a create, refused, and overwrites nothing
        assertThatThrownBy(() -> accounts.save(saved.withState("copied")))
                .isInstanceOf(ItemAlreadyExistsException.class);
        assertThat(rawAccount(account.id())).isEqualTo(stored);
    }

    @Test
    void twoConcurrentSavesOfDifferentFieldsBothPersist() throws Exception {
        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com"));
        Account first = accounts.find(account.id()).orElseThrow();
        Account second = accounts.find(account.id()).orElseThrow();

        // a record's write of its changes is update(record, changes); each sends only its own field
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Account> a = pool.submit(() -> {
                start.await();
                return accounts.update(first, Map.of("name", "Ada Lovelace"));
            });
            Future<Account> b = pool.submit(() -> {
                start.await();
                return accounts.update(second, Map.of("role", "admin"));
            });
            start.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS).name()).isEqualTo("Ada Lovelace");
            assertThat(b.get(30, TimeUnit.SECONDS).role()).isEqualTo("admin");
        } finally {
            pool.shutdownNow();
        }

        Account merged = accounts.find(account.id()).orElseThrow();
        assertThat(merged.name()).isEqualTo("Ada Lovelace");
        assertThat(merged.role()).isEqualTo("admin");
    }

    @Test
    void updateAssignsAndSavesButRefusesKeysManagedAndUnknownFields() {
        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com"));
        Account updated = accounts.update(account, Map.of("email", " NEW@example.com", "visits", 5L));
        assertThat(updated.email()).isEqualTo("new@example.com");
        assertThat(account.email()).as("the value given is never changed").isEqualTo("ada@example.com");
        assertThat(accounts.find(account.id()).orElseThrow().visits()).isEqualTo(5);
        // an update that changes nothing sends nothing, and hands back an equal value
        log.clear();
        assertThat(accounts.update(updated, Map.of("visits", 5))).isEqualTo(updated);
        assertThat(log.operations()).isEmpty();

        assertThatThrownBy(() -> accounts.update(updated, Map.of("id", "other")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.id")
                .hasMessageContaining("key");
        assertThatThrownBy(() -> accounts.update(updated, Map.of("updatedAt", Instant.EPOCH)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("managed by Dynamite");
        assertThatThrownBy(() -> accounts.update(updated, Map.of("nope", 1)))
                .isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> accounts.update(updated, Map.of("email", "broken")))
                .hasMessage("Account.email: 'broken' is not an e-mail address");
        assertThat(rawAccount(account.id()).get("email").s()).isEqualTo("new@example.com");

        Account fresh = Account.of(newId(), "fresh", "fresh@example.com");
        assertThatThrownBy(() -> accounts.update(fresh, Map.of("name", "x"))).isInstanceOf(ItemNotFoundException.class);
        assertThat(rawAccount(fresh.id())).isEmpty();
    }

    @Test
    void createdAtIsSetOnceAndUpdatedAtOnEveryUpdate() throws InterruptedException {
        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com"));
        String createdAt = account.createdAt();
        Thread.sleep(5);
        // a record's createdAt cannot be overwritten in place; through an update map it is refused as managed
        assertThatThrownBy(() -> accounts.update(account, Map.of("createdAt", "1999-01-01T00:00:00.000Z")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.createdAt")
                .hasMessageContaining("managed by Dynamite");
        Account renamed = accounts.update(account, Map.of("name", "Ada L."));

        assertThat(renamed.createdAt()).isEqualTo(createdAt);
        assertThat(renamed.updatedAt()).isAfter(Instant.parse(createdAt));
        assertThat(account.updatedAt()).isEqualTo(Instant.parse(createdAt));
        Map<String, AttributeValue> stored = rawAccount(account.id());
        assertThat(stored.get("createdAt").s()).isEqualTo(createdAt);
        assertThat(Instant.parse(stored.get("updatedAt").s())).isEqualTo(renamed.updatedAt());
    }

    @Test
    void versionConflictsAreDetectedAndNothingIsWritten() {
        long number = System.nanoTime();
        docs.create(Map.of("space", "v", "number", number, "title", "v1"));
        Doc first = docs.find("v", number).orElseThrow();
        Doc second = docs.find("v", number).orElseThrow();

        Doc firstSaved = docs.update(first, Map.of("title", "first"));
        assertThat(firstSaved.version()).isEqualTo(2);
        assertThat(first.version()).isEqualTo(1);

        assertThatThrownBy(() -> docs.update(second, Map.of("body", "second")))
                .isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining("expected version 1").hasMessageContaining("stored version 2")
                .satisfies(e -> assertThat(((OptimisticLockException) e).actualVersion()).isEqualTo(2L));
        assertThat(second.version()).isEqualTo(1);
        // a stale value is refused by every instance write: delete (soft, for Doc), forceDestroy and restore
        assertThatThrownBy(() -> docs.delete(second)).isInstanceOf(OptimisticLockException.class);
        assertThatThrownBy(() -> docs.forceDestroy(second)).isInstanceOf(OptimisticLockException.class);
        assertThatThrownBy(() -> docs.restore(second)).isInstanceOf(OptimisticLockException.class);

        Doc stored = docs.find("v", number).orElseThrow();
        assertThat(stored).isEqualTo(firstSaved);
        assertThat(stored.title()).isEqualTo("first");
        assertThat(stored.body()).isNull();
        assertThat(stored.version()).isEqualTo(2);

        Doc deleted = docs.delete(stored);
        assertThat(docs.find("v", number)).isEmpty();
        // the soft delete's new version shows in the value handed back and in the trash, as the table holds it
        Doc trashed = docs.onlyTrashed(Map.of("space", "v", "number", number)).get(0);
        assertThat(trashed).isEqualTo(deleted);
        assertThat(trashed.version()).isEqualTo(3);
        assertThat(trashed.deletedAt()).isNotNull();
        assertThat(rawItem(docs, docs.itemKey("v", number)).get("version").n()).isEqualTo("3");

        Doc restored = docs.restore(deleted);
        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.deletedAt()).isNull();
        assertThat(docs.find("v", number)).contains(restored);
        assertThatThrownBy(() -> docs.restore(trashed)).as("the trashed copy is stale now")
                .isInstanceOf(OptimisticLockException.class);
        assertThat(rawItem(docs, docs.itemKey("v", number)).get("version").n()).isEqualTo("4");
    }

    @Test
    void aSaveNeverBringsADeletedItemBackToLife() {
        Note note = notes.create(Map.of("id", newId(), "text", "t"));
        Note stale = notes.find(note.id()).orElseThrow();
        notes.delete(note);
        // a record has no isPersisted(): the deleted value is no longer one Dynamite persists, so it cannot update
        assertThatThrownBy(() -> notes.update(note, Map.of("text", "again")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");

        assertThatThrownBy(() -> notes.update(stale, Map.of("text", "changed")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("deleted or never created");
        assertThatThrownBy(() -> notes.update(stale, RecordRuntimeModels_Note_.likes.add(1)))
                .isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> notes.delete(stale)).isInstanceOf(ItemNotFoundException.class);
        assertThat(rawItem(notes, note.id())).isEmpty();
    }

    // ------------------------------------------------------------------ soft delete

    @Test
    void softDeleteLifecycle() {
        String tag = newId();
        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com", "state", tag));
        Account other = accounts.create(Map.of("name", "Bob", "email", "bob@example.com", "state", tag));

        accounts.delete(account);
        // the value given is never changed: the deletion time shows in the table and in the trash
        assertThat(account.deletedAt()).isNull();
        String deletedAt = rawAccount(account.id()).get("deletedAt").n();
        assertThat(Long.parseLong(deletedAt)).isPositive();
        assertThat(accounts.find(account.id())).isEmpty();
        assertThat(accounts.where("state", tag)).extracting(Account::id).containsExactly(other.id());
        assertThat(accounts.withTrashed(Map.of("state", tag))).extracting(Account::id)
                .containsExactlyInAnyOrder(account.id(), other.id());
        assertThat(accounts.onlyTrashed(Map.of("state", tag))).extracting(Account::id)
                .containsExactly(account.id());

        Account trashed = accounts.onlyTrashed(Map.of("id", account.id())).get(0);
        assertThat(trashed.deletedAt()).isEqualTo(Long.valueOf(deletedAt));
        log.clear();
        accounts.delete(trashed);
        accounts.delete(account);
        assertThat(log.count("UpdateItem")).as("a trashed value is not deleted twice").isZero();
        assertThat(rawAccount(account.id()).get("deletedAt").n()).isEqualTo(deletedAt);

        // deletedAt is managed, and bulk writes skip the trash: restore and forceDestroy of the value are the way out
        assertThatThrownBy(() -> accounts.update(trashed, Map.of("deletedAt", 0L)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.deletedAt")
                .hasMessageContaining("managed by Dynamite");
        assertThat(accounts.update(Map.of("name", "Back"), Map.of("id", account.id()))).isZero();
        assertThat(accounts.delete(Map.of("id", account.id()))).isZero();
        assertThat(rawAccount(account.id()).get("deletedAt").n()).isEqualTo(deletedAt);
        assertThat(rawAccount(account.id()).get("name").s()).isEqualTo("Ada");

        Account back = accounts.restore(trashed);
        assertThat(back.deletedAt()).isNull();
        assertThat(rawAccount(account.id())).doesNotContainKey("deletedAt");
        assertThat(accounts.where("state", tag)).extracting(Account::id)
                .containsExactlyInAnyOrder(account.id(), other.id());
        Account gone = accounts.forceDestroy(back);
        assertThat(gone).isEqualTo(back);
        assertThat(rawAccount(account.id())).isEmpty();
        assertThat(accounts.withTrashed(Map.of("state", tag))).extracting(Account::id).containsExactly(other.id());
    }

    // ------------------------------------------------------------------ hooks

    @Test
    void hooksRunInDeclarationOrderAndReceiveTheChanges() {
        // a record has no superclass: its hooks run in declaration order, the audit ones declared first
        Hooked hooked = hookeds.create(Map.of("id", newId(), "name", "Alpha"));
        assertThat(RecordRuntimeModels.EVENTS).containsExactly("audit.beforeCreate", "zeta", "alpha saw Alpha",
                "afterCreate");
        // a record's hook sees the value and cannot change it: no slug is filled in
        assertThat(hooked.slug()).isNull();
        assertThat(hooked.createdAt()).isPositive();

        RecordRuntimeModels.EVENTS.clear();
        Hooked renamed = hookeds.update(hooked, Map.of("name", "Beta"));
        assertThat(RecordRuntimeModels.EVENTS).containsExactly("audit.beforeUpdate[name]",
                "beforeUpdate{name=Beta} on Beta", "afterUpdate[name]");
        Hooked stored = hookeds.find(hooked.id()).orElseThrow();
        assertThat(stored).isEqualTo(renamed);
        assertThat(stored.name()).isEqualTo("Beta");
        assertThat(stored.slug()).isNull();

        // options per value: skipHooks() on update(record, changes, options) and delete(record, options)
        RecordRuntimeModels.EVENTS.clear();
        Hooked quiet = hookeds.update(renamed, Map.of("name", "Quiet"), MutationOptions.skipHooks());
        assertThat(quiet.name()).isEqualTo("Quiet");
        Hooked typed = hookeds.update(quiet, RecordRuntimeModels_Hooked_.name.set("Typed"),
                MutationOptions.skipHooks());
        assertThat(typed.name()).isEqualTo("Typed");
        assertThat(RecordRuntimeModels.EVENTS).isEmpty();
        assertThat(hookeds.find(hooked.id())).contains(typed);
        Hooked kept = hookeds.update(typed, Map.of("name", "keep"), MutationOptions.skipHooks());
        // "keep" is what the before-destroy hook refuses: with the hooks skipped, the delete goes through
        Hooked deleted = hookeds.delete(kept, MutationOptions.skipHooks());
        assertThat(deleted).isEqualTo(kept);
        assertThat(RecordRuntimeModels.EVENTS).isEmpty();
        assertThat(rawItem(hookeds, hooked.id())).isEmpty();
        Hooked recreated = hookeds.save(deleted, MutationOptions.skipHooks());
        assertThat(hookeds.forceDestroy(recreated, MutationOptions.skipHooks())).isEqualTo(recreated);
        assertThat(RecordRuntimeModels.EVENTS).isEmpty();
        assertThat(rawItem(hookeds, hooked.id())).isEmpty();

        // the bulk forms skip the hooks the same way
        hookeds.create(Map.of("id", hooked.id(), "name", "Alpha"));
        RecordRuntimeModels.EVENTS.clear();
        assertThat(hookeds.update(Map.of("name", "Gamma"), Map.of("id", hooked.id()), MutationOptions.skipHooks()))
                .isOne();
        assertThat(hookeds.find(hooked.id()).orElseThrow().name()).isEqualTo("Gamma");
        assertThat(hookeds.delete(Map.of("id", hooked.id()), MutationOptions.skipHooks())).isOne();
        assertThat(RecordRuntimeModels.EVENTS).isEmpty();
        assertThat(rawItem(hookeds, hooked.id())).isEmpty();

        Hooked doomed = hookeds.create(Map.of("id", newId(), "name", "Delta"));
        RecordRuntimeModels.EVENTS.clear();
        hookeds.delete(doomed);
        assertThat(RecordRuntimeModels.EVENTS).containsExactly("beforeDestroy", "afterDestroy");
        assertThat(rawItem(hookeds, doomed.id())).isEmpty();
    }

    @Test
    void aBeforeHookThatThrowsLeavesTheTableUntouched() {
        String id = newId();
        assertThatThrownBy(() -> hookeds.create(Map.of("id", id, "name", "explode")))
                .isInstanceOf(IllegalStateException.class).hasMessage("before-create refused explode");
        assertThat(rawItem(hookeds, id)).isEmpty();
        assertThat(RecordRuntimeModels.EVENTS).containsExactly("audit.beforeCreate", "zeta");
        assertThat(log.count("PutItem")).isZero();
    }

    @Test
    void failingBeforeUpdateAndBeforeDestroyHooksWriteNothing() {
        Hooked hooked = hookeds.create(Map.of("id", newId(), "name", "keep"));
        Map<String, AttributeValue> stored = rawItem(hookeds, hooked.id());

        assertThatThrownBy(() -> hookeds.update(hooked, Map.of("name", "explode")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("before-update refused");
        // nothing to put back: the record given still holds "keep", which its before-destroy hook refuses
        assertThat(hooked.name()).isEqualTo("keep");
        assertThatThrownBy(() -> hookeds.delete(hooked)).isInstanceOf(HookException.class)
                .hasMessageContaining("Hooked.beforeDestroy()").hasCauseInstanceOf(IOException.class);

        assertThat(rawItem(hookeds, hooked.id())).isEqualTo(stored);
        assertThat(RecordRuntimeModels.EVENTS).contains("beforeDestroy").doesNotContain("afterDestroy")
                .noneMatch(e -> e.startsWith("afterUpdate"));
    }

    @Test
    void hooksAreOptInWhenTheConfigurationSaysSo() {
        try (Dynamite optIn = new Dynamite(dynamite.config().toBuilder().hooksByDefault(false).build())) {
            Model<Hooked> model = optIn.model(Hooked.class);
            Hooked quiet = model.create(Map.of("id", newId(), "name", "Quiet"));
            assertThat(RecordRuntimeModels.EVENTS).isEmpty();
            assertThat(model.find(quiet.id())).contains(quiet);

            model.create(Map.of("id", newId(), "name", "Loud"), MutationOptions.hooks());
            assertThat(RecordRuntimeModels.EVENTS).containsExactly("audit.beforeCreate", "zeta", "alpha saw Loud",
                    "afterCreate");
        }
    }

    // ------------------------------------------------------------------ bulk and counters

    @Test
    void bulkUpdateAndDeleteWithEqualityFilters() {
        String tag = newId();
        Account a = accounts.create(Map.of("name", "A", "email", "a@example.com", "state", tag, "role", "x"));
        Account b = accounts.create(Map.of("name", "B", "email", "b@example.com", "state", tag));
        Account c = accounts.create(Map.of("name", "C", "email", "c@example.com", "state", tag));
        accounts.create(Map.of("name", "D", "email", "d@example.com", "state", "other-" + tag));

        assertThatThrownBy(() -> accounts.update(Map.of("role", "y"), Map.of()))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("updateAll");
        assertThatThrownBy(() -> accounts.delete(Map.of()))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("deleteAll");
        assertThatThrownBy(() -> accounts.update(Map.of("nope", 1), Map.of("state", tag)))
                .isInstanceOf(UnknownFieldException.class);

        assertThat(accounts.update(Map.of("role", "member"), Map.of("state", tag, "role", "customer")))
                .isEqualTo(2);
        assertThat(accounts.find(a.id()).orElseThrow().role()).isEqualTo("x");
        assertThat(accounts.find(b.id()).orElseThrow().role()).isEqualTo("member");

        Map<String, Object> absentTags = new HashMap<>();
        absentTags.put("state", tag);
        absentTags.put("tags", null);
        assertThat(accounts.where(absentTags)).hasSize(3);
        accounts.update(c, Map.of("tags", List.of("t")));
        assertThat(accounts.where(absentTags)).extracting(Account::id).containsExactlyInAnyOrder(a.id(), b.id());

        assertThat(accounts.delete(Map.of("state", tag, "role", "member", "name", "C"))).isEqualTo(1);
        assertThat(accounts.delete(Map.of("state", tag, "role", "member"))).isEqualTo(1);
        assertThat(accounts.where("state", tag)).extracting(Account::id).containsExactly(a.id());
        assertThat(accounts.onlyTrashed(Map.of("state", tag))).extracting(Account::id)
                .containsExactlyInAnyOrder(b.id(), c.id());
    }

    @Test
    void countersAreAtomicAndNeverCreateItems() throws Exception {
        // a record's instance counter is the typed update likes.add(n); it hands back the value the table returned
        Note note = notes.create(Map.of("id", newId(), "likes", 1));
        Note other = notes.find(note.id()).orElseThrow();
        Note once = notes.update(note, RecordRuntimeModels_Note_.likes.add(1));
        assertThat(once.likes()).isEqualTo(2);
        Note more = notes.update(other, RecordRuntimeModels_Note_.likes.add(5));
        assertThat(more.likes()).isEqualTo(7);
        assertThat(other.likes()).as("the value given is never changed").isEqualTo(1);
        Note less = notes.update(once, RecordRuntimeModels_Note_.likes.add(-2));
        assertThat(less.likes()).isEqualTo(5);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                done.add(pool.submit(() -> notes.update(notes.find(note.id()).orElseThrow(),
                        RecordRuntimeModels_Note_.likes.add(1))));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(notes.find(note.id()).orElseThrow().likes()).isEqualTo(15);

        assertThat(notes.increment("likes", 10, Map.of("id", note.id()))).isEqualTo(1);
        assertThat(notes.decrement("likes", 1, Map.of("id", note.id()))).isEqualTo(1);
        assertThat(notes.find(note.id()).orElseThrow().likes()).isEqualTo(24);
        assertThat(notes.increment("likes", 1, Map.of("id", newId()))).isZero();

        Note ghost = Note.of(newId(), null);
        assertThatThrownBy(() -> notes.update(ghost, RecordRuntimeModels_Note_.likes.add(1)))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("never create");
        assertThat(rawItem(notes, ghost.id())).isEmpty();
        assertThatThrownBy(() -> notes.increment("text", 1, Map.of("id", note.id())))
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Note.text").hasMessageContaining("not a counter");

        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com"));
        Thread.sleep(3);
        Account visited = accounts.update(account, RecordRuntimeModels_Account_.visits.add(3));
        assertThat(visited.visits()).isEqualTo(3);
        assertThat(visited.updatedAt()).isAfter(account.updatedAt());
        assertThat(rawAccount(account.id()).get("visits").n()).isEqualTo("3");
    }

    // ------------------------------------------------------------------ items, clients

    @Test
    void nullComponentsStayOutOfTheItemAndSaveFollowsTheLifeCycle() {
        // a record has no toMap(), toJson() or isPersisted(): the stored item and what save(record) sends show them
        Note given = Note.of("n-" + newId(), "say \"hi\"\n");
        Note created = notes.save(given);
        assertThat(log.count("PutItem")).isOne();
        Map<String, AttributeValue> item = rawItem(notes, given.id());
        assertThat(item).containsOnlyKeys("id", "ulid", "text", "likes");
        assertThat(item.get("text").s()).isEqualTo("say \"hi\"\n");
        assertThat(item.get("likes").n()).isEqualTo("0");
        assertThat(item.get("ulid").s()).isEqualTo(created.ulid()).hasSize(26);

        log.clear();
        assertThat(notes.save(created)).isEqualTo(created);
        assertThat(log.operations()).as("persisted and unchanged: nothing to send").isEmpty();

        notes.delete(created);
        assertThat(rawItem(notes, given.id())).isEmpty();
        log.clear();
        Note again = notes.save(created);
        assertThat(log.count("PutItem")).as("deleted, the value is new again: save creates it").isOne();
        assertThat(notes.find(given.id())).contains(again);

        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com",
                "balance", new BigDecimal("0.10"), "tags", List.of("a")));
        Map<String, AttributeValue> stored = rawAccount(account.id());
        assertThat(new BigDecimal(stored.get("balance").n())).isEqualByComparingTo("0.1");
        assertThat(stored.get("tags").l()).containsExactly(AttributeValue.fromS("a"));
        assertThat(Instant.parse(stored.get("updatedAt").s())).isEqualTo(account.updatedAt());
        assertThat(stored).doesNotContainKeys("deletedAt", "card", "computed");
        assertThat(stored.values()).noneMatch(value -> Boolean.TRUE.equals(value.nul()));
    }

    @Test
    void aModelOfOneClientWritesThroughThatClientAndItsEntitiesStayOnIt(DynamiteConfig.Builder config) {
        try (Dynamite second = new Dynamite(config.tables(Note.class).build())) {
            second.sync();
            Model<Note> onSecondModel = second.model(Note.class);
            Note onSecond = onSecondModel.create(Map.of("id", newId(), "text", "second"));
            assertThat(notes.find(onSecond.id())).isEmpty();

            // a record has no save() of its own: the handle it goes through says which client writes it
            Note changed = onSecondModel.update(onSecond, Map.of("text", "still second"));
            assertThat(onSecondModel.find(onSecond.id())).contains(changed);
            assertThat(notes.find(onSecond.id())).isEmpty();
            assertThatThrownBy(() -> notes.update(changed, Map.of("text", "first")))
                    .isInstanceOf(ItemNotFoundException.class);
            assertThat(notes.find(onSecond.id())).isEmpty();
            assertThat(onSecondModel.find(onSecond.id()).orElseThrow().text()).isEqualTo("still second");
        }
    }

    @Test
    void attributeNamesWithSpacesDotsAndReservedWordsWorkInFilters() {
        String state = "status " + newId();
        Account account = accounts.create(Map.of("name", "Ada", "email", "ada@example.com", "state", state,
                "displayName", "x", "odd", "#:.name"));
        assertThat(accounts.where(Map.of("state", state, "displayName", "x", "odd", "#:.name")))
                .extracting(Account::id).containsExactly(account.id());
        assertThat(accounts.where(RecordRuntimeModels_Account_.state.eq(state)
                .and(RecordRuntimeModels_Account_.odd.eq("#:.name")))).containsExactly(account);
        assertThatThrownBy(() -> accounts.where(Map.of("computed", "x"))).isInstanceOf(UnknownFieldException.class);
    }
}
