package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.value.Value;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A compiled {@code ConditionExpression} or {@code FilterExpression}: the condition, and the top-level attributes it
 * reads (a Query's filter may not read the key attributes). Immutable and thread-safe.
 */
public final class CompiledCondition implements Condition {
    final Condition condition;
    private final Set<String> topLevel;

    CompiledCondition(Condition condition, Set<String> topLevel) {
        this.condition = condition;
        this.topLevel = Collections.unmodifiableSet(new LinkedHashSet<>(topLevel));
    }

    @Override
    public boolean test(Map<String, Value> item) {
        return condition.test(item);
    }

    /**
     * Returns the top-level attributes the condition reads.
     *
     * @return the attribute names, in the order of the expression
     */
    public Set<String> topLevelAttributes() {
        return topLevel;
    }
}
