package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.Page;
import dev.dynamite.Query;
import dev.dynamite.api.InvalidCursorException;
import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.it.PagingModels.Entry;
import dev.dynamite.it.PagingModels.Owner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages and cursors end to end. Feed {@code f1} holds 2,500 entries {@code s0000..s2499} of owner {@code o1}, every
 * other one of kind {@code a}; feed {@code f2} holds 300 entries of owner {@code o2}, every third soft-deleted.
 */
abstract class PagingContract extends FixtureContract {
    private static final int ITEMS = 2_500;
    private Model<Entry> entries;

    @BeforeAll
    void seed() {
        entries = dynamite.model(Entry.class);
        String prefix = dynamite.config().tablePrefix();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("feed", "f1", "seq", seq(i), "ownerId", "o1", "kind", i % 2 == 0 ? "a" : "b", "n", i));
        }
        for (int i = 0; i < 300; i++) {
            Map<String, Object> item = new HashMap<>(Map.of("feed", "f2", "seq", seq(i), "ownerId", "o2",
                    "kind", "c", "n", i));
            if (i % 3 == 2) {
                item.put("deletedAt", "2026-12-06T00:00:00.000Z");
            }
            items.add(item);
        }
        TestData.put(raw, prefix + "entries", items);
        TestData.put(raw, prefix + "owners", List.of(Map.of("id", "o1", "name", "One"),
                Map.of("id", "o2", "name", "Two")));
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    private static String seq(int i) {
        return String.format("s%04d", i);
    }

    /** Every page of a query, each read by a new query resuming after the previous page's cursor. */
    private static List<Page<Entry>> walk(Supplier<Query<Entry>> query, int size) {
        List<Page<Entry>> pages = new ArrayList<>();
        Page<Entry> page = query.get().page(size);
        pages.add(page);
        while (page.hasNext()) {
            page = query.get().after(page.cursor().orElseThrow()).page(size);
            pages.add(page);
            assertThat(pages).as("pages").hasSizeLessThan(ITEMS);
        }
        return pages;
    }

    private static List<String> seqs(List<Page<Entry>> pages) {
        List<String> seqs = new ArrayList<>();
        pages.forEach(page -> page.items().forEach(entry -> seqs.add(entry.feed + "/" + entry.seq)));
        return seqs;
    }

    private static List<String> keysOf(List<Entry> list) {
        return list.stream().map(entry -> entry.feed + "/" + entry.seq).toList();
    }

    @Test
    void walkingAPartitionQueryReturnsEachItemOnceInKeyOrder() {
        List<Page<Entry>> pages = walk(() -> entries.query().where("feed", "f1"), 100);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            expected.add("f1/" + seq(i));
        }
        assertThat(seqs(pages)).containsExactlyElementsOf(expected);
        assertThat(pages).hasSize(25).allSatisfy(page -> assertThat(page.items()).hasSize(100));
        assertThat(pages.get(24).cursor()).isEmpty();
        assertThat(pages.get(0).cursor().orElseThrow()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void pagesInDescendingOrderWalkBackwards() {
        List<Page<Entry>> pages = walk(() -> entries.query().where("feed", "f1").orderBy(Order.DESC), 400);

        List<String> seqs = seqs(pages);
        assertThat(seqs).hasSize(ITEMS).startsWith("f1/s2499", "f1/s2498").endsWith("f1/s0001", "f1/s0000");
    }

    @Test
    void walkingAnIndexQueryReturnsEachItemOnceInTheIndexsOrder() {
        Supplier<Query<Entry>> byOwner = () -> entries.query().where("ownerId", "o1");
        assertThat(byOwner.get().explain().index()).isPresent();

        List<String> seqs = seqs(walk(byOwner, 100));

        assertThat(seqs).hasSize(ITEMS).doesNotHaveDuplicates()
                .containsExactlyElementsOf(keysOf(byOwner.get().list()));
    }

    @Test
    void walkingAFilteredScanReturnsEachMatchOnce() {
        Supplier<Query<Entry>> ofKindA = () -> entries.query().where("kind", "a");
        assertThat(ofKindA.get().explain().operation().name()).isEqualTo("SCAN");

        List<Page<Entry>> pages = walk(ofKindA, 100);

        assertThat(seqs(pages)).hasSize(ITEMS / 2).doesNotHaveDuplicates()
                .containsExactlyElementsOf(keysOf(ofKindA.get().list()));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page.items()).hasSize(100));
    }

    @Test
    void walkingAParallelScanReturnsEachMatchOnceAndItsCursorHoldsEverySegment() {
        Supplier<Query<Entry>> ofKindA = () -> entries.query().where("kind", "a").parallel(4);
        assertThat(ofKindA.get().explain().segments()).isEqualTo(4);

        List<Page<Entry>> pages = walk(ofKindA, 100);

        assertThat(log.requests(software.amazon.awssdk.services.dynamodb.model.ScanRequest.class))
                .allSatisfy(scan -> assertThat(scan.totalSegments()).isEqualTo(4))
                .extracting(scan -> scan.segment()).contains(0, 1, 2, 3);
        assertThat(seqs(pages)).hasSize(ITEMS / 2).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(keysOf(entries.query().where("kind", "a").list()));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page.items()).hasSize(100));
        // a cursor of the parallel walk resumes only the same parallel query
        String cursor = pages.get(0).cursor().orElseThrow();
        assertThatThrownBy(() -> entries.query().where("kind", "a").after(cursor).page(100))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> entries.query().where("kind", "a").parallel(2).after(cursor).page(100))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aParallelScanListsCountsAndStreamsEveryItemOnce() {
        List<String> sequential = keysOf(entries.query().where("n", ">=", 0).list());
        log.clear();

        List<String> parallel = keysOf(entries.query().where("n", ">=", 0).parallel(4).list());
        assertThat(parallel).hasSize(2_700).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sequential);
        assertThat(log.requests(software.amazon.awssdk.services.dynamodb.model.ScanRequest.class))
                .extracting(scan -> scan.segment()).containsOnly(0, 1, 2, 3);
        log.clear();

        assertThat(entries.query().where("n", ">=", 0).parallel(4).count()).isEqualTo(2_700);
        assertThat(log.requests(software.amazon.awssdk.services.dynamodb.model.ScanRequest.class))
                .allSatisfy(scan -> assertThat(scan.selectAsString()).isEqualTo("COUNT"));
        try (var stream = entries.query().where("n", ">=", 0).parallel(3).stream()) {
            assertThat(stream.map(e -> e.feed + "/" + e.seq).toList()).hasSize(2_700).doesNotHaveDuplicates();
        }
        try (var stream = entries.query().where("n", ">=", 0).parallel(3).stream()) {
            assertThat(stream.limit(5).toList()).hasSize(5);
        }
    }

    @Test
    void page25CostsWhatPage1Costs() {
        Page<Entry> page = entries.query().where("feed", "f1").page(100);
        long first = log.count("Query");
        for (int i = 2; i < 25; i++) {
            page = entries.query().where("feed", "f1").after(page.cursor().orElseThrow()).page(100);
        }
        log.clear();

        Page<Entry> page25 = entries.query().where("feed", "f1").after(page.cursor().orElseThrow()).page(100);

        assertThat(page25.items()).extracting(e -> e.seq).startsWith("s2400").endsWith("s2499");
        assertThat(log.count("Query")).isEqualTo(first).isEqualTo(1);
        assertThat(log.operations()).containsOnly("Query");
    }

    @Test
    void aTamperedForeignOrTruncatedCursorIsRefusedBeforeAnyRequest() {
        String cursor = entries.query().where("feed", "f1").page(10).cursor().orElseThrow();
        String byOwner = entries.query().where("ownerId", "o1").page(10).cursor().orElseThrow();
        char c = cursor.charAt(cursor.length() / 2);
        String tampered = cursor.substring(0, cursor.length() / 2) + (c == 'x' ? 'y' : 'x')
                + cursor.substring(cursor.length() / 2 + 1);
        log.clear();

        for (String bad : List.of(tampered, byOwner, cursor.substring(0, cursor.length() - 4))) {
            assertThatThrownBy(() -> entries.query().where("feed", "f1").after(bad).page(10))
                    .isInstanceOf(InvalidCursorException.class).hasMessageContaining("Entry");
        }
        // the same cursor on a query of another shape: another filter, another order
        assertThatThrownBy(() -> entries.query().where("feed", "f1").where("n", ">", 3).after(cursor).page(10))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another query");
        assertThatThrownBy(() -> entries.query().where("feed", "f1").orderBy(Order.DESC).after(cursor).page(10))
                .isInstanceOf(InvalidCursorException.class);
        assertThat(log.calls()).isEmpty();
    }

    @Test
    void withASigningKeyACursorSignedWithAnotherKeyIsRefused() {
        byte[] key = "the first service's signing key".getBytes(StandardCharsets.UTF_8);
        byte[] other = "another service's signing key!!".getBytes(StandardCharsets.UTF_8);
        try (Dynamite signing = new Dynamite(dynamite.config().toBuilder().cursorSigningKey(key).build());
             Dynamite elsewhere = new Dynamite(dynamite.config().toBuilder().cursorSigningKey(other).build())) {
            Model<Entry> signed = signing.model(Entry.class);
            Page<Entry> first = signed.query().where("feed", "f1").page(50);
            String cursor = first.cursor().orElseThrow();

            Page<Entry> second = signed.query().where("feed", "f1").after(cursor).page(50);
            assertThat(second.items()).extracting(e -> e.seq).startsWith("s0050");
            assertThatThrownBy(() -> elsewhere.model(Entry.class).query().where("feed", "f1").after(cursor).page(50))
                    .isInstanceOf(InvalidCursorException.class).hasMessageContaining("signature");
            // a cursor of a client that does not sign is refused where cursors are signed, and the other way round
            String unsigned = entries.query().where("feed", "f1").page(50).cursor().orElseThrow();
            assertThatThrownBy(() -> signed.query().where("feed", "f1").after(unsigned).page(50))
                    .isInstanceOf(InvalidCursorException.class).hasMessageContaining("not signed");
            assertThatThrownBy(() -> entries.query().where("feed", "f1").after(cursor).page(50))
                    .isInstanceOf(InvalidCursorException.class);
        }
    }

    @Test
    void softDeletedItemsStayOutOfPagesUnlessAskedFor() {
        List<Page<Entry>> visible = walk(() -> entries.query().where("feed", "f2"), 50);
        List<Page<Entry>> all = walk(() -> entries.query().where("feed", "f2").withTrashed(), 50);

        assertThat(seqs(visible)).hasSize(200).doesNotHaveDuplicates();
        assertThat(visible).allSatisfy(page -> assertThat(page.items()).allMatch(e -> e.deletedAt == null));
        assertThat(seqs(all)).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void projectionAndIncludeWorkOnPagesAsOnList() {
        Supplier<Query<Entry>> byOwner = () -> entries.query().where("ownerId", "o2").attributes("n")
                .include("owner");

        List<Page<Entry>> pages = walk(byOwner, 64);

        assertThat(seqs(pages)).hasSize(200).doesNotHaveDuplicates();
        assertThat(pages).allSatisfy(page -> assertThat(page.items()).allSatisfy(entry -> {
            assertThat(entry.owner).isNotNull().extracting(owner -> owner.name).isEqualTo("Two");
            assertThat(entry.kind).as("not asked for").isNull();
        }));
    }

    @Test
    void modelPageTakesTheCursorInItsOptions() {
        Page<Entry> first = entries.page(Map.of("feed", "f1"), QueryOptions.builder().order(Order.DESC).build(), 3);
        Page<Entry> second = entries.page(Map.of("feed", "f1"),
                QueryOptions.builder().order(Order.DESC).after(first.cursor().orElseThrow()).build(), 3);

        assertThat(first.items()).extracting(e -> e.seq).containsExactly("s2499", "s2498", "s2497");
        assertThat(second.items()).extracting(e -> e.seq).containsExactly("s2496", "s2495", "s2494");
    }

    @Test
    void pagesReadLazilyOnePageAtATime() {
        var pages = entries.query().where("feed", "f1").pages(500).iterator();
        assertThat(log.calls()).isEmpty();

        assertThat(pages.next().items()).hasSize(500);
        assertThat(log.count("Query")).isEqualTo(1);
        int seen = 500;
        while (pages.hasNext()) {
            seen += pages.next().items().size();
        }
        assertThat(seen).isEqualTo(ITEMS);
        assertThat(log.count("Query")).isEqualTo(5);
    }

    @Test
    void whatAPageCannotDoIsRefused() {
        assertThatThrownBy(() -> entries.query().where("feed", "f1").limit(5).page(10))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> entries.query().where("kind", "a").orderBy(Order.ASC).page(10))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("sorting");
        assertThatThrownBy(() -> entries.query().where("feed", "f1").page(0))
                .isInstanceOf(InvalidQueryException.class);
        String cursor = entries.query().where("feed", "f1").page(10).cursor().orElseThrow();
        assertThatThrownBy(() -> entries.query().where("feed", "f1").after(cursor).list())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("page(size)");
        assertThat(new HashSet<>(entries.query().where("feed", "f1").page(10).items())).hasSize(10);
    }
}
