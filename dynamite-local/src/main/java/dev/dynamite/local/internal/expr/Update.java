package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Bytes;
import dev.dynamite.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code UpdateExpression}. Applying it reads every operand from the item as it was before the update,
 * then performs the actions; list indexes always refer to the positions in the original list, so {@code REMOVE
 * l[0], l[2]} removes the first and third elements, and a SET past the end of a list appends. Immutable and
 * thread-safe.
 */
public final class Update {
    private static final Object REMOVED = new Object();

    /** The four kinds of action. */
    enum Kind {
        SET, REMOVE, ADD, DELETE
    }

    /**
     * One action.
     *
     * @param kind what it does
     * @param path the attribute it changes
     * @param operand the new value, for SET
     * @param value the added or deleted value, for ADD and DELETE
     */
    record Action(Kind kind, Path path, @Nullable Operand operand, @Nullable Value value) {
    }

    private final Action[] actions;
    private final Set<String> topLevel;

    Update(Action[] actions) {
        this.actions = actions;
        Set<String> heads = new LinkedHashSet<>();
        for (Action action : actions) {
            heads.add(action.path().head());
        }
        this.topLevel = Collections.unmodifiableSet(heads);
    }

    /**
     * Applies the update to an item.
     *
     * @param item the item before the update (empty for a new item); not modified
     * @return the item after the update, a new map
     * @throws DynamoException a {@code ValidationException} when the update cannot apply to this item: an operand
     *     refers to a missing attribute, an operand has the wrong type, a path leads through a missing or non-container
     *     value, or a number result is out of range
     */
    public Map<String, Value> apply(Map<String, Value> item) {
        Value[] newValues = new Value[actions.length];
        for (int i = 0; i < actions.length; i++) {
            Operand operand = actions[i].operand();
            if (operand != null) {
                Value v = operand.eval(item);
                if (v == null) {
                    throw Operand.missingAttribute();
                }
                newValues[i] = v;
            }
        }
        MutableMap root = new MutableMap(item);
        for (int i = 0; i < actions.length; i++) {
            perform(root, actions[i], newValues[i]);
        }
        for (Map.Entry<String, Object> e : root.entries.entrySet()) {
            if (!(e.getValue() instanceof Value)) {
                e.setValue(freeze(e.getValue()));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Value> result = (Map<String, Value>) (Map<String, ?>) root.entries;
        return result;
    }

    /**
     * Returns the top-level attributes the update touches, for {@code ReturnValues} {@code UPDATED_OLD} and
     * {@code UPDATED_NEW}.
     *
     * @return the attribute names, in the order of the expression
     */
    public Set<String> topLevelAttributes() {
        return topLevel;
    }

    /**
     * Returns a projection on exactly the paths the update touches ({@code SET a.b} projects {@code a.b}, not all of
     * {@code a}), which is what DynamoDB returns for {@code UPDATED_OLD} and {@code UPDATED_NEW}.
     *
     * @return the projection
     */
    public Projection updatedPaths() {
        List<Path> paths = new ArrayList<>(actions.length);
        for (Action action : actions) {
            paths.add(action.path());
        }
        return new Projection(paths);
    }

    private static void perform(MutableMap root, Action action, @Nullable Value newValue) {
        Path path = action.path();
        Object container = navigate(root, path);
        int last = path.length() - 1;
        switch (action.kind()) {
            case SET -> put(container, path, last, newValue);
            case REMOVE -> remove(container, path, last);
            case ADD -> put(container, path, last, add(get(container, path, last), action.value()));
            case DELETE -> {
                Object existing = get(container, path, last);
                if (existing != null) {
                    Value rest = delete(existing, action.value());
                    if (rest == null) {
                        remove(container, path, last);
                    } else {
                        put(container, path, last, rest);
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Returns the mutable map or list holding the last element of the path, copying the values on the way. */
    private static Object navigate(MutableMap root, Path path) {
        Object container = root;
        for (int i = 0; i < path.length() - 1; i++) {
            Object child = get(container, path, i);
            Object mutable;
            if (!path.isIndex(i + 1)) {
                if (child instanceof MutableMap) {
                    mutable = child;
                } else if (child instanceof Value.M m) {
                    mutable = new MutableMap(m.values());
                    put(container, path, i, mutable);
                } else {
                    throw invalidPath();
                }
            } else if (child instanceof MutableList) {
                mutable = child;
            } else if (child instanceof Value.L l) {
                mutable = new MutableList(l.values());
                put(container, path, i, mutable);
            } else {
                throw invalidPath();
            }
            container = mutable;
        }
        return container;
    }

    private static DynamoException invalidPath() {
        return DynamoException.validation("The document path provided in the update expression is invalid for update");
    }

    private static @Nullable Object get(Object container, Path path, int i) {
        if (container instanceof MutableMap map) {
            return map.entries.get(path.name(i));
        }
        MutableList list = (MutableList) container;
        int index = path.index(i);
        if (index < list.elements.size()) {
            Object e = list.elements.get(index);
            return e == REMOVED ? null : e;
        }
        return list.appended == null ? null : list.appended.get(index);
    }

    private static void put(Object container, Path path, int i, @Nullable Object value) {
        if (container instanceof MutableMap map) {
            map.entries.put(path.name(i), value);
            return;
        }
        MutableList list = (MutableList) container;
        int index = path.index(i);
        if (index < list.elements.size()) {
            list.elements.set(index, value);
        } else {
            if (list.appended == null) {
                list.appended = new TreeMap<>();
            }
            list.appended.put(index, value);
        }
    }

    private static void remove(Object container, Path path, int i) {
        if (container instanceof MutableMap map) {
            map.entries.remove(path.name(i));
            return;
        }
        MutableList list = (MutableList) container;
        int index = path.index(i);
        if (index < list.elements.size()) {
            list.elements.set(index, REMOVED);
        } else if (list.appended != null) {
            list.appended.remove(index);
        }
    }

    /** ADD: a number to a number (missing counts as 0), a set to a set of the same type (union). */
    private static Value add(@Nullable Object existing, @Nullable Value value) {
        assert value != null;
        if (existing == null) {
            return value;
        }
        if (value instanceof Value.N n && existing instanceof Value.N e) {
            return new Value.N(Numbers.add(e.value(), n.value()));
        }
        if (value instanceof Value.SS s && existing instanceof Value.SS e) {
            return new Value.SS(union(e.values(), s.values()));
        }
        if (value instanceof Value.NS s && existing instanceof Value.NS e) {
            return new Value.NS(union(e.values(), s.values()));
        }
        if (value instanceof Value.BS s && existing instanceof Value.BS e) {
            return new Value.BS(union(e.values(), s.values()));
        }
        throw Operand.incorrectType();
    }

    /** DELETE: the elements of a set not in the other set of the same type; null if none remain. */
    private static @Nullable Value delete(Object existing, @Nullable Value value) {
        if (value instanceof Value.SS s && existing instanceof Value.SS e) {
            Set<String> rest = difference(e.values(), s.values());
            return rest.isEmpty() ? null : new Value.SS(rest);
        }
        if (value instanceof Value.NS s && existing instanceof Value.NS e) {
            Set<BigDecimal> rest = difference(e.values(), s.values());
            return rest.isEmpty() ? null : new Value.NS(rest);
        }
        if (value instanceof Value.BS s && existing instanceof Value.BS e) {
            Set<Bytes> rest = difference(e.values(), s.values());
            return rest.isEmpty() ? null : new Value.BS(rest);
        }
        throw Operand.incorrectType();
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> rest = new LinkedHashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Value freeze(Object o) {
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof MutableMap map) {
            Map<String, Value> values = new LinkedHashMap<>(map.entries.size() * 2);
            for (Map.Entry<String, Object> e : map.entries.entrySet()) {
                values.put(e.getKey(), freeze(e.getValue()));
            }
            return new Value.M(values);
        }
        MutableList list = (MutableList) o;
        List<Value> values = new ArrayList<>(list.elements.size());
        for (Object e : list.elements) {
            if (e != REMOVED) {
                values.add(freeze(e));
            }
        }
        if (list.appended != null) {
            for (Object e : list.appended.values()) {
                values.add(freeze(e));
            }
        }
        return new Value.L(values);
    }

    /** A map being updated: entries are values, or mutable maps and lists where the update goes deeper. */
    private static final class MutableMap {
        final LinkedHashMap<String, Object> entries;

        MutableMap(Map<String, Value> values) {
            this.entries = new LinkedHashMap<>(values);
        }
    }

    /** A list being updated: removed elements keep their place until the end, SETs past the end wait in order. */
    private static final class MutableList {
        final ArrayList<Object> elements;
        @Nullable TreeMap<Integer, Object> appended;

        MutableList(List<Value> values) {
            this.elements = new ArrayList<>(values);
        }
    }
}
