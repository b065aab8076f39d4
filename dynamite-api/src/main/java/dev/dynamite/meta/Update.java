package dev.dynamite.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Typed changes to the items of model {@code T}: values set, attributes removed, amounts added. Built from a
 * metamodel's {@link Attribute} constants and combined with {@link #and}; accepted by {@code Model.update} for one
 * entity and for the items a filter matches, and in transactions. Immutable.
 *
 * <pre>{@code
 * orders.update(Order_.status.set("shipped").and(Order_.note.remove()), Order_.userId.eq(id));
 * orders.update(Order_.logins.add(1), Order_.userId.eq(id));
 * }</pre>
 *
 * <p>An update either sets and removes fields, or adds to one counter: additions are atomic {@code ADD}s, which
 * Dynamite does not mix with other changes in one write.
 *
 * @param <T> the model the update applies to
 */
public final class Update<T> {
    private final List<Change> changes;

    private Update(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    static <T> Update<T> change(Change change) {
        return new Update<>(List.of(change));
    }

    /**
     * Returns the update that makes these changes and the other's.
     *
     * @param other the other update
     * @return both
     * @throws IllegalArgumentException if both change one field
     */
    public Update<T> and(Update<T> other) {
        List<Change> all = new ArrayList<>(changes);
        for (Change change : Objects.requireNonNull(other, "other").changes) {
            for (Change mine : changes) {
                if (mine.field().equals(change.field())) {
                    throw new IllegalArgumentException("the update changes " + change.field() + " twice");
                }
            }
            all.add(change);
        }
        return new Update<>(all);
    }

    /**
     * Returns the changes, in the order given.
     *
     * @return the changes
     */
    public List<Change> changes() {
        return changes;
    }

    @Override
    public String toString() {
        return "Update" + changes;
    }

    /** What a change does. */
    public enum Kind {
        /** Sets the field to the value (null removes the attribute). */
        SET,
        /** Removes the attribute. */
        REMOVE,
        /** Adds the value, a number, to the stored one. */
        ADD
    }

    /**
     * One change.
     *
     * @param field the Java field name
     * @param kind what it does
     * @param value the value set or added; null for a removal
     */
    public record Change(String field, Kind kind, @Nullable Object value) {
        /**
         * Checks the change.
         *
         * @param field the Java field name
         * @param kind what it does
         * @param value the value
         *
         * @throws NullPointerException if the field or kind is null, or an addition has no amount
         */
        public Change {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.ADD) {
                Objects.requireNonNull(value, "an addition needs an amount");
            }
        }
    }
}
