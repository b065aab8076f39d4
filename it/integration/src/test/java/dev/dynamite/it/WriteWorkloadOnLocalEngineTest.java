package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.PartialWriteException;
import dev.dynamite.it.WriteModels.Parcel;
import dev.dynamite.it.WriteModels.Tally;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.local.Faults;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * A seeded, mixed workload of 5,000 operations from 8 threads (creates, versioned saves, bulk updates and deletes,
 * idempotent counters, transactions, pivot syncs) under a random mix of throttling, HTTP 500s, lost responses and
 * partial batch results. Each thread writes keys of its own and keeps what each call reported in a shadow copy; a
 * key a call reports as in doubt (or whose call failed with an SDK error) is read back, as the README says to do.
 * At the end the table must hold exactly the shadow: every success, every {@link PartialWriteException}'s written
 * and not-written keys, told the truth. On the embedded engine only: faults are injected there.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Parcel.class})
class WriteWorkloadOnLocalEngineTest extends FixtureContract {
    private static final int THREADS = 8;
    private static final int OPERATIONS_EACH = 625;
    private static final int PROJECTS_EACH = 10;
    private static final String[] WRITES = {"PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems",
        "BatchWriteItem"};

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** What one thread believes its keys hold, from what each call reported. */
    private static final class Shadow {
        final Map<String, String> parcels = new HashMap<>();   // id -> status
        final Map<String, String> batches = new HashMap<>();   // id -> batch
        final Map<String, long[]> tallies = new HashMap<>();   // id -> {count, total}
        Set<String> links = new HashSet<>();
    }

    @Test
    void everyCallReportsExactlyWhatItDidUnderFaults(DynamoDbLocal local, DynamiteConfig.Builder config)
            throws Exception {
        Class<?>[] models = new Class<?>[RelationModels.ALL.length + 2];
        System.arraycopy(RelationModels.ALL, 0, models, 0, RelationModels.ALL.length);
        models[RelationModels.ALL.length] = Parcel.class;
        models[RelationModels.ALL.length + 1] = Tally.class;
        try (Dynamite client = new Dynamite(config.tables(models).maxAttempts(2).writeConcurrency(4).build())) {
            client.sync();
            for (int t = 0; t < THREADS; t++) {
                client.model(RelationModels.Employee.class).create(Map.of("id", "w" + t, "departmentId", "d",
                        "name", "W" + t));
                for (int p = 0; p < PROJECTS_EACH; p++) {
                    client.model(RelationModels.Project.class).create(Map.of("id", project(t, p), "name", "P"));
                }
            }
            Faults faults = local.faults();
            List<Fault> injected = List.of(
                    faults.on("BatchWriteItem").unprocessed(5).fraction(0.3, 4),
                    faults.on(WRITES[0], WRITES).throttle().fraction(0.04, 1),
                    faults.on(WRITES[0], WRITES).serverError().fraction(0.02, 2),
                    faults.on(WRITES[0], WRITES).lostResponse().fraction(0.03, 3));
            List<Shadow> shadows = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Shadow>> running = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    running.add(pool.submit(() -> workload(client, thread)));
                }
                for (Future<Shadow> future : running) {
                    shadows.add(future.get(10, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
                faults.clear();
            }
            long faultCount = injected.stream().mapToLong(Fault::injected).sum();
            System.out.printf(Locale.ROOT, "write workload: %d operations from %d threads; faults injected: %d"
                            + " (unprocessed %d, throttled %d, HTTP 500 %d, lost responses %d); outcomes: %s%n",
                    THREADS * OPERATIONS_EACH, THREADS, faultCount, injected.get(0).injected(),
                    injected.get(1).injected(), injected.get(2).injected(), injected.get(3).injected(),
                    new TreeMap<>(counts));
            assertThat(injected).allSatisfy(f -> assertThat(f.injected()).isPositive());
            assertThat(counts.get("partial")).as("some bulk writes must fail part-way").isNotNull();

            for (int t = 0; t < THREADS; t++) {
                Shadow shadow = shadows.get(t);
                String prefix = "t" + t + "-";
                Map<String, String> stored = new HashMap<>();
                client.model(Parcel.class).where(Map.of("id", Map.of("beginsWith", prefix)))
                        .forEach(p -> stored.put(p.id, p.status));
                assertThat(stored).as("parcels of thread %d", t).isEqualTo(shadow.parcels);
                for (Map.Entry<String, long[]> tally : shadow.tallies.entrySet()) {
                    Tally found = client.model(Tally.class).find(tally.getKey()).orElseThrow();
                    assertThat(new long[] {found.count, found.total}).as(tally.getKey())
                            .containsExactly(tally.getValue());
                }
                assertThat(links(client, t)).as("links of thread %d", t).isEqualTo(shadow.links);
            }
        }
    }

    private static String project(int thread, int p) {
        return "wp" + thread + "-" + p;
    }

    private Shadow workload(Dynamite client, int thread) {
        Random random = new Random(1_000 + thread);
        Shadow shadow = new Shadow();
        Model<Parcel> parcels = client.model(Parcel.class);
        Model<Tally> tallies = client.model(Tally.class);
        String prefix = "t" + thread + "-";
        int created = 0;
        for (int n = 0; n < OPERATIONS_EACH; n++) {
            int kind = random.nextInt(8);
            if (shadow.tallies.size() < 2) {
                kind = 7;
            }
            String batch = prefix + "b" + random.nextInt(4);
            switch (kind) {
                case 0, 1 -> {
                    count("create");
                    String id = prefix + "p" + created++;
                    try {
                        parcels.create(Map.of("id", id, "batch", batch, "status", "new"));
                        shadow.parcels.put(id, "new");
                        shadow.batches.put(id, batch);
                    } catch (SdkException e) {
                        count("create failed (read back)");
                        resolveParcel(client, shadow, id, batch);
                    }
                }
                case 2 -> {
                    count("bulk update");
                    String status = "s" + n;
                    int expected = inBatch(shadow, batch).size();
                    try {
                        int updated = parcels.update(Map.of("status", status), Map.of("batch", batch));
                        assertThat(updated).as("bulk update of %s", batch).isEqualTo(expected);
                        inBatch(shadow, batch).forEach(id -> shadow.parcels.put(id, status));
                    } catch (PartialWriteException e) {
                        count("partial");
                        assertThat(e.written().size() + e.notWritten().size() + e.inDoubt().size())
                                .isEqualTo(expected);
                        e.written().forEach(key -> shadow.parcels.put(key.get("id").s(), status));
                        e.inDoubt().forEach(key -> resolveParcel(client, shadow, key.get("id").s(), batch));
                    }
                }
                case 3 -> {
                    count("bulk delete");
                    int expected = inBatch(shadow, batch).size();
                    try {
                        assertThat(parcels.delete(Map.of("batch", batch))).as("bulk delete of %s", batch)
                                .isEqualTo(expected);
                        inBatch(shadow, batch).forEach(shadow.parcels::remove);
                    } catch (PartialWriteException e) {
                        count("partial");
                        e.written().forEach(key -> shadow.parcels.remove(key.get("id").s()));
                        e.inDoubt().forEach(key -> resolveParcel(client, shadow, key.get("id").s(), batch));
                    }
                }
                case 4 -> {
                    count("versioned save");
                    String id = pick(shadow.tallies.keySet(), random);
                    Tally tally = tallies.find(id).orElseThrow();
                    tally.total += 1;
                    try {
                        tally.save();
                        shadow.tallies.get(id)[1] += 1;
                    } catch (SdkException e) {
                        count("save failed (read back)");
                        resolveTally(tallies, shadow, id);
                    }
                }
                case 5 -> {
                    count("idempotent counter");
                    String id = pick(shadow.tallies.keySet(), random);
                    Tally tally = tallies.find(id).orElseThrow();
                    try {
                        tally.increment("count", 1, MutationOptions.idempotent());
                        shadow.tallies.get(id)[0] += 1;
                    } catch (SdkException e) {
                        count("counter failed (read back)");
                        resolveTally(tallies, shadow, id);
                    }
                }
                case 6 -> {
                    count(random.nextBoolean() ? "transaction" : "pivot sync");
                    if (random.nextBoolean()) {
                        transfer(client, tallies, shadow, random);
                    } else {
                        sync(client, thread, shadow, random);
                    }
                }
                default -> {
                    count("create");
                    String id = prefix + "tally" + shadow.tallies.size() + "-" + n;
                    try {
                        tallies.create(Map.of("id", id));
                        shadow.tallies.put(id, new long[2]);
                    } catch (SdkException e) {
                        count("create failed (read back)");
                        if (tallies.find(id).isPresent()) {
                            shadow.tallies.put(id, new long[2]);
                        }
                    }
                }
            }
        }
        return shadow;
    }

    private void transfer(Dynamite client, Model<Tally> tallies, Shadow shadow, Random random) {
        List<String> ids = new ArrayList<>(shadow.tallies.keySet());
        java.util.Collections.sort(ids);
        String a = ids.get(random.nextInt(ids.size()));
        String b = ids.get((ids.indexOf(a) + 1 + random.nextInt(ids.size() - 1)) % ids.size());
        Tally from = tallies.find(a).orElseThrow();
        Tally to = tallies.find(b).orElseThrow();
        try {
            client.tx(tx -> {
                from.increment("total", -1, tx);
                to.increment("total", 1, tx);
                return null;
            });
            shadow.tallies.get(a)[1] -= 1;
            shadow.tallies.get(b)[1] += 1;
        } catch (SdkException e) {
            count("transaction failed (read back)");
            resolveTally(tallies, shadow, a);
            resolveTally(tallies, shadow, b);
        }
    }

    private void sync(Dynamite client, int thread, Shadow shadow, Random random) {
        Set<String> wanted = new HashSet<>();
        for (int p = 0; p < PROJECTS_EACH; p++) {
            if (random.nextBoolean()) {
                wanted.add(project(thread, p));
            }
        }
        RelationModels.Employee employee = client.model(RelationModels.Employee.class).find("w" + thread)
                .orElseThrow();
        try {
            employee.sync(RelationModels.Project.class, wanted);
            shadow.links = wanted;
        } catch (PartialWriteException e) {
            count("partial");
            shadow.links = links(client, thread);
        }
    }

    private static Set<String> links(Dynamite client, int thread) {
        Set<String> linked = new HashSet<>();
        client.model(RelationModels.Employee.class).find("w" + thread, dev.dynamite.api.QueryOptions.builder()
                .include("projects", dev.dynamite.api.Include.all()).build())
                .orElseThrow().projects.forEach(p -> linked.add(p.id));
        return linked;
    }

    private static List<String> inBatch(Shadow shadow, String batch) {
        List<String> ids = new ArrayList<>();
        shadow.parcels.keySet().forEach(id -> {
            if (batch.equals(shadow.batches.get(id))) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static String pick(Set<String> ids, Random random) {
        List<String> sorted = new ArrayList<>(ids);
        java.util.Collections.sort(sorted);
        return sorted.get(random.nextInt(sorted.size()));
    }

    /** Reads an item the call left in doubt, as the README says to: the shadow takes what is stored. */
    private void resolveParcel(Dynamite client, Shadow shadow, String id, String batch) {
        count("read back");
        GetItemResponse stored = client.getClient().getItem(b -> b.tableName(client.model(Parcel.class).tableName())
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true));
        if (stored.hasItem() && !stored.item().isEmpty()) {
            shadow.parcels.put(id, stored.item().get("status").s());
            shadow.batches.put(id, batch);
        } else {
            shadow.parcels.remove(id);
        }
    }

    private void resolveTally(Model<Tally> tallies, Shadow shadow, String id) {
        count("read back");
        Tally stored = tallies.find(id).orElseThrow();
        shadow.tallies.put(id, new long[] {stored.count, stored.total});
    }
}
