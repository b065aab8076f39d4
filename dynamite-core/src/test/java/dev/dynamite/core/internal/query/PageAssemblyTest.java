package dev.dynamite.core.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Table;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.api.InvalidCursorException;
import dev.dynamite.core.internal.model.ModelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How pages are assembled from DynamoDB's pages, on a hand-built model context over a stand-in table (no server):
 * the request asks for what the page lacks and one more, the cursor resumes exactly after the last item, and the last
 * page has no cursor.
 */
class PageAssemblyTest {
    public static final class Note extends Table<Note> {
        @Index public String book;
        @IndexSort public String at;
        public String author;
        public int stars;
    }

    private static List<Map<String, AttributeValue>> notes(int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("book", AttributeValue.fromS("b1"), "at", AttributeValue.fromS(String.format("t%04d", i)),
                    "author", AttributeValue.fromS(i % 2 == 0 ? "ann" : "bob"),
                    "stars", AttributeValue.fromN(Integer.toString(i % 5))));
        }
        return items;
    }

    private final TableStub table = new TableStub("t_notes", List.of("book", "at"), "author", notes(250));
    private final ModelContext<Note> context = PlannerTest.context(Note.class, table);

    private Search<Note> inBook() {
        return new Search<>(context).where(Map.of("book", "b1"));
    }

    @Test
    void eachPageAsksForWhatItLacksAndOneMoreAndResumesAfterItsLastItem() {
        Search.Paged<Note> first = inBook().page(100);
        Search.Paged<Note> second = inBook().after(first.cursor()).page(100);
        Search.Paged<Note> third = inBook().after(second.cursor()).page(100);

        assertThat(first.items()).extracting(n -> n.at).startsWith("t0000").endsWith("t0099").hasSize(100);
        assertThat(second.items()).extracting(n -> n.at).startsWith("t0100").endsWith("t0199").hasSize(100);
        assertThat(third.items()).extracting(n -> n.at).startsWith("t0200").endsWith("t0249").hasSize(50);
        assertThat(first.cursor()).isNotNull();
        assertThat(third.cursor()).as("the last page").isNull();
        assertThat(table.queries).hasSize(3).allSatisfy(query -> assertThat(query.limit()).isEqualTo(101));
        assertThat(table.queries.get(1).exclusiveStartKey()).isEqualTo(Map.of("book", AttributeValue.fromS("b1"),
                "at", AttributeValue.fromS("t0099")));
    }

    @Test
    void aPageThatEndsTheReadExactlyHasNoCursor() {
        Search.Paged<Note> first = inBook().page(125);
        Search.Paged<Note> second = inBook().after(first.cursor()).page(125);

        assertThat(second.items()).hasSize(125);
        assertThat(second.cursor()).as("the item past the page told that there is none").isNull();
    }

    @Test
    void anIndexPagesCursorHoldsTheIndexKeyAndTheTableKey() {
        Search.Paged<Note> first = new Search<>(context).where(Map.of("author", "ann")).page(10);
        Plan plan = new Search<>(context).where(Map.of("author", "ann")).plan(null, null);

        assertThat(first.items()).extracting(n -> n.author).containsOnly("ann");
        assertThat(Cursors.decode(first.cursor(), Cursors.fingerprint(Note.class, plan), plan.position(), null,
                "Note")).containsExactly(Map.entry("author", AttributeValue.fromS("ann")),
                Map.entry("book", AttributeValue.fromS("b1")), Map.entry("at", AttributeValue.fromS("t0018")));
        assertThat(table.queries.get(0).indexName()).isEqualTo("GSI1_author");
    }

    @Test
    void aPageOfInMemoryConditionsStaysFull() {
        // a second condition on the sort key is evaluated on the items returned: a page takes more requests
        Search.Paged<Note> page = new Search<>(context).where(Map.of("book", "b1", "at", Map.of(">=", "t0000",
                "<>", "t0003"))).page(10);

        assertThat(page.items()).extracting(n -> n.at).hasSize(10).doesNotContain("t0003").endsWith("t0010");
        assertThat(page.cursor()).isNotNull();
    }

    @Test
    void aCursorOfAnotherQueryIsRefusedBeforeAnyRequest() {
        String cursor = inBook().page(5).cursor();
        table.queries.clear();

        assertThatThrownBy(() -> new Search<>(context).where(Map.of("author", "ann")).after(cursor).page(5))
                .isInstanceOf(InvalidCursorException.class);
        assertThat(table.queries).isEmpty();
    }

    @Test
    void pagesReadsOnePageAtATimeAndLeavesTheQueryAsItWas() {
        Search<Note> query = inBook();
        var pages = query.pages(100).iterator();
        assertThat(table.queries).isEmpty();

        assertThat(pages.next().items()).hasSize(100);
        assertThat(table.queries).hasSize(1);
        assertThat(pages.next().items()).hasSize(100);
        assertThat(pages.next().items()).hasSize(50);
        assertThat(pages.hasNext()).isFalse();
        assertThat(query.page(10).items()).extracting(n -> n.at).startsWith("t0000");
    }
}
