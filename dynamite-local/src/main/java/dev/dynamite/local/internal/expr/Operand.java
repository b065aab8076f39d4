package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A compiled operand: evaluates against an item to a value, or to null when it refers to nothing. */
abstract class Operand {

    /**
     * Evaluates the operand.
     *
     * @param item the item
     * @return the value, or null if a path refers to nothing
     * @throws DynamoException for update functions given operands they cannot take
     */
    abstract @Nullable Value eval(Map<String, Value> item);

    /** The type known without an item: a constant's type, N for {@code size} and arithmetic, else null. */
    @Nullable String staticType() {
        return null;
    }

    static DynamoException missingAttribute() {
        return DynamoException.validation(
                "The provided expression refers to an attribute that does not exist in the item");
    }

    static DynamoException incorrectType() {
        return DynamoException.validation("An operand in the update expression has an incorrect data type");
    }

    /** A document path. */
    static final class PathRef extends Operand {
        final Path path;

        PathRef(Path path) {
            this.path = path;
        }

        @Override
        @Nullable Value eval(Map<String, Value> item) {
            return path.get(item);
        }
    }

    /** A {@code :value} (null only in an expression that failed to compile). */
    static final class Constant extends Operand {
        final @Nullable Value value;

        Constant(@Nullable Value value) {
            this.value = value;
        }

        @Override
        @Nullable Value eval(Map<String, Value> item) {
            return value;
        }

        @Override
        @Nullable String staticType() {
            return value == null ? null : value.type();
        }
    }

    /** {@code size(operand)}. */
    static final class Size extends Operand {
        final Operand arg;

        Size(Operand arg) {
            this.arg = arg;
        }

        @Override
        @Nullable Value eval(Map<String, Value> item) {
            return Eval.size(arg.eval(item));
        }

        @Override
        String staticType() {
            return "N";
        }
    }

    /** A function used where it may not be; only in an expression that failed to compile. */
    static final class Misused extends Operand {
        final String name;

        Misused(String name) {
            this.name = name;
        }

        @Override
        @Nullable Value eval(Map<String, Value> item) {
            return null;
        }
    }

    /** {@code if_not_exists(path, operand)}. */
    static final class IfNotExists extends Operand {
        final Operand path;
        final Operand fallback;

        IfNotExists(Operand path, Operand fallback) {
            this.path = path;
            this.fallback = fallback;
        }

        @Override
        @Nullable Value eval(Map<String, Value> item) {
            Value v = path.eval(item);
            return v != null ? v : fallback.eval(item);
        }

        @Override
        @Nullable String staticType() {
            return fallback.staticType();
        }
    }

    /** {@code list_append(a, b)}: a new list, the elements of {@code a} then those of {@code b}. */
    static final class ListAppend extends Operand {
        final Operand first;
        final Operand second;

        ListAppend(Operand first, Operand second) {
            this.first = first;
            this.second = second;
        }

        @Override
        Value eval(Map<String, Value> item) {
            List<Value> a = list(first.eval(item));
            List<Value> b = list(second.eval(item));
            List<Value> joined = new ArrayList<>(a.size() + b.size());
            joined.addAll(a);
            joined.addAll(b);
            return new Value.L(joined);
        }

        private static List<Value> list(@Nullable Value v) {
            if (v == null) {
                throw missingAttribute();
            }
            if (!(v instanceof Value.L l)) {
                throw incorrectType();
            }
            return l.values();
        }

        @Override
        String staticType() {
            return "L";
        }
    }

    /** {@code a + b} or {@code a - b}, on numbers. */
    static final class Arithmetic extends Operand {
        final Operand left;
        final Operand right;
        final boolean plus;

        Arithmetic(Operand left, boolean plus, Operand right) {
            this.left = left;
            this.plus = plus;
            this.right = right;
        }

        @Override
        Value eval(Map<String, Value> item) {
            Value.N a = number(left.eval(item));
            Value.N b = number(right.eval(item));
            return new Value.N(plus ? Numbers.add(a.value(), b.value()) : Numbers.subtract(a.value(), b.value()));
        }

        private static Value.N number(@Nullable Value v) {
            if (v == null) {
                throw missingAttribute();
            }
            if (!(v instanceof Value.N n)) {
                throw incorrectType();
            }
            return n;
        }

        @Override
        String staticType() {
            return "N";
        }
    }
}
