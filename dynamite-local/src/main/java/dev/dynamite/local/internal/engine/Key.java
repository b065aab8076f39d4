package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.value.Bytes;
import dev.dynamite.local.internal.value.Value;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A position in a table's or an index's item order: partition keys in a pseudo-random order (by a hash of the key,
 * as DynamoDB scans), then sort keys in DynamoDB order, then, for index entries, the table key of the item. Bounds
 * ({@code -1}/{@code +1}) make sentinels before or after every real range or tail, for range searches.
 */
final class Key implements Comparable<Key> {
    private final int order;
    private final Value hash;
    private final @Nullable Value range;
    private final int rangeBound;
    private final @Nullable Key tail;
    private final int tailBound;

    private Key(int order, Value hash, @Nullable Value range, int rangeBound, @Nullable Key tail, int tailBound) {
        this.order = order;
        this.hash = hash;
        this.range = range;
        this.rangeBound = rangeBound;
        this.tail = tail;
        this.tailBound = tailBound;
    }

    static Key of(Value hash, @Nullable Value range) {
        return new Key(order(hash), hash, range, 0, null, 0);
    }

    static Key indexed(Value hash, @Nullable Value range, Key tableKey) {
        return new Key(order(hash), hash, range, 0, tableKey, 0);
    }

    /** Before (-1) or after (+1) every key of the partition. */
    static Key partitionBound(Value hash, int bound) {
        return new Key(order(hash), hash, null, bound, null, 0);
    }

    /** Before (-1) or after (+1) every key with this partition and sort key (index entries differ by their tail). */
    static Key rangeBound(Value hash, Value range, int bound) {
        return new Key(order(hash), hash, range, 0, null, bound);
    }

    Value hash() {
        return hash;
    }

    @Nullable Value range() {
        return range;
    }

    @Nullable Key tail() {
        return tail;
    }

    /** The unsigned 32-bit position of the partition in scan order, used for scan segments. */
    long segmentPosition() {
        return Integer.toUnsignedLong(order);
    }

    private static int order(Value hash) {
        int h;
        if (hash instanceof Value.S s) {
            h = s.value().hashCode();
        } else if (hash instanceof Value.N n) {
            h = n.value().hashCode();
        } else if (hash instanceof Value.B b) {
            h = b.value().hashCode();
        } else {
            throw new IllegalArgumentException("key values are S, N or B");
        }
        // spread the bits (murmur3 finalizer) so that similar keys land far apart, as in DynamoDB's scan order
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public int compareTo(Key other) {
        int c = Integer.compareUnsigned(order, other.order);
        if (c != 0) {
            return c;
        }
        c = Value.compareScalars(hash, other.hash);
        if (c != 0) {
            return c;
        }
        if (rangeBound != 0 || other.rangeBound != 0) {
            return Integer.compare(rangeBound, other.rangeBound);
        }
        if (range != null && other.range != null) {
            c = Value.compareScalars(range, other.range);
            if (c != 0) {
                return c;
            }
        }
        if (tailBound != 0 || other.tailBound != 0) {
            return Integer.compare(tailBound, other.tailBound);
        }
        if (tail != null && other.tail != null) {
            return tail.compareTo(other.tail);
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(order, range == null ? 0 : range.hashCode(), tail);
    }

    @Override
    public String toString() {
        return "Key[" + hash + (range == null ? "" : ", " + range) + (tail == null ? "" : " / " + tail) + "]";
    }

    /** Tells whether a sort key value starts with a prefix (S by characters, B by bytes). */
    static boolean beginsWith(Value value, Value prefix) {
        if (value instanceof Value.S s && prefix instanceof Value.S p) {
            return s.value().startsWith(p.value());
        }
        if (value instanceof Value.B b && prefix instanceof Value.B p) {
            Bytes bytes = b.value();
            return bytes.startsWith(p.value());
        }
        return false;
    }
}
