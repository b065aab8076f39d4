package dev.dynamite.core.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Table;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.api.Order;
import dev.dynamite.api.ScanPolicy;
import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.TableCatalog;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.core.internal.mapping.Mappers;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.Trash;
import dev.dynamite.core.internal.query.Plan.Operation;
import dev.dynamite.schema.KeyTypeStrategies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The planner's choice for every filter shape, on a hand-built model context: a stand-in table that only describes
 * its index, no server. The model has a composite key ({@code book}, {@code at}), an index on {@code author} and soft
 * delete.
 */
class PlannerTest {
    public static final class Memo extends Table<Memo> {
        @Index public String book;
        @IndexSort public String at;
        public String author;
        public int stars;
        public String text;
        @DeleteAt public String deletedAt;
    }

    static <T> ModelContext<T> context(Class<T> type, TableStub table) {
        GlobalRegistry.Binding binding = new GlobalRegistry.Binding(table, "t_",
                new Mappers(Codecs.discover(), KeyTypeStrategies.named(KeyTypeStrategies.DEFAULT)), true,
                new TableCatalog(), 16, false, Duration.ofSeconds(5), null, ScanPolicy.WARN, 8,
                dev.dynamite.core.internal.observe.Operations.NONE);
        return ModelContext.of(type, Owner.global(), binding);
    }

    private final TableStub table = new TableStub("t_memos", List.of("book", "at"), "author", List.of());
    private final ModelContext<Memo> memos = context(Memo.class, table);

    private Plan plan(Map<String, ?> filters) {
        return plan(filters, null, List.of(), Trash.EXCLUDE);
    }

    private Plan plan(Map<String, ?> filters, Order order, List<String> fields, Trash trash) {
        return new Planner(memos).plan(new Filters(memos).parse(filters),
                new Planner.Options(null, 0, order, fields, trash));
    }

    private static String readable(Plan plan, String expression) {
        String text = expression;
        for (Map.Entry<String, String> name : plan.names().entrySet()) {
            text = text.replaceAll(name.getKey() + "(?![0-9])", name.getValue());
        }
        return text;
    }

    @Test
    void theWholeKeyIsAGetItem() {
        Plan plan = plan(Map.of("book", "b1", "at", "10:00"));
        assertThat(plan.operation()).isEqualTo(Operation.GET_ITEM);
        assertThat(plan.keys()).containsExactly(Map.of("book", software.amazon.awssdk.services.dynamodb.model
                .AttributeValue.fromS("b1"), "at", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                .fromS("10:00")));
        assertThat(plan.trashedInMemory()).isEqualTo(Trash.EXCLUDE);
    }

    @Test
    void aPartitionKeyIsAQueryOnTheTableWithTheSortKeyConditionInTheKey() {
        Plan plan = plan(Map.of("book", "b1", "at", Map.of("between", List.of("09:00", "12:00"))));
        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.index()).isNull();
        assertThat(readable(plan, plan.keyCondition())).contains("book =").contains("at BETWEEN");
        assertThat(readable(plan, plan.filter())).isEqualTo("attribute_not_exists(deletedAt)");
        assertThat(plan.position()).containsExactly("book", "at");
        assertThat(plan.residual()).isEmpty();
    }

    @Test
    void aSecondSortKeyConditionIsEvaluatedOnTheItemsReturned() {
        Plan plan = plan(Map.of("book", "b1", "at", Map.of(">=", "09:00", "<>", "10:00")));
        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.residual()).hasSize(1);
        assertThat(plan.exactPages()).isFalse();
    }

    @Test
    void anInOnTheKeyIsABatchGetOfEveryCombination() {
        Plan plan = plan(Map.of("book", Map.of("in", List.of("b1", "b2")), "at", Map.of("in", List.of("1", "2",
                "3"))));
        assertThat(plan.operation()).isEqualTo(Operation.BATCH_GET_ITEM);
        assertThat(plan.keys()).hasSize(6);
        assertThat(plan.sortInMemory()).isTrue();
    }

    @Test
    void anIndexPartitionIsAQueryOnTheIndexWhoseItemsStandByIndexAndTableKeys() {
        Plan plan = plan(Map.of("author", "ann", "stars", Map.of(">", 3)));
        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.index()).isEqualTo("GSI1_author");
        assertThat(readable(plan, plan.keyCondition())).startsWith("author =");
        assertThat(readable(plan, plan.filter())).contains("stars >").contains("attribute_not_exists(deletedAt)");
        assertThat(plan.position()).containsExactly("author", "book", "at");
        assertThat(plan.fetchFull()).isFalse();
    }

    @Test
    void aProjectedIndexQueryReadsTheIndexKeysTooSoThatPositionsAreKnown() {
        Plan plan = plan(Map.of("author", "ann"), null, List.of("text"), Trash.EXCLUDE);
        assertThat(readable(plan, plan.projection())).contains("book").contains("at").contains("author")
                .contains("text");
        assertThat(plan.projectedFields()).contains("text", "book", "at").doesNotContain("author");
    }

    @Test
    void noKeyIsAScanWithTheFiltersAndTheSoftDeleteState() {
        Plan plan = plan(Map.of("stars", Map.of(">=", 4)));
        assertThat(plan.operation()).isEqualTo(Operation.SCAN);
        assertThat(readable(plan, plan.filter())).contains("stars >=").contains("attribute_not_exists(deletedAt)");
        assertThat(plan.position()).containsExactly("book", "at");
        assertThat(plan.sortInMemory()).isFalse();
        assertThat(plan(Map.of("stars", 4), Order.DESC, List.of(), Trash.ONLY).sortInMemory()).isTrue();
        assertThat(readable(plan, plan(Map.of("stars", 4), null, List.of(), Trash.ONLY).filter()))
                .contains("attribute_exists(deletedAt)");
        assertThat(plan(Map.of("stars", 4), null, List.of(), Trash.INCLUDE).filter()).doesNotContain("deletedAt");
    }

    @Test
    void anEmptyInListReadsNothing() {
        assertThat(plan(Map.of("book", Map.of("in", List.of()))).operation()).isEqualTo(Operation.NONE);
    }

    @Test
    void aPartitionKeyWithAnOtherFilterStaysAQuery() {
        Plan plan = plan(Map.of("book", "b1", "author", "ann"));
        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.index()).as("the table's own key wins over an index").isNull();
        assertThat(readable(plan, plan.filter())).contains("author =");
        assertThat(table.queries).isEmpty();
    }
}
