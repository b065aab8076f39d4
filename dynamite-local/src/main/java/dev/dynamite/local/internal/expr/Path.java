package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.value.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A resolved document path: attribute names (placeholders already replaced) and list indexes. Immutable; the first
 * element is always a name.
 */
final class Path {
    private final @Nullable String[] names;
    private final int[] indexes;

    /**
     * Creates a path.
     *
     * @param names for each element, its name, or null for a list index
     * @param indexes for each element, its list index (ignored for names)
     */
    Path(@Nullable String[] names, int[] indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    int length() {
        return names.length;
    }

    /** The name of element {@code i}, or null if it is a list index. */
    @Nullable String name(int i) {
        return names[i];
    }

    int index(int i) {
        return indexes[i];
    }

    boolean isIndex(int i) {
        return names[i] == null;
    }

    /** The top-level attribute name. */
    String head() {
        String head = names[0];
        assert head != null;
        return head;
    }

    /**
     * Looks the path up in an item.
     *
     * @param item the item
     * @return the value, or null if the path leads nowhere (a missing attribute, key or index, or a step into a value
     *     that is not a map or list)
     */
    @Nullable Value get(Map<String, Value> item) {
        Value v = item.get(names[0]);
        for (int i = 1; i < names.length && v != null; i++) {
            String name = names[i];
            if (name != null) {
                v = v instanceof Value.M m ? m.values().get(name) : null;
            } else if (v instanceof Value.L l) {
                List<Value> list = l.values();
                v = indexes[i] < list.size() ? list.get(indexes[i]) : null;
            } else {
                v = null;
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path p && Arrays.equals(names, p.names) && Arrays.equals(indexes, p.indexes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + Arrays.hashCode(indexes);
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (names[i] != null) {
                sb.append(names[i]);
            } else {
                sb.append('[').append(indexes[i]).append(']');
            }
        }
        return sb.append(']').toString();
    }
}
