package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.Expression;
import dev.dynamite.api.InvalidTransactionException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.TransactionCallbackException;
import dev.dynamite.api.TransactionCanceledException;
import dev.dynamite.api.TransactionLimitException;
import dev.dynamite.it.RuntimeModels.Account;
import dev.dynamite.it.RuntimeModels.Hooked;
import dev.dynamite.it.RuntimeModels.Note;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import dev.dynamite.tx.TransactionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Transactions end to end. On the embedded engine only: dynalite has no TransactWriteItems.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Note.class, Account.class, Hooked.class,
        TransactionOnLocalEngineTest.Wallet.class, TransactionOnLocalEngineTest.Purse.class})
class TransactionOnLocalEngineTest extends FixtureContract {
    public static final class Wallet extends Table<Wallet> {
        @PrimaryKey public String id;
        public long balance;
        @Version public long version;
    }

    /** A balance without {@code @Version}: only the caller's filters guard it. */
    public static final class Purse extends Table<Purse> {
        @PrimaryKey public String id;
        public long balance;
    }

    private DynamoDbLocal local;
    private Model<Note> notes;
    private String notesTable;

    @BeforeAll
    void connect(DynamoDbLocal local) {
        this.local = local;
        notes = dynamite.model(Note.class);
        notesTable = dynamite.config().tablePrefix() + "notes";
    }

    @BeforeEach
    void reset() {
        log.clear();
        RuntimeModels.EVENTS.clear();
    }

    private long stored(String table) {
        return local.client().scan(b -> b.tableName(dynamite.config().tablePrefix() + table)).count();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aHundredActionsCommitAtomicallyInOneRequest() {
        long before = stored("notes");
        List<Note> created = dynamite.tx(tx -> {
            List<Note> queued = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                queued.add(notes.create(Map.of("id", id(), "text", "n" + i), tx));
            }
            assertThat(stored("notes")).isEqualTo(before);
            assertThat(queued).noneMatch(Table::isPersisted);
            return queued;
        });
        assertThat(created).hasSize(100).allMatch(Table::isPersisted);
        assertThat(stored("notes")).isEqualTo(before + 100);
        assertThat(log.operations()).containsExactly("TransactWriteItems");
    }

    @Test
    void aFailedConditionOnTheLastActionWritesNothing() {
        Note existing = notes.create(Map.of("id", id(), "text", "taken"));
        long before = stored("notes");
        List<Note> queued = new ArrayList<>();
        assertThatThrownBy(() -> dynamite.tx(tx -> {
            for (int i = 0; i < 99; i++) {
                queued.add(notes.create(Map.of("id", id(), "text", "n" + i), tx));
            }
            notes.create(Map.of("id", existing.id, "text", "collides"), tx);
            return null;
        })).isInstanceOf(TransactionCanceledException.class)
                .hasMessageContaining("action 100 (Note {id=" + existing.id)
                .hasMessageContaining("ConditionalCheckFailed")
                .satisfies(e -> {
                    TransactionCanceledException canceled = (TransactionCanceledException) e;
                    assertThat(canceled.reasons()).hasSize(100);
                    assertThat(canceled.failures()).singleElement().satisfies(r -> {
                        assertThat(r.index()).isEqualTo(100);
                        assertThat(r.model()).isEqualTo(Note.class);
                        assertThat(r.code()).isEqualTo("ConditionalCheckFailed");
                    });
                });
        assertThat(stored("notes")).isEqualTo(before);
        assertThat(queued).noneMatch(Table::isPersisted);
        assertThat(notes.find(existing.id).orElseThrow().text).isEqualTo("taken");
    }

    @Test
    void theHundredAndFirstActionThrowsBeforeAnyRequest() {
        long before = stored("notes");
        log.clear();
        assertThatThrownBy(() -> dynamite.tx(tx -> {
            for (int i = 0; i < 101; i++) {
                notes.create(Map.of("id", id(), "text", "n" + i), tx);
            }
            return null;
        })).isInstanceOf(TransactionLimitException.class).hasMessageContaining("at most 100 actions")
                .hasMessageContaining("action 101");
        assertThat(log.operations()).isEmpty();
        assertThat(stored("notes")).isEqualTo(before);

        try (Dynamite small = new Dynamite(dynamite.config().toBuilder().maxTransactionItems(25).build())) {
            assertThatThrownBy(() -> small.tx(tx -> {
                for (int i = 0; i < 26; i++) {
                    small.model(Note.class).create(Map.of("id", id()), tx);
                }
                return null;
            })).isInstanceOf(TransactionLimitException.class).hasMessageContaining("at most 25 actions");
        }
    }

    @Test
    void aCallbackThatThrowsWritesNothingAndItsExceptionPropagates() {
        long before = stored("notes");
        IllegalStateException failure = new IllegalStateException("changed my mind");
        List<Hooked> queued = new ArrayList<>();
        assertThatThrownBy(() -> dynamite.tx(tx -> {
            for (int i = 0; i < 50; i++) {
                notes.create(Map.of("id", id()), tx);
            }
            queued.add(dynamite.model(Hooked.class).create(Map.of("id", id(), "name", "Tx"), tx));
            throw failure;
        })).isSameAs(failure);
        assertThat(stored("notes")).isEqualTo(before);
        assertThat(queued.get(0).isPersisted()).isFalse();
        assertThat(RuntimeModels.EVENTS).containsExactly("Audited.beforeCreate", "zeta", "alpha");

        assertThatThrownBy(() -> dynamite.tx(tx -> {
            notes.create(Map.of("id", id()), tx);
            throw new java.io.IOException("checked");
        })).isInstanceOf(TransactionCallbackException.class).hasCauseInstanceOf(java.io.IOException.class);
        assertThat(stored("notes")).isEqualTo(before);
        assertThat(log.operations()).isEmpty();
    }

    @Test
    void twoActionsOnOneItemAreRefusedAtQueueTime() {
        Note note = notes.create(Map.of("id", id(), "text", "t"));
        assertThatThrownBy(() -> dynamite.tx(tx -> {
            note.text = "changed";
            note.save(tx);
            note.destroy(tx);
            return null;
        })).isInstanceOf(InvalidTransactionException.class).hasMessageContaining(note.id)
                .hasMessageContaining("one action per item");
        assertThat(notes.find(note.id).orElseThrow().text).isEqualTo("t");
    }

    @Test
    void modelWritesKeepTheirGuaranteesInATransaction() {
        Account account = dynamite.model(Account.class).create(Map.of("name", "Ada", "email", "ada@example.com"));
        Note counter = notes.create(Map.of("id", id(), "likes", 1));
        Note doomed = notes.create(Map.of("id", id()));
        Hooked hooked = dynamite.model(Hooked.class).create(Map.of("id", id(), "name", "before"));
        RuntimeModels.EVENTS.clear();

        assertThatThrownBy(() -> dynamite.tx(tx -> dynamite.model(Account.class)
                .create(Map.of("name", "x", "email", "not-an-address"), tx)))
                .hasMessage("Account.email: 'not-an-address' is not an e-mail address");

        dynamite.tx(tx -> {
            account.update(Map.of("role", "admin"), tx);
            counter.increment("likes", 4, tx);
            doomed.forceDestroy(tx);
            hooked.name = "After";
            hooked.save(tx);
            assertThat(RuntimeModels.EVENTS).containsExactly("Audited.beforeUpdate[name]",
                    "beforeUpdate{name=After}");
            return null;
        });
        assertThat(RuntimeModels.EVENTS).last().isEqualTo("afterUpdate[name, slug]");
        assertThat(dynamite.model(Account.class).find(account.id).orElseThrow().role).isEqualTo("admin");
        assertThat(counter.likes).isEqualTo(5);
        assertThat(notes.find(counter.id).orElseThrow().likes).isEqualTo(5);
        assertThat(doomed.isPersisted()).isFalse();
        assertThat(notes.find(doomed.id)).isEmpty();
        assertThat(dynamite.model(Hooked.class).find(hooked.id).orElseThrow().slug).isEqualTo("after");

        dynamite.tx(tx -> {
            account.destroy(tx);
            return null;
        });
        assertThat(dynamite.model(Account.class).find(account.id)).isEmpty();
        dynamite.tx(tx -> {
            account.restore(tx);
            return null;
        });
        assertThat(dynamite.model(Account.class).find(account.id)).isPresent();
        assertThat(counter.save()).as("a committed increment is not written again").isFalse();
        Integer queued = dynamite.tx(tx -> notes.increment("likes", 10, Map.of("id", counter.id), tx));
        assertThat(queued).isEqualTo(1);
        dynamite.tx(tx -> notes.decrement("likes", 3, Map.of("id", counter.id), tx));
        assertThat(notes.find(counter.id).orElseThrow().likes).isEqualTo(12);
    }

    @Test
    void lowLevelActionsAndOptions() {
        String a = id();
        dynamite.tx(tx -> {
            tx.addPut(notesTable, Map.of("id", a, "text", "low", "likes", 1));
            tx.addConditionCheck(notesTable, Map.of("id", "missing"),
                    Expression.of("attribute_not_exists(#id)").name("#id", "id"));
            return null;
        });
        assertThat(notes.find(a).orElseThrow().text).isEqualTo("low");
        assertThatThrownBy(() -> dynamite.tx(TransactionOptions.builder().returnItemsOnConditionFailure(true)
                .clientRequestToken("token-1").build(), tx -> {
                    tx.addUpdate(notesTable, Map.of("id", a), Expression.of("SET #t = :t").name("#t", "text")
                            .value(":t", "changed"), Expression.of("#l > :n").name("#l", "likes").value(":n", 5));
                    return null;
                })).isInstanceOf(TransactionCanceledException.class).satisfies(e ->
                assertThat(((TransactionCanceledException) e).failures().get(0).item())
                        .containsEntry("text", AttributeValue.fromS("low")));
        assertThat(notes.find(a).orElseThrow().text).isEqualTo("low");
    }

    @Test
    void pivotWritesJoinTheTransaction(DynamiteConfig.Builder config) {
        try (Dynamite relations = new Dynamite(config.tables(RelationModels.ALL).build())) {
            relations.sync();
            Model<RelationModels.Project> projects = relations.model(RelationModels.Project.class);
            RelationModels.Employee e = relations.model(RelationModels.Employee.class)
                    .create(Map.of("id", "e1", "departmentId", "d1", "name", "Ada"));
            for (String p : List.of("p1", "p2", "p3")) {
                projects.create(Map.of("id", p, "name", p.toUpperCase()));
            }
            relations.tx(tx -> {
                e.attach(RelationModels.Project.class, "p1", Map.of("role", "lead"), tx);
                e.attach(RelationModels.Project.class, "p2", tx);
                assertThat(tx.size()).isEqualTo(2);
                return null;
            });
            assertThat(linked(relations, "e1")).containsExactly("p1", "p2");

            assertThatThrownBy(() -> relations.tx(tx -> {
                e.attach(RelationModels.Project.class, "p3", tx);
                throw new IllegalStateException("abort");
            })).hasMessage("abort");
            assertThat(linked(relations, "e1")).containsExactly("p1", "p2");

            relations.tx(tx -> {
                assertThat(e.detach(RelationModels.Project.class, "p9", tx)).isFalse();
                e.sync(RelationModels.Project.class, List.of("p2", "p3"), tx);
                assertThat(tx.size()).isEqualTo(2);
                return null;
            });
            assertThat(linked(relations, "e1")).containsExactly("p2", "p3");
            relations.tx(tx -> {
                assertThat(e.detach(RelationModels.Project.class, "p2", tx)).isTrue();
                return null;
            });
            assertThat(linked(relations, "e1")).containsExactly("p3");
        }
    }

    private static List<String> linked(Dynamite dynamite, String employee) {
        return dynamite.model(RelationModels.Employee.class).find(employee, dev.dynamite.api.QueryOptions.builder()
                .include("projects", dev.dynamite.api.Include.all().order(dev.dynamite.api.Order.ASC)).build())
                .orElseThrow().projects.stream().map(p -> p.id).toList();
    }

    @Test
    void snapshotReadsRunTogetherInOneRequest() {
        Model<Wallet> wallets = dynamite.model(Wallet.class);
        wallets.create(Map.of("id", "s1", "balance", 100));
        wallets.create(Map.of("id", "s2", "balance", 5));
        log.clear();
        dynamite.tx(tx -> {
            dev.dynamite.api.TransactionRead<Wallet> from = tx.get(wallets, "s1");
            dev.dynamite.api.TransactionRead<Wallet> to = tx.get(wallets, "s2");
            dev.dynamite.api.TransactionRead<Wallet> missing = tx.get(wallets, "nope");
            assertThat(log.operations()).isEmpty();
            Wallet a = from.get().orElseThrow();
            Wallet b = to.get().orElseThrow();
            assertThat(missing.get()).isEmpty();
            assertThat(log.operations()).containsExactly("TransactGetItems");
            a.balance -= 40;
            b.balance += 40;
            a.save(tx);
            b.save(tx);
            return null;
        });
        assertThat(log.operations()).containsExactly("TransactGetItems", "TransactWriteItems");
        assertThat(wallets.find("s1").orElseThrow().balance).isEqualTo(60);
        assertThat(wallets.find("s2").orElseThrow().balance).isEqualTo(45);
        assertThatThrownBy(() -> dynamite.tx(tx -> {
            for (int i = 0; i < 101; i++) {
                tx.get(wallets, "w" + i);
            }
            return null;
        })).isInstanceOf(TransactionLimitException.class).hasMessageContaining("at most 100 items");
    }

    @Test
    void concurrentTransfersConserveTheTotal() throws Exception {
        Model<Wallet> wallets = dynamite.model(Wallet.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(wallets.create(Map.of("id", "w" + i, "balance", 1000)).id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    int committed = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int n = 0; n < 25; n++) {
                        String from = ids.get(random.nextInt(ids.size()));
                        String to = ids.get(random.nextInt(ids.size()));
                        if (from.equals(to)) {
                            continue;
                        }
                        long amount = random.nextLong(1, 200);
                        for (int attempt = 0; attempt < 50; attempt++) {
                            Wallet source = wallets.find(from).orElseThrow();
                            Wallet target = wallets.find(to).orElseThrow();
                            if (source.balance < amount) {
                                break;
                            }
                            source.balance -= amount;
                            target.balance += amount;
                            try {
                                dynamite.tx(tx -> {
                                    source.save(MutationOptions.tx(tx));
                                    target.save(MutationOptions.tx(tx));
                                    return null;
                                });
                                committed++;
                                break;
                            } catch (TransactionCanceledException conflict) {
                                continue;   // another transfer changed one of the wallets: read them again
                            }
                        }
                    }
                    return committed;
                }));
            }
            int committed = 0;
            for (Future<Integer> f : done) {
                committed += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(committed).isPositive();
        } finally {
            pool.shutdownNow();
        }
        long total = wallets.where(java.util.Map.of()).stream().mapToLong(w -> w.balance).sum();
        assertThat(total).isEqualTo(20 * 1000);
    }

    private void setBalanceBehindTheModelsBack(String id, long balance) {
        local.client().updateItem(b -> b.tableName(dynamite.config().tablePrefix() + "purses")
                .key(Map.of("id", AttributeValue.fromS(id)))
                .updateExpression("SET balance = :b").expressionAttributeValues(Map.of(":b",
                        AttributeValue.fromN(Long.toString(balance)))));
    }

    @Test
    void aGuardedDecrementIsCancelledWhenTheBalanceChangesBeforeTheCommit() {
        Model<Purse> purses = dynamite.model(Purse.class);
        String id = purses.create(Map.of("id", id(), "balance", 40)).id;

        assertThatThrownBy(() -> dynamite.tx(tx -> {
            assertThat(purses.decrement("balance", 40, Map.of("id", id, "balance", Map.of(">=", 40)), tx)).isOne();
            setBalanceBehindTheModelsBack(id, 0);   // a concurrent withdrawal between the read and the commit
            return null;
        })).isInstanceOf(TransactionCanceledException.class).satisfies(e ->
                assertThat(((TransactionCanceledException) e).failures()).singleElement().satisfies(r -> {
                    assertThat(r.model()).isEqualTo(Purse.class);
                    assertThat(r.code()).isEqualTo("ConditionalCheckFailed");
                }));
        assertThat(purses.find(id).orElseThrow().balance).isZero();
    }

    @Test
    void aCompareAndSetUpdateIsCancelledWhenTheValueItComparedHasChanged() {
        Model<Purse> purses = dynamite.model(Purse.class);
        String id = purses.create(Map.of("id", id(), "balance", 100)).id;

        assertThatThrownBy(() -> dynamite.tx(tx -> {
            assertThat(purses.update(Map.of("balance", 60), Map.of("id", id, "balance", 100), tx)).isOne();
            setBalanceBehindTheModelsBack(id, 0);
            return null;
        })).isInstanceOf(TransactionCanceledException.class).hasMessageContaining("ConditionalCheckFailed");
        assertThat(purses.find(id).orElseThrow().balance).isZero();
    }

    /** Thrown by a transfer whose compare-and-set found the balance already changed at queue time. */
    private static final class Stale extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stale() {
            super("stale balance", null, false, false);
        }
    }

    @Test
    void compareAndSetTransfersBetweenTwentyPursesConserveTheTotal() throws Exception {
        Model<Purse> purses = dynamite.model(Purse.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(purses.create(Map.of("id", "cas-" + i, "balance", 1000)).id);
        }
        int threads = 8;
        int transfersEach = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 13L * (t + 1);
                done.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    int committed = 0;
                    for (int n = 0; n < transfersEach; n++) {
                        int a = random.nextInt(ids.size());
                        int b = (a + 1 + random.nextInt(ids.size() - 1)) % ids.size();
                        String from = ids.get(a);
                        String to = ids.get(b);
                        long amount = 1 + random.nextInt(300);
                        while (true) {
                            long fromBalance = purses.find(from).orElseThrow().balance;
                            long toBalance = purses.find(to).orElseThrow().balance;
                            if (fromBalance < amount) {
                                break;   // not enough money: this transfer is refused, as a bank would
                            }
                            try {
                                dynamite.tx(tx -> {
                                    if (purses.update(Map.of("balance", fromBalance - amount),
                                            Map.of("id", from, "balance", fromBalance), tx) != 1
                                            || purses.update(Map.of("balance", toBalance + amount),
                                            Map.of("id", to, "balance", toBalance), tx) != 1) {
                                        throw new Stale();
                                    }
                                    return null;
                                });
                                committed++;
                                break;
                            } catch (TransactionCanceledException | Stale conflict) {
                                retries.incrementAndGet();
                            }
                        }
                    }
                    return committed;
                }));
            }
            int committed = 0;
            for (Future<Integer> f : done) {
                committed += f.get(300, TimeUnit.SECONDS);
            }
            assertThat(committed).isPositive();
        } finally {
            pool.shutdownNow();
        }
        List<Purse> all = purses.where(Map.of("id", Map.of("in", ids)));
        assertThat(all).hasSize(20).allSatisfy(p -> assertThat(p.balance).isNotNegative());
        assertThat(all.stream().mapToLong(p -> p.balance).sum()).isEqualTo(20 * 1000);
        assertThat(retries.get()).as("the test must produce conflicts to prove anything").isPositive();
    }
}
