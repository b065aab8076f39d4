package dev.dynamite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types of queries: checked when built, immutable once built. */
class QueryOptionsTest {

    @Test
    void buildsAndCopiesOptions() {
        QueryOptions options = QueryOptions.builder().limit(5).offset(10).order(Order.DESC).attributes("a", "b")
                .include("orders", Include.where(Map.of("status", "open")).limit(2)).withTrashed().build();
        assertThat(options.limit()).hasValue(5);
        assertThat(options.skip()).isEqualTo(10);
        assertThat(options.order()).contains(Order.DESC);
        assertThat(options.attributes()).containsExactly("a", "b");
        assertThat(options.includes()).containsOnlyKeys("orders");
        assertThat(options.withTrashed()).isTrue();
        assertThat(options.toBuilder().limit(1).build().limit()).hasValue(1);
        assertThat(options.limit()).hasValue(5);
        assertThat(QueryOptions.none().limit()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> QueryOptions.builder().limit(-1).skip(-1).attributes(" ").withTrashed()
                .onlyTrashed().build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("limit must be at least 0, was -1")
                .hasMessageContaining("skip must be at least 0, was -1")
                .hasMessageContaining("not blank")
                .hasMessageContaining("withTrashed and onlyTrashed exclude each other");
    }

    @Test
    void includesAreImmutableAndKeepNullFilters() {
        Map<String, Object> filters = new HashMap<>();
        filters.put("deletedBy", null);
        Include base = Include.where(filters);
        Include limited = base.limit(3).order(Order.ASC).attributes("id").include("items").withTrashed();
        filters.put("other", 1);

        assertThat(base.filters()).containsOnlyKeys("deletedBy");
        assertThat(base.limitValue()).isEmpty();
        assertThat(limited.limitValue()).hasValue(3);
        assertThat(limited.orderValue()).isEqualTo(Order.ASC);
        assertThat(limited.attributesValue()).containsExactly("id");
        assertThat(limited.includes()).containsOnlyKeys("items");
        assertThat(limited.isWithTrashed()).isTrue();
        assertThat(Include.all().filters()).isEmpty();
        assertThatThrownBy(() -> base.limit(-1)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void unknownOperatorsNameTheKnownOnes() {
        UnknownOperatorException e = new UnknownOperatorException(QueryOptionsTest.class, "age", "$regex");
        assertThat(e).hasMessageStartingWith("QueryOptionsTest.age: unknown operator '$regex'; known operators: =");
        assertThat(UnknownOperatorException.KNOWN).contains("$notExists", "beginsWith", "<>");
    }
}
