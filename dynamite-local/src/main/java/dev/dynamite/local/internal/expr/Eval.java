package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.value.Value;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The comparisons and functions of condition expressions, on values that may be missing (null). */
final class Eval {
    private Eval() {
    }

    /** {@code a = b}: both present and deeply equal (sets regardless of order, numbers by value). */
    static boolean equal(@Nullable Value a, @Nullable Value b) {
        return a != null && b != null && a.equals(b);
    }

    /** True if {@code <}, {@code >} and friends can compare the two: both present, both S, both N or both B. */
    static boolean ordered(@Nullable Value a, @Nullable Value b) {
        return a != null && b != null && isOrderable(a) && a.getClass() == b.getClass();
    }

    /** True for the types that have an order: S, N and B. */
    static boolean isOrderable(Value v) {
        return v instanceof Value.S || v instanceof Value.N || v instanceof Value.B;
    }

    /** True for the type names that have an order. */
    static boolean isOrderableType(String type) {
        return type.equals("S") || type.equals("N") || type.equals("B");
    }

    /** Compares two values of the same orderable type: S by UTF-8 bytes, N numerically, B by unsigned bytes. */
    static int compare(Value a, Value b) {
        return Value.compareScalars(a, b);
    }

    /**
     * {@code size(v)}: characters (UTF-16 code units, as DynamoDB counts them) of a string, bytes of a binary,
     * elements of a set or list, entries of a map.
     *
     * @return the size, or null for a number, boolean, null or missing value (which makes comparisons false)
     */
    static @Nullable Value size(@Nullable Value v) {
        int size;
        if (v instanceof Value.S s) {
            size = s.value().length();
        } else if (v instanceof Value.B b) {
            size = b.value().length();
        } else if (v instanceof Value.SS ss) {
            size = ss.values().size();
        } else if (v instanceof Value.NS ns) {
            size = ns.values().size();
        } else if (v instanceof Value.BS bs) {
            size = bs.values().size();
        } else if (v instanceof Value.L l) {
            size = l.values().size();
        } else if (v instanceof Value.M m) {
            size = m.values().size();
        } else {
            return null;
        }
        return new Value.N(BigDecimal.valueOf(size));
    }

    /**
     * {@code contains(a, b)}: substring of a string or binary, member of a set of the matching type, or element of a
     * list (any type, deep equality).
     */
    static boolean contains(@Nullable Value a, @Nullable Value b) {
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Value.S s) {
            return b instanceof Value.S part && s.value().contains(part.value());
        }
        if (a instanceof Value.B bytes) {
            return b instanceof Value.B part && bytes.value().contains(part.value());
        }
        if (a instanceof Value.SS ss) {
            return b instanceof Value.S member && ss.values().contains(member.value());
        }
        if (a instanceof Value.NS ns) {
            return b instanceof Value.N member && ns.values().contains(member.value());
        }
        if (a instanceof Value.BS bs) {
            return b instanceof Value.B member && bs.values().contains(member.value());
        }
        if (a instanceof Value.L l) {
            return l.values().contains(b);
        }
        return false;
    }

    /** {@code begins_with(a, b)}: a string or binary that starts with another of the same type. */
    static boolean beginsWith(@Nullable Value a, @Nullable Value b) {
        if (a instanceof Value.S s && b instanceof Value.S prefix) {
            return s.value().startsWith(prefix.value());
        }
        if (a instanceof Value.B bytes && b instanceof Value.B prefix) {
            return bytes.value().startsWith(prefix.value());
        }
        return false;
    }
}
