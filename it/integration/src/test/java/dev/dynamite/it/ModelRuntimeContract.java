package dev.dynamite.it;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.ItemAlreadyExistsException;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.it.RuntimeModels.Account;
import dev.dynamite.it.RuntimeModels.Doc;
import dev.dynamite.it.RuntimeModels.Hooked;
import dev.dynamite.it.RuntimeModels.Note;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The model runtime end to end: create, read, update, soft and hard delete, data annotations, hooks, versions and
 * counters, against a real server. Subclasses say which server; every test uses its own keys.
 */
abstract class ModelRuntimeContract extends FixtureContract {


    @BeforeEach
    void reset() {
        dynamite.connect();   // another test class may have replaced the global client
        log.clear();
        RuntimeModels.EVENTS.clear();
    }

    private String table(Class<? extends Table<?>> model) {
        return dynamite.config().tablePrefix() + dev.dynamite.schema.EntityMetadata.of(model).tableName();
    }

    private Map<String, AttributeValue> rawItem(Class<? extends Table<?>> model, Map<String, AttributeValue> key) {
        var response = raw.getItem(b -> b.tableName(table(model)).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    private Map<String, AttributeValue> rawAccount(String id) {
        return rawItem(Account.class, Map.of("id", AttributeValue.fromS(id)));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    // ------------------------------------------------------------------ create

    @Test
    void createFromAMapAppliesDefaultsTransformsAndTimestampsAndReadsBack() {
        Instant before = Instant.now().minusMillis(5);
        Account account = Account.model.create(Map.of("name", "Ada", "email", "  Ada@Example.COM ",
                "balance", 12.5, "tags", List.of("a", "b")));

        assertThat(account.isPersisted()).isTrue();
        assertThat(UUID.fromString(account.id)).isNotNull();
        assertThat(account.email).isEqualTo("ada@example.com");
        assertThat(account.role).isEqualTo("customer");
        assertThat(account.credits).isEqualTo(3);
        assertThat(account.balance).isEqualByComparingTo("12.5");
        assertThat(account.createdAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(account.createdAt)).isBetween(before, Instant.now().plusMillis(5));
        assertThat(account.updatedAt).isEqualTo(Instant.parse(account.createdAt));
        assertThat(account.deletedAt).isNull();

        Map<String, AttributeValue> stored = rawAccount(account.id);
        assertThat(stored.get("email").s()).isEqualTo("ada@example.com");
        assertThat(stored.get("createdAt").s()).isEqualTo(account.createdAt);
        assertThat(stored).doesNotContainKeys("computed", "scratch", "deletedAt", "card");

        Account loaded = Account.model.find(account.id).orElseThrow();
        assertThat(loaded.toMap()).isEqualTo(account.toMap());
        assertThat(log.requests(software.amazon.awssdk.services.dynamodb.model.PutItemRequest.class))
                .singleElement().satisfies(put -> assertThat(put.conditionExpression())
                        .isEqualTo("attribute_not_exists(#n0)"));
    }

    @Test
    void createFromAConsumerAndFromAnEntity() {
        Note fromConsumer = dynamite.model(Note.class).create(n -> {
            n.id = newId();
            n.text = "consumer";
        });
        Note entity = new Note();
        entity.id = newId();
        entity.text = "entity";
        Note created = dynamite.model(Note.class).create(entity);

        assertThat(created).isSameAs(entity);
        assertThat(entity.ulid).hasSize(26).isGreaterThan(fromConsumer.ulid);
        assertThat(dynamite.model(Note.class).find(fromConsumer.id).orElseThrow().text).isEqualTo("consumer");
        assertThat(dynamite.model(Note.class).find(entity.id).orElseThrow().text).isEqualTo("entity");
    }

    @Test
    void aCreateThatCollidesFailsAndLeavesTheOriginalIntact() {
        String id = newId();
        Account.model.create(Map.of("id", id, "name", "original", "email", "o@example.com"));

        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "intruder", "email", "i@example.com")))
                .isInstanceOf(ItemAlreadyExistsException.class)
                .hasMessageContaining("Account").hasMessageContaining(id)
                .satisfies(e -> assertThat(((ItemAlreadyExistsException) e).key()).containsEntry("id", id));
        Account intruder = new Account();
        intruder.id = id;
        intruder.name = "intruder";
        assertThatThrownBy(intruder::save).isInstanceOf(ItemAlreadyExistsException.class);
        assertThat(intruder.isPersisted()).isFalse();

        assertThat(rawAccount(id).get("name").s()).isEqualTo("original");
        assertThat(rawAccount(id).get("email").s()).isEqualTo("o@example.com");
    }

    @Test
    void badInputIsRefusedWithTypedErrorsAndNothingIsWritten() {
        String id = newId();
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "nickname", "y")))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessageContaining("Account.nickname").hasMessageContaining("email");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "visits", "many")))
                .isInstanceOf(ModelValidationException.class).hasMessageStartingWith("Account.visits: ")
                .hasMessageContaining("many");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "visits", 2.5)))
                .isInstanceOf(ModelValidationException.class).hasMessageStartingWith("Account.visits: ");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "createdAt", "2020-01-01")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.createdAt")
                .hasMessageContaining("managed by Dynamite");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "deletedAt", 1L)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.deletedAt");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "computed", "c")))
                .isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> dynamite.model(Note.class).create(Map.of("text", "no key")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Note.id")
                .hasMessageContaining("partition key is null");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "email", "a@example.com")))
                .isInstanceOf(ModelValidationException.class)
                .hasMessage("Account.name: an account needs a name");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "", "email", "a@example.com")))
                .hasMessage("Account.name: an account needs a name");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "email", "nobody")))
                .isInstanceOf(ModelValidationException.class)
                .hasMessage("Account.email: 'nobody' is not an e-mail address");
        assertThatThrownBy(() -> Account.model.create(Map.of("id", id, "name", "x", "email", "a@example.invalid")))
                .hasMessage("Account.email: example.invalid is not allowed");

        assertThat(rawAccount(id)).isEmpty();
        assertThat(log.count("PutItem")).isZero();
    }

    // ------------------------------------------------------------------ read

    @Test
    void readsAreFaithfulAndGetTransformsNeverDriftIntoTheTable() {
        String id = newId();
        // a legacy row: no name (today @NotNull), an e-mail today's validator refuses, no role (today @Default)
        raw.putItem(b -> b.tableName(table(Account.class)).item(Map.of(
                "id", AttributeValue.fromS(id), "email", AttributeValue.fromS("Legacy-Address"),
                "card", AttributeValue.fromS("4111111111111111"), "legacyOnly", AttributeValue.fromS("keep me"),
                "visits", AttributeValue.fromN("7"))));

        Account loaded = Account.model.find(id).orElseThrow();
        assertThat(loaded.name).isNull();
        assertThat(loaded.role).isNull();
        assertThat(loaded.credits).isNull();
        assertThat(loaded.email).isEqualTo("Legacy-Address");
        assertThat(loaded.card).isEqualTo("************1111");

        for (int cycle = 0; cycle < 3; cycle++) {
            Account again = Account.model.find(id).orElseThrow();
            again.visits++;
            assertThat(again.save()).isTrue();
        }
        Map<String, AttributeValue> stored = rawAccount(id);
        assertThat(stored.get("card").s()).isEqualTo("4111111111111111");
        assertThat(stored.get("email").s()).isEqualTo("Legacy-Address");
        assertThat(stored.get("legacyOnly").s()).isEqualTo("keep me");
        assertThat(stored.get("visits").n()).isEqualTo("10");
        assertThat(stored).doesNotContainKeys("role", "credits", "name");

        Account reassigned = Account.model.find(id).orElseThrow();
        reassigned.card = "5500000000000004";
        reassigned.name = "Named";
        reassigned.save();
        assertThat(rawAccount(id).get("card").s()).isEqualTo("5500000000000004");
        assertThat(reassigned.card).isEqualTo("************0004");
    }

    @Test
    void findByCompositeKeyConvertsKeyValuesAndChecksTheirNumber() {
        Doc doc = dynamite.model(Doc.class).create(Map.of("space", "eng", "number", 42, "title", "RFC"));
        assertThat(doc.version).isEqualTo(1);

        assertThat(dynamite.model(Doc.class).find("eng", 42).orElseThrow().title).isEqualTo("RFC");
        assertThat(dynamite.model(Doc.class).find("eng", 43L)).isEmpty();
        assertThatThrownBy(() -> dynamite.model(Doc.class).find("eng"))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Doc.number");
        assertThatThrownBy(() -> dynamite.model(Note.class).find("x", "y"))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("no sort key");
        assertThatThrownBy(() -> dynamite.model(Doc.class).find("eng", "forty-two"))
                .isInstanceOf(ModelValidationException.class).hasMessageStartingWith("Doc.number: ");
    }

    // ------------------------------------------------------------------ update

    @Test
    void saveSendsOnlyTheChangedAttributesAndKeepsUndeclaredOnes() {
        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com", "state", "new",
                "displayName", "Ada L.", "odd", "o", "tags", List.of("x")));
        raw.updateItem(b -> b.tableName(table(Account.class)).key(Map.of("id", AttributeValue.fromS(account.id)))
                .updateExpression("SET extra = :e").expressionAttributeValues(Map.of(":e", AttributeValue.fromS("e"))));
        Account loaded = Account.model.find(account.id).orElseThrow();
        log.clear();

        assertThat(loaded.save()).isFalse();
        assertThat(log.count("UpdateItem")).isZero();

        loaded.state = "active";
        loaded.displayName = "Ada Lovelace";
        loaded.tags = null;
        assertThat(loaded.save()).isTrue();

        UpdateItemRequest update = log.requests(UpdateItemRequest.class).get(0);
        assertThat(update.expressionAttributeNames().values())
                .containsExactlyInAnyOrder("status", "display name", "tags", "updatedAt", "id");
        assertThat(update.updateExpression()).startsWith("SET ").contains("REMOVE ");
        assertThat(update.updateExpression()).doesNotContain("status", "display name", "tags");
        assertThat(update.conditionExpression()).startsWith("attribute_exists(");

        Map<String, AttributeValue> stored = rawAccount(account.id);
        assertThat(stored.get("status").s()).isEqualTo("active");
        assertThat(stored.get("display name").s()).isEqualTo("Ada Lovelace");
        assertThat(stored.get("a.b#c:d").s()).isEqualTo("o");
        assertThat(stored.get("extra").s()).isEqualTo("e");
        assertThat(stored).doesNotContainKey("tags");
        assertThat(Instant.parse(stored.get("updatedAt").s())).isEqualTo(loaded.updatedAt);
    }

    @Test
    void twoConcurrentSavesOfDifferentFieldsBothPersist() throws Exception {
        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com"));
        Account first = Account.model.find(account.id).orElseThrow();
        Account second = Account.model.find(account.id).orElseThrow();
        first.name = "Ada Lovelace";
        second.role = "admin";

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Boolean> a = pool.submit(() -> {
                start.await();
                return first.save();
            });
            Future<Boolean> b = pool.submit(() -> {
                start.await();
                return second.save();
            });
            start.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(b.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        Account merged = Account.model.find(account.id).orElseThrow();
        assertThat(merged.name).isEqualTo("Ada Lovelace");
        assertThat(merged.role).isEqualTo("admin");
    }

    @Test
    void updateAssignsAndSavesButRefusesKeysManagedAndUnknownFields() {
        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com"));
        assertThat(account.update(Map.of("email", " NEW@example.com", "visits", 5L))).isTrue();
        assertThat(account.email).isEqualTo("new@example.com");
        assertThat(Account.model.find(account.id).orElseThrow().visits).isEqualTo(5);
        assertThat(account.update(Map.of("visits", 5))).isFalse();

        assertThatThrownBy(() -> account.update(Map.of("id", "other")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Account.id")
                .hasMessageContaining("key");
        assertThatThrownBy(() -> account.update(Map.of("updatedAt", Instant.EPOCH)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("managed by Dynamite");
        assertThatThrownBy(() -> account.update(Map.of("nope", 1))).isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> account.update(Map.of("email", "broken")))
                .hasMessage("Account.email: 'broken' is not an e-mail address");
        assertThat(rawAccount(account.id).get("email").s()).isEqualTo("new@example.com");

        Account fresh = new Account();
        fresh.id = newId();
        assertThatThrownBy(() -> fresh.update(Map.of("name", "x"))).isInstanceOf(ItemNotFoundException.class);
        assertThat(rawAccount(fresh.id)).isEmpty();
    }

    @Test
    void createdAtIsSetOnceAndUpdatedAtOnEveryUpdate() throws InterruptedException {
        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com"));
        String createdAt = account.createdAt;
        Thread.sleep(5);
        account.createdAt = "1999-01-01T00:00:00.000Z";
        account.name = "Ada L.";
        account.save();

        assertThat(account.createdAt).isEqualTo(createdAt);
        assertThat(account.updatedAt).isAfter(Instant.parse(createdAt));
        Map<String, AttributeValue> stored = rawAccount(account.id);
        assertThat(stored.get("createdAt").s()).isEqualTo(createdAt);
        assertThat(Instant.parse(stored.get("updatedAt").s())).isEqualTo(account.updatedAt);
    }

    @Test
    void versionConflictsAreDetectedAndNothingIsWritten() {
        Model<Doc> docs = dynamite.model(Doc.class);
        long number = System.nanoTime();
        docs.create(Map.of("space", "v", "number", number, "title", "v1"));
        Doc first = docs.find("v", number).orElseThrow();
        Doc second = docs.find("v", number).orElseThrow();

        first.title = "first";
        assertThat(first.save()).isTrue();
        assertThat(first.version).isEqualTo(2);

        second.body = "second";
        assertThatThrownBy(second::save).isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining("expected version 1").hasMessageContaining("stored version 2")
                .satisfies(e -> assertThat(((OptimisticLockException) e).actualVersion()).isEqualTo(2L));
        assertThat(second.version).isEqualTo(1);
        assertThatThrownBy(second::destroy).isInstanceOf(OptimisticLockException.class);
        assertThatThrownBy(second::forceDestroy).isInstanceOf(OptimisticLockException.class);

        Doc stored = docs.find("v", number).orElseThrow();
        assertThat(stored.title).isEqualTo("first");
        assertThat(stored.body).isNull();
        assertThat(stored.version).isEqualTo(2);

        stored.destroy();
        assertThat(stored.version).isEqualTo(3);
        assertThat(docs.find("v", number)).isEmpty();
        stored.restore();
        assertThat(docs.find("v", number).orElseThrow().version).isEqualTo(4);
    }

    @Test
    void aSaveNeverBringsADeletedItemBackToLife() {
        Note note = dynamite.model(Note.class).create(Map.of("id", newId(), "text", "t"));
        Note stale = dynamite.model(Note.class).find(note.id).orElseThrow();
        note.forceDestroy();
        assertThat(note.isPersisted()).isFalse();

        stale.text = "changed";
        assertThatThrownBy(stale::save).isInstanceOf(ItemNotFoundException.class)
                .hasMessageContaining("deleted or never created");
        assertThatThrownBy(() -> stale.increment("likes")).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(stale::destroy).isInstanceOf(ItemNotFoundException.class);
        assertThat(rawItem(Note.class, Map.of("id", AttributeValue.fromS(note.id)))).isEmpty();
    }

    // ------------------------------------------------------------------ soft delete

    @Test
    void softDeleteLifecycle() {
        String tag = newId();
        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com", "state", tag));
        Account other = Account.model.create(Map.of("name", "Bob", "email", "bob@example.com", "state", tag));

        account.destroy();
        assertThat(account.deletedAt).isNotNull();
        assertThat(account.isPersisted()).isTrue();
        assertThat(rawAccount(account.id).get("deletedAt").n()).isEqualTo(account.deletedAt.toString());
        assertThat(Account.model.find(account.id)).isEmpty();
        assertThat(Account.model.where("state", tag)).extracting(a -> a.id).containsExactly(other.id);
        assertThat(Account.model.withTrashed(Map.of("state", tag))).extracting(a -> a.id)
                .containsExactlyInAnyOrder(account.id, other.id);
        assertThat(Account.model.onlyTrashed(Map.of("state", tag))).extracting(a -> a.id)
                .containsExactly(account.id);

        Long deletedAt = account.deletedAt;
        Account trashed = Account.model.onlyTrashed(Map.of("id", account.id)).get(0);
        trashed.destroy();
        assertThat(rawAccount(account.id).get("deletedAt").n()).isEqualTo(deletedAt.toString());

        trashed.restore();
        assertThat(trashed.deletedAt).isNull();
        assertThat(rawAccount(account.id)).doesNotContainKey("deletedAt");
        assertThat(Account.model.find(account.id)).isPresent();

        trashed.forceDestroy();
        assertThat(trashed.isPersisted()).isFalse();
        assertThat(rawAccount(account.id)).isEmpty();
        assertThatThrownBy(() -> dynamite.model(Note.class).create(Map.of("id", newId())).restore())
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("@DeleteAt");
    }

    // ------------------------------------------------------------------ hooks

    @Test
    void hooksRunInDeclarationOrderSuperclassFirstAndReceiveTheChanges() {
        Hooked hooked = dynamite.model(Hooked.class).create(Map.of("id", newId(), "name", "Alpha"));
        assertThat(RuntimeModels.EVENTS).containsExactly("Audited.beforeCreate", "zeta", "alpha", "afterCreate");
        assertThat(hooked.slug).isEqualTo("alpha");
        assertThat(hooked.createdAt).isPositive();

        RuntimeModels.EVENTS.clear();
        hooked.name = "Beta";
        hooked.save();
        assertThat(RuntimeModels.EVENTS).containsExactly("Audited.beforeUpdate[name]", "beforeUpdate{name=Beta}",
                "afterUpdate[name, slug]");
        Hooked stored = dynamite.model(Hooked.class).find(hooked.id).orElseThrow();
        assertThat(stored.slug).isEqualTo("beta");

        RuntimeModels.EVENTS.clear();
        stored.update(Map.of("name", "Gamma"), MutationOptions.skipHooks());
        stored.forceDestroy(MutationOptions.skipHooks());
        assertThat(RuntimeModels.EVENTS).isEmpty();

        Hooked doomed = dynamite.model(Hooked.class).create(Map.of("id", newId(), "name", "Delta"));
        RuntimeModels.EVENTS.clear();
        doomed.destroy();
        assertThat(RuntimeModels.EVENTS).containsExactly("beforeDestroy", "afterDestroy");
    }

    @Test
    void aBeforeHookThatThrowsLeavesTheTableUntouched() {
        String id = newId();
        assertThatThrownBy(() -> dynamite.model(Hooked.class).create(Map.of("id", id, "name", "explode")))
                .isInstanceOf(IllegalStateException.class).hasMessage("before-create refused explode");
        assertThat(rawItem(Hooked.class, Map.of("id", AttributeValue.fromS(id)))).isEmpty();
        assertThat(RuntimeModels.EVENTS).containsExactly("Audited.beforeCreate", "zeta");
    }

    @Test
    void failingBeforeUpdateAndBeforeDestroyHooksWriteNothing() {
        Hooked hooked = dynamite.model(Hooked.class).create(Map.of("id", newId(), "name", "keep"));
        Map<String, AttributeValue> stored = rawItem(Hooked.class, Map.of("id", AttributeValue.fromS(hooked.id)));

        assertThatThrownBy(() -> hooked.update(Map.of("name", "explode")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("before-update refused");
        hooked.name = "keep";
        assertThatThrownBy(hooked::forceDestroy).isInstanceOf(dev.dynamite.api.HookException.class)
                .hasMessageContaining("Hooked.beforeDestroy()").hasCauseInstanceOf(java.io.IOException.class);

        assertThat(rawItem(Hooked.class, Map.of("id", AttributeValue.fromS(hooked.id)))).isEqualTo(stored);
        assertThat(RuntimeModels.EVENTS).doesNotContain("afterDestroy").noneMatch(e -> e.startsWith("afterUpdate"));
    }

    @Test
    void hooksAreOptInWhenTheConfigurationSaysSo() {
        try (Dynamite optIn = new Dynamite(dynamite.config().toBuilder().hooksByDefault(false).build())) {
            Model<Hooked> model = optIn.model(Hooked.class);
            Hooked quiet = model.create(Map.of("id", newId(), "name", "Quiet"));
            assertThat(RuntimeModels.EVENTS).isEmpty();
            assertThat(quiet.slug).isNull();

            model.create(Map.of("id", newId(), "name", "Loud"), MutationOptions.hooks());
            assertThat(RuntimeModels.EVENTS).containsExactly("Audited.beforeCreate", "zeta", "alpha", "afterCreate");
        }
    }

    // ------------------------------------------------------------------ bulk and counters

    @Test
    void bulkUpdateAndDeleteWithEqualityFilters() {
        String tag = newId();
        Account a = Account.model.create(Map.of("name", "A", "email", "a@example.com", "state", tag, "role", "x"));
        Account b = Account.model.create(Map.of("name", "B", "email", "b@example.com", "state", tag));
        Account c = Account.model.create(Map.of("name", "C", "email", "c@example.com", "state", tag));
        Account.model.create(Map.of("name", "D", "email", "d@example.com", "state", "other-" + tag));

        assertThatThrownBy(() -> Account.model.update(Map.of("role", "y"), Map.of()))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("updateAll");
        assertThatThrownBy(() -> Account.model.delete(Map.of()))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("deleteAll");
        assertThatThrownBy(() -> Account.model.update(Map.of("nope", 1), Map.of("state", tag)))
                .isInstanceOf(UnknownFieldException.class);

        assertThat(Account.model.update(Map.of("role", "member"), Map.of("state", tag, "role", "customer")))
                .isEqualTo(2);
        assertThat(Account.model.find(a.id).orElseThrow().role).isEqualTo("x");
        assertThat(Account.model.find(b.id).orElseThrow().role).isEqualTo("member");

        Map<String, Object> absentTags = new HashMap<>();
        absentTags.put("state", tag);
        absentTags.put("tags", null);
        assertThat(Account.model.where(absentTags)).hasSize(3);
        c.update(Map.of("tags", List.of("t")));
        assertThat(Account.model.where(absentTags)).extracting(x -> x.id).containsExactlyInAnyOrder(a.id, b.id);

        assertThat(Account.model.delete(Map.of("state", tag, "role", "member", "name", "C"))).isEqualTo(1);
        assertThat(Account.model.delete(Map.of("state", tag, "role", "member"))).isEqualTo(1);
        assertThat(Account.model.where("state", tag)).extracting(x -> x.id).containsExactly(a.id);
        assertThat(Account.model.onlyTrashed(Map.of("state", tag))).extracting(x -> x.id)
                .containsExactlyInAnyOrder(b.id, c.id);
    }

    @Test
    void countersAreAtomicAndNeverCreateItems() throws Exception {
        Note note = dynamite.model(Note.class).create(Map.of("id", newId(), "likes", 1));
        Note other = dynamite.model(Note.class).find(note.id).orElseThrow();
        note.increment("likes");
        other.increment("likes", 5);
        assertThat(other.likes).isEqualTo(7);
        note.decrement("likes", 2);
        assertThat(note.likes).isEqualTo(5);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                done.add(pool.submit(() -> dynamite.model(Note.class).find(note.id).orElseThrow().increment("likes")));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dynamite.model(Note.class).find(note.id).orElseThrow().likes).isEqualTo(15);

        assertThat(dynamite.model(Note.class).increment("likes", 10, Map.of("id", note.id))).isEqualTo(1);
        assertThat(dynamite.model(Note.class).decrement("likes", 1, Map.of("id", note.id))).isEqualTo(1);
        assertThat(dynamite.model(Note.class).find(note.id).orElseThrow().likes).isEqualTo(24);
        assertThat(dynamite.model(Note.class).increment("likes", 1, Map.of("id", newId()))).isZero();

        Note ghost = new Note();
        ghost.id = newId();
        assertThatThrownBy(() -> ghost.increment("likes")).isInstanceOf(ItemNotFoundException.class)
                .hasMessageContaining("never create");
        assertThat(rawItem(Note.class, Map.of("id", AttributeValue.fromS(ghost.id)))).isEmpty();
        assertThatThrownBy(() -> note.increment("text")).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Note.text").hasMessageContaining("not a counter");

        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com"));
        Instant updated = account.updatedAt;
        Thread.sleep(3);
        account.increment("visits", 3);
        assertThat(account.visits).isEqualTo(3);
        assertThat(account.updatedAt).isAfter(updated);
    }

    // ------------------------------------------------------------------ maps, JSON, clients

    @Test
    void toMapAndToJsonLeaveNullsOutAndIsPersistedFollowsTheLifeCycle() {
        Note note = new Note();
        note.id = "n-" + newId();
        note.text = "say \"hi\"\n";
        assertThat(note.isPersisted()).isFalse();
        assertThat(note.toMap()).containsOnlyKeys("id", "text", "likes");
        assertThat(note.toJson()).isEqualTo("{\"id\":\"" + note.id + "\",\"text\":\"say \\\"hi\\\"\\n\",\"likes\":0}");

        dynamite.model(Note.class).create(note);
        assertThat(note.isPersisted()).isTrue();
        assertThat(note.toMap()).containsOnlyKeys("id", "ulid", "text", "likes");

        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com",
                "balance", new BigDecimal("0.10"), "tags", List.of("a")));
        assertThat(account.toJson()).contains("\"balance\":0.1", "\"tags\":[\"a\"]",
                "\"updatedAt\":\"" + account.updatedAt + "\"").doesNotContain("deletedAt", "null");
    }

    @Test
    void aModelOfOneClientWritesThroughThatClientAndItsEntitiesStayOnIt(DynamiteConfig.Builder config) {
        try (Dynamite second = new Dynamite(config.tables(Note.class).build())) {
            second.sync();
            Note onSecond = second.model(Note.class).create(Map.of("id", newId(), "text", "second"));
            assertThat(dynamite.model(Note.class).find(onSecond.id)).isEmpty();

            onSecond.text = "still second";
            onSecond.save();
            assertThat(second.model(Note.class).find(onSecond.id).orElseThrow().text).isEqualTo("still second");
            assertThat(Table.model(Note.class).find(onSecond.id)).isEmpty();
        }
    }

    @Test
    void attributeNamesWithSpacesDotsAndReservedWordsWorkInFilters() {
        String state = "status " + newId();
        Account account = Account.model.create(Map.of("name", "Ada", "email", "ada@example.com", "state", state,
                "displayName", "x", "odd", "#:.name"));
        assertThat(Account.model.where(Map.of("state", state, "displayName", "x", "odd", "#:.name")))
                .extracting(a -> a.id).containsExactly(account.id);
        assertThatThrownBy(() -> Account.model.where(Map.of("computed", "x"))).isInstanceOf(UnknownFieldException.class);
    }
}
