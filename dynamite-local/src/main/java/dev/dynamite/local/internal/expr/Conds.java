package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.value.Value;
import java.util.Map;

/** The compiled conditions. Missing operands make every comparison false except {@code <>}, which is true. */
final class Conds {
    private Conds() {
    }

    /** What an expression that failed to compile stands on; never evaluated. */
    static final Condition NEVER = item -> false;

    /** The comparators. */
    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }
    }

    static final class And implements Condition {
        final Condition left;
        final Condition right;

        And(Condition left, Condition right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return left.test(item) && right.test(item);
        }
    }

    static final class Or implements Condition {
        final Condition left;
        final Condition right;

        Or(Condition left, Condition right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return left.test(item) || right.test(item);
        }
    }

    static final class Not implements Condition {
        final Condition inner;

        Not(Condition inner) {
            this.inner = inner;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return !inner.test(item);
        }
    }

    static final class Compare implements Condition {
        final Op op;
        final Operand left;
        final Operand right;

        Compare(Op op, Operand left, Operand right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value a = left.eval(item);
            Value b = right.eval(item);
            switch (op) {
                case EQ:
                    return Eval.equal(a, b);
                case NE:
                    return !Eval.equal(a, b);
                default:
                    if (!Eval.ordered(a, b)) {
                        return false;
                    }
                    int c = Eval.compare(a, b);
                    return switch (op) {
                        case LT -> c < 0;
                        case LE -> c <= 0;
                        case GT -> c > 0;
                        default -> c >= 0;
                    };
            }
        }
    }

    static final class Between implements Condition {
        final Operand operand;
        final Operand low;
        final Operand high;

        Between(Operand operand, Operand low, Operand high) {
            this.operand = operand;
            this.low = low;
            this.high = high;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value v = operand.eval(item);
            Value lo = low.eval(item);
            Value hi = high.eval(item);
            return Eval.ordered(v, lo) && Eval.ordered(v, hi)
                    && Eval.compare(lo, v) <= 0 && Eval.compare(v, hi) <= 0;
        }
    }

    static final class In implements Condition {
        final Operand operand;
        final Operand[] candidates;

        In(Operand operand, Operand[] candidates) {
            this.operand = operand;
            this.candidates = candidates;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value v = operand.eval(item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : candidates) {
                if (v.equals(candidate.eval(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Exists implements Condition {
        final Path path;
        final boolean exists;

        Exists(Path path, boolean exists) {
            this.path = path;
            this.exists = exists;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return (path.get(item) != null) == exists;
        }
    }

    static final class AttributeType implements Condition {
        final Operand operand;
        final String type;

        AttributeType(Operand operand, String type) {
            this.operand = operand;
            this.type = type;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value v = operand.eval(item);
            return v != null && v.type().equals(type);
        }
    }

    static final class BeginsWith implements Condition {
        final Operand operand;
        final Operand prefix;

        BeginsWith(Operand operand, Operand prefix) {
            this.operand = operand;
            this.prefix = prefix;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return Eval.beginsWith(operand.eval(item), prefix.eval(item));
        }
    }

    static final class Contains implements Condition {
        final Operand operand;
        final Operand part;

        Contains(Operand operand, Operand part) {
            this.operand = operand;
            this.part = part;
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return Eval.contains(operand.eval(item), part.eval(item));
        }
    }
}
