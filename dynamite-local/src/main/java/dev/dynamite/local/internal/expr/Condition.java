package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.value.Value;
import java.util.Map;

/** A compiled condition or filter expression. Immutable and thread-safe. */
public interface Condition {

    /**
     * Evaluates the condition against an item.
     *
     * @param item the item (empty when there is no item, as for a conditional put of a new item)
     * @return whether the item satisfies the condition
     */
    boolean test(Map<String, Value> item);
}
