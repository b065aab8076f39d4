package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.ctx;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static dev.dynamite.local.internal.expr.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level attributes a condition reads, which a Query's filter may not take from the key. */
class CompiledConditionTest {

    @Test
    void listsTheTopLevelAttributeOfEveryPathOnce() {
        CompiledCondition c = Expressions.condition("a.b[1] = :v AND (size(#c) > :n OR contains(d, :v))"
                + " AND NOT attribute_exists(a.x) AND e BETWEEN :n AND f", ctx("#c", "c", ":v", s("x"), ":n", n(1)),
                "FilterExpression");
        assertThat(c.topLevelAttributes()).containsExactly("a", "c", "d", "e", "f");
    }

    @Test
    void evaluatesAsTheConditionItWraps() {
        CompiledCondition c = Expressions.condition("a = :v", ctx(":v", s("x")), "ConditionExpression");
        assertThat(c.test(Map.of("a", s("x")))).isTrue();
        assertThat(c.test(Map.of("a", s("y")))).isFalse();
        assertThat(c.topLevelAttributes()).containsExactly("a");
    }
}
