package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.PartialWriteException;
import dev.dynamite.it.WriteModels.Parcel;
import dev.dynamite.it.WriteModels.Tally;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Multi-item writes under injected faults, and single writes whose response is lost: each call reports exactly what
 * it did. On the embedded engine only: faults are injected there (and dynalite has no TransactWriteItems).
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Parcel.class, Tally.class})
class WriteFaultsOnLocalEngineTest extends FixtureContract {
    private DynamoDbLocal local;

    @BeforeAll
    void connect(DynamoDbLocal local) {
        this.local = local;
    }

    @AfterEach
    void clearFaults() {
        local.faults().clear();
    }

    /** A client of tables of its own that does not retry, so that one injected fault fails one call. */
    private static Dynamite withoutRetries(DynamiteConfig.Builder config, int concurrency) {
        Dynamite client = new Dynamite(config.tables(Parcel.class, Tally.class).maxAttempts(1)
                .writeConcurrency(concurrency).build());
        client.sync();
        return client;
    }

    private List<Parcel> parcels(Model<Parcel> model, String batch, int count) {
        List<Parcel> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(model.create(Map.of("id", batch + "-" + i, "batch", batch, "status", "pending")));
        }
        return created;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private Set<Map<String, AttributeValue>> keysWhere(Model<Parcel> model, String batch, String status) {
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        model.where(Map.of("batch", batch, "status", status)).forEach(p -> keys.add(key(p.id)));
        return keys;
    }

    @Test
    void aBulkUpdateThrottledPartWayReportsWhatItWroteAndARerunFinishes(DynamiteConfig.Builder config) {
        try (Dynamite client = withoutRetries(config, 1)) {
            Model<Parcel> model = client.model(Parcel.class);
            String batch = "u" + UUID.randomUUID();
            parcels(model, batch, 60);
            Fault fault = local.faults().on("UpdateItem").throttle().after(20).once();

            assertThatThrownBy(() -> model.update(Map.of("status", "shipped"), Map.of("batch", batch)))
                    .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                        assertThat(e.model()).isEqualTo(Parcel.class);
                        assertThat(e.written()).hasSize(20);
                        assertThat(e.notWritten()).hasSize(40);
                        assertThat(e.inDoubt()).isEmpty();
                        assertThat(e.getCause()).isInstanceOf(ProvisionedThroughputExceededException.class);
                        assertThat(e).hasMessageContaining("20 item(s) written, 40 not written");
                        assertThat(keysWhere(model, batch, "shipped")).containsExactlyInAnyOrderElementsOf(e.written());
                        assertThat(keysWhere(model, batch, "pending"))
                                .containsExactlyInAnyOrderElementsOf(e.notWritten());
                    });
            assertThat(fault.injected()).isOne();

            // the 20 already shipped are unchanged by the rerun, and not counted
            assertThat(model.update(Map.of("status", "shipped"), Map.of("batch", batch))).isEqualTo(40);
            assertThat(keysWhere(model, batch, "shipped")).hasSize(60);
        }
    }

    @Test
    void aBulkDeleteThrottledPartWayReportsWhatItDeleted(DynamiteConfig.Builder config) {
        try (Dynamite client = withoutRetries(config, 1)) {
            Model<Parcel> model = client.model(Parcel.class);
            String batch = "d" + UUID.randomUUID();
            parcels(model, batch, 60);
            local.faults().on("DeleteItem").throttle().after(10).once();

            assertThatThrownBy(() -> model.delete(Map.of("batch", batch)))
                    .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                        assertThat(e.written()).hasSize(10);
                        assertThat(e.notWritten()).hasSize(50);
                        assertThat(keysWhere(model, batch, "pending"))
                                .containsExactlyInAnyOrderElementsOf(e.notWritten())
                                .doesNotContainAnyElementsOf(e.written());
                    });
            assertThat(model.delete(Map.of("batch", batch))).isEqualTo(50);
            assertThat(model.where(Map.of("batch", batch))).isEmpty();
        }
    }

    @Test
    void aServerErrorLeavesItsItemInDoubt(DynamiteConfig.Builder config) {
        try (Dynamite client = withoutRetries(config, 1)) {
            Model<Parcel> model = client.model(Parcel.class);
            String batch = "e" + UUID.randomUUID();
            parcels(model, batch, 12);
            local.faults().on("UpdateItem").serverError().after(5).once();

            assertThatThrownBy(() -> model.update(Map.of("status", "shipped"), Map.of("batch", batch)))
                    .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                        assertThat(e.written()).hasSize(5);
                        assertThat(e.inDoubt()).hasSize(1);
                        assertThat(e.notWritten()).hasSize(6);
                        assertThat(e.getCause()).isInstanceOfSatisfying(DynamoDbException.class, cause ->
                                assertThat(cause.statusCode()).isEqualTo(500));
                    });
        }
    }

    @Test
    void concurrentBulkWritesReportExactlyWhatTheTableHolds(DynamiteConfig.Builder config) {
        try (Dynamite client = withoutRetries(config, 8)) {
            Model<Parcel> model = client.model(Parcel.class);
            String batch = "c" + UUID.randomUUID();
            parcels(model, batch, 200);
            local.faults().on("UpdateItem").throttle().after(50).times(3);

            assertThatThrownBy(() -> model.update(Map.of("status", "shipped"), Map.of("batch", batch)))
                    .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                        assertThat(e.written().size() + e.notWritten().size() + e.inDoubt().size()).isEqualTo(200);
                        assertThat(e.written().size()).isGreaterThanOrEqualTo(50);
                        assertThat(keysWhere(model, batch, "shipped")).containsExactlyInAnyOrderElementsOf(e.written());
                    });
            local.faults().clear();   // workers stop at the first failure, so the fault may have shots left
            int pending = keysWhere(model, batch, "pending").size();
            assertThat(pending).isPositive();
            assertThat(model.update(Map.of("status", "shipped"), Map.of("batch", batch, "status", "pending")))
                    .isEqualTo(pending);
            assertThat(keysWhere(model, batch, "shipped")).hasSize(200);
        }
    }

    @Test
    void aPivotSyncThatFailsPartWayConvergesWhenRunAgain(DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(RelationModels.ALL).maxAttempts(1).build())) {
            client.sync();
            RelationModels.Employee employee = client.model(RelationModels.Employee.class)
                    .create(Map.of("id", "sync-" + UUID.randomUUID(), "departmentId", "d1", "name", "Ada"));
            List<String> wanted = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                wanted.add("sp" + i);
                client.model(RelationModels.Project.class).create(Map.of("id", "sp" + i + "-" + employee.id,
                        "name", "P" + i));
            }
            List<String> ids = wanted.stream().map(w -> w + "-" + employee.id).toList();
            local.faults().on("BatchWriteItem").serverError().after(1).once();

            assertThatThrownBy(() -> employee.sync(RelationModels.Project.class, ids))
                    .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                        // two BatchWriteItem requests (25 and 15 rows) run at once: the second to arrive fails
                        assertThat(e.written().size()).isIn(25, 15);
                        assertThat(e.written().size() + e.inDoubt().size()).isEqualTo(40);
                        assertThat(e.notWritten()).isEmpty();
                        assertThat(e.operation()).isEqualTo("sync(Project)");
                    });
            employee.sync(RelationModels.Project.class, ids);
            assertThat(linked(client, employee.id)).containsExactlyInAnyOrderElementsOf(ids);
            employee.sync(RelationModels.Project.class, ids.subList(0, 3));
            assertThat(linked(client, employee.id)).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));
        }
    }

    @Test
    void unprocessedPivotRowsAreReportedAtTheDeadline(DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(RelationModels.ALL)
                .batchRetryDeadline(java.time.Duration.ofMillis(300)).build())) {
            client.sync();
            RelationModels.Employee employee = client.model(RelationModels.Employee.class)
                    .create(Map.of("id", "late-" + UUID.randomUUID(), "departmentId", "d1", "name", "Bo"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add("lp" + i + "-" + employee.id);
                client.model(RelationModels.Project.class).create(Map.of("id", ids.get(i), "name", "P" + i));
            }
            local.faults().on("BatchWriteItem").unprocessed().after(1).always();

            assertThatThrownBy(() -> employee.sync(RelationModels.Project.class, ids))
                    .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                        // two BatchWriteItem requests (25 and 15 rows) run at once: the one sent first is written
                        assertThat(e.written().size()).isIn(25, 15);
                        assertThat(e.written().size() + e.notWritten().size()).isEqualTo(40);
                        assertThat(e.inDoubt()).isEmpty();
                        assertThat(e.getCause()).hasMessageContaining("still unprocessed");
                    });
            local.faults().clear();
            employee.sync(RelationModels.Project.class, ids);
            assertThat(linked(client, employee.id)).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void anIncompleteBatchReadListsEveryKeyNotReadAcrossAllChunks(DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(Parcel.class, Tally.class)
                .batchRetryDeadline(java.time.Duration.ofMillis(300)).build())) {
            client.sync();
            Model<Parcel> model = client.model(Parcel.class);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add("missing-" + i);
            }
            local.faults().on("BatchGetItem").unprocessed().always();

            assertThatThrownBy(() -> model.where(Map.of("id", Map.of("in", ids))))
                    .isInstanceOfSatisfying(dev.dynamite.api.IncompleteBatchException.class, e ->
                            assertThat(e.missingKeys()).hasSize(300).containsAll(ids.stream().map(
                                    WriteFaultsOnLocalEngineTest::key).toList()));
        }
    }

    private static List<String> linked(Dynamite client, String employee) {
        return client.model(RelationModels.Employee.class).find(employee, dev.dynamite.api.QueryOptions.builder()
                .include("projects", dev.dynamite.api.Include.all()).build())
                .orElseThrow().projects.stream().map(p -> p.id).toList();
    }

    // ------------------------------------------------------------------ lost responses (the SDK retries them)

    @Test
    void aCreateWhoseResponseIsLostIsReportedAsCreated() {
        Model<Tally> tallies = dynamite.model(Tally.class);
        String id = "lost-" + UUID.randomUUID();
        Fault fault = local.faults().on("PutItem").lostResponse().once();

        Tally created = tallies.create(Map.of("id", id, "count", 3));

        assertThat(fault.injected()).isOne();
        assertThat(created.isPersisted()).isTrue();
        assertThat(tallies.find(id).orElseThrow().count).isEqualTo(3);
    }

    @Test
    void aVersionedSaveWhoseResponseIsLostIsReportedAsSavedOnce() {
        Model<Tally> tallies = dynamite.model(Tally.class);
        Tally tally = tallies.create(Map.of("id", "lost-" + UUID.randomUUID(), "total", 10));
        Fault fault = local.faults().on("UpdateItem").lostResponse().once();

        tally.total = 11;
        assertThat(tally.save()).isTrue();

        assertThat(fault.injected()).isOne();
        assertThat(tally.version).isEqualTo(2);
        Tally stored = tallies.find(tally.id).orElseThrow();
        assertThat(stored.total).isEqualTo(11);
        assertThat(stored.version).isEqualTo(2);
    }

    @Test
    void aBulkDeleteCountsTheItemWhoseResponseWasLost() {
        Model<Parcel> model = dynamite.model(Parcel.class);
        String batch = "l" + UUID.randomUUID();
        parcels(model, batch, 5);
        local.faults().on("DeleteItem").lostResponse().after(2).once();

        assertThat(model.delete(Map.of("batch", batch))).isEqualTo(5);
        assertThat(model.where(Map.of("batch", batch))).isEmpty();
    }

    @Test
    void anIdempotentCounterMovesOnceWhenItsResponseIsLost() {
        Model<Tally> tallies = dynamite.model(Tally.class);
        Tally tally = tallies.create(Map.of("id", "lost-" + UUID.randomUUID(), "total", 10));
        Fault fault = local.faults().on("TransactWriteItems").lostResponse().once();

        tally.increment("total", 5, MutationOptions.idempotent());

        assertThat(fault.injected()).isOne();
        assertThat(tally.total).isEqualTo(15);
        assertThat(tally.version).isEqualTo(2);
        Tally stored = tallies.find(tally.id).orElseThrow();
        assertThat(stored.total).isEqualTo(15);
        assertThat(stored.version).isEqualTo(2);
    }

    @Test
    void aPlainCounterWhoseResponseIsLostMovesTwiceAsItsJavadocSays() {
        Model<Tally> tallies = dynamite.model(Tally.class);
        Tally tally = tallies.create(Map.of("id", "lost-" + UUID.randomUUID(), "count", 0));
        local.faults().on("UpdateItem").lostResponse().once();

        tallies.increment("count", 1, Map.of("id", tally.id));

        assertThat(tallies.find(tally.id).orElseThrow().count).isEqualTo(2);
    }
}
