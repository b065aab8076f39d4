package dev.dynamite.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The key of one item of a model with a sort key, for reads by key such as {@code Model.findAll}: its partition key
 * value and its sort key value, converted to the key fields' types where that is lossless. A model without a sort
 * key is read by its partition key values alone. Immutable.
 *
 * <pre>{@code
 * List<Reading> readings = Reading.model.findAll(List.of(Key.of("s1", "2026-12-06T10:00"), Key.of("s2", "…")));
 * }</pre>
 */
public final class Key {
    private final Object partition;
    private final Object sort;

    private Key(Object partition, Object sort) {
        this.partition = Objects.requireNonNull(partition, "partition");
        this.sort = Objects.requireNonNull(sort, "sort");
    }

    /**
     * Returns the key of an item.
     *
     * @param partition the partition key value
     * @param sort the sort key value
     * @return the key
     */
    public static Key of(Object partition, Object sort) {
        return new Key(partition, sort);
    }

    /**
     * Returns the partition key value.
     *
     * @return the value as given
     */
    public Object partition() {
        return partition;
    }

    /**
     * Returns the sort key value.
     *
     * @return the value as given
     */
    public Object sort() {
        return sort;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Key key && partition.equals(key.partition) && sort.equals(key.sort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, sort);
    }

    @Override
    public String toString() {
        return "Key[" + partition + ", " + sort + "]";
    }
}
