package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A compiled {@code ProjectionExpression}: the paths to keep of an item. Nested paths keep the structure around them
 * ({@code a.b} gives {@code {a: {b: …}}}) and list indexes keep the chosen elements, in index order, without gaps
 * ({@code l[2], l[0]} gives {@code {l: [l0, l2]}}). Paths that lead nowhere are left out. Immutable and thread-safe.
 */
public final class Projection {
    private final Path[] paths;
    private final boolean topLevelOnly;
    private final Set<String> topLevel;

    Projection(List<Path> paths) {
        this.paths = paths.toArray(new Path[0]);
        boolean flat = true;
        Set<String> heads = new LinkedHashSet<>();
        for (Path path : paths) {
            flat &= path.length() == 1;
            heads.add(path.head());
        }
        this.topLevelOnly = flat;
        this.topLevel = Collections.unmodifiableSet(heads);
    }

    /**
     * Projects an item.
     *
     * @param item the item; not modified
     * @return a new map with only the projected parts
     */
    public Map<String, Value> apply(Map<String, Value> item) {
        Map<String, Value> result = new LinkedHashMap<>();
        if (topLevelOnly) {
            for (Path path : paths) {
                Value v = item.get(path.head());
                if (v != null) {
                    result.put(path.head(), v);
                }
            }
            return result;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        for (Path path : paths) {
            Value v = path.get(item);
            if (v != null) {
                insert(root, path, v);
            }
        }
        for (Map.Entry<String, Object> e : root.entrySet()) {
            result.put(e.getKey(), freeze(e.getValue()));
        }
        return result;
    }

    /**
     * Returns the top-level attributes the projection reads.
     *
     * @return the attribute names, in the order of the expression
     */
    public Set<String> topLevelAttributes() {
        return topLevel;
    }

    /**
     * Places a value in the result tree: maps are {@code Map<String, Object>}, lists {@code TreeMap<Integer, Object>}
     * (index to element), leaves values. Paths never overlap or conflict, so each step finds what it expects.
     */
    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, Path path, Value value) {
        Object container = root;
        int last = path.length() - 1;
        for (int i = 0; i < last; i++) {
            Object key = path.isIndex(i) ? (Object) path.index(i) : path.name(i);
            Map<Object, Object> map = (Map<Object, Object>) container;
            Object child = map.get(key);
            if (child == null) {
                child = path.isIndex(i + 1) ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
                map.put(key, child);
            }
            container = child;
        }
        Object key = path.isIndex(last) ? (Object) path.index(last) : path.name(last);
        ((Map<Object, Object>) container).put(key, value);
    }

    @SuppressWarnings("unchecked")
    private static Value freeze(Object o) {
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof TreeMap<?, ?> list) {
            List<Value> values = new ArrayList<>(list.size());
            for (Object e : list.values()) {
                values.add(freeze(e));
            }
            return new Value.L(values);
        }
        Map<String, Object> map = (Map<String, Object>) o;
        Map<String, Value> values = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<String, Object> e : map.entrySet()) {
            values.put(e.getKey(), freeze(e.getValue()));
        }
        return new Value.M(values);
    }
}
