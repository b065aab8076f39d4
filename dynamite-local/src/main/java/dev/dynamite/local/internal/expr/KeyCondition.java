package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code KeyConditionExpression}: an equality on the partition key and, optionally, one condition on the
 * sort key. Parsing checks the form DynamoDB allows (one or two conditions joined by AND, each on a different
 * top-level attribute, with {@code = < <= > >=}, {@code BETWEEN} or {@code begins_with}); the engine checks the
 * attributes and value types against the table or index schema. Immutable.
 *
 * <p>When both conditions are equalities the text alone cannot tell which attribute is the partition key; the first
 * is taken, and {@link #orientedTo(String)} corrects that once the schema is known.
 */
public final class KeyCondition {

    /** The comparison on the sort key. */
    public enum SortOp {
        /** {@code sk = :v}. */
        EQ,
        /** {@code sk < :v}. */
        LT,
        /** {@code sk <= :v}. */
        LE,
        /** {@code sk > :v}. */
        GT,
        /** {@code sk >= :v}. */
        GE,
        /** {@code sk BETWEEN :a AND :b}. */
        BETWEEN,
        /** {@code begins_with(sk, :v)}. */
        BEGINS_WITH
    }

    private record Part(String attribute, SortOp op, Value value, @Nullable Value value2) {
    }

    private final Part partition;
    private final @Nullable Part sort;

    private KeyCondition(Part partition, @Nullable Part sort) {
        this.partition = partition;
        this.sort = sort;
    }

    /**
     * Returns the attribute of the equality taken as the partition key condition.
     *
     * @return the attribute name
     */
    public String partitionAttribute() {
        return partition.attribute();
    }

    /**
     * Returns the value the partition key must equal.
     *
     * @return the value
     */
    public Value partitionValue() {
        return partition.value();
    }

    /**
     * Returns the attribute of the sort key condition.
     *
     * @return the attribute name, or null if there is only the partition key condition
     */
    public @Nullable String sortAttribute() {
        return sort == null ? null : sort.attribute();
    }

    /**
     * Returns the comparison on the sort key.
     *
     * @return the comparison, or null if there is no sort key condition
     */
    public @Nullable SortOp sortOp() {
        return sort == null ? null : sort.op();
    }

    /**
     * Returns the value the sort key is compared with (the lower bound of BETWEEN, the prefix of begins_with).
     *
     * @return the value, or null if there is no sort key condition
     */
    public @Nullable Value sortValue() {
        return sort == null ? null : sort.value();
    }

    /**
     * Returns the upper bound of a BETWEEN.
     *
     * @return the value, or null for the other comparisons
     */
    public @Nullable Value sortValue2() {
        return sort == null ? null : sort.value2();
    }

    /**
     * Returns this condition with the given attribute as the partition key, as DynamoDB reads the expression once
     * it knows the key schema: {@code sk = :s AND pk = :p} has {@code pk} as partition key.
     *
     * @param partitionKey the partition key attribute of the table or index queried
     * @return this condition, its two conditions swapped if the partition key is the second one
     * @throws DynamoException {@code Query key condition not supported} if the condition on the partition key is not
     *     an equality
     */
    public KeyCondition orientedTo(String partitionKey) {
        if (sort == null || partition.attribute().equals(partitionKey) || !sort.attribute().equals(partitionKey)) {
            return this;
        }
        if (sort.op() != SortOp.EQ) {
            throw DynamoException.validation("Query key condition not supported");
        }
        return new KeyCondition(sort, partition);
    }

    /**
     * Tells whether a sort key value satisfies the sort key condition.
     *
     * @param sortKey the value of the item's sort key attribute, or null if it has none
     * @return true if there is no sort key condition or the value satisfies it
     */
    public boolean sortMatches(@Nullable Value sortKey) {
        if (sort == null) {
            return true;
        }
        Value v = sort.value();
        if (sort.op() == SortOp.BEGINS_WITH) {
            return Eval.beginsWith(sortKey, v);
        }
        if (!Eval.ordered(sortKey, v)) {
            return false;
        }
        int c = Eval.compare(sortKey, v);
        return switch (sort.op()) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> {
                Value high = sort.value2();
                yield c >= 0 && Eval.ordered(sortKey, high) && Eval.compare(sortKey, high) <= 0;
            }
        };
    }

    @Override
    public String toString() {
        return "KeyCondition[" + partition + (sort == null ? "" : ", " + sort) + "]";
    }

    /**
     * Reads the key conditions out of a compiled condition.
     *
     * @param condition a condition compiled as a {@code KeyConditionExpression}
     * @return the key condition
     * @throws DynamoException with DynamoDB's messages for operators, functions and shapes a key condition cannot have
     */
    static KeyCondition of(Condition condition) {
        List<Part> parts = new ArrayList<>(2);
        collect(condition, parts);
        if (parts.size() > 2) {
            throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        }
        Part first = parts.get(0);
        Part second = parts.size() > 1 ? parts.get(1) : null;
        if (first.op() != SortOp.EQ) {
            if (second == null || second.op() != SortOp.EQ) {
                throw DynamoException.validation("Query key condition not supported");
            }
            return new KeyCondition(second, first);
        }
        return new KeyCondition(first, second);
    }

    private static void collect(Condition c, List<Part> parts) {
        if (c instanceof Conds.And and) {
            collect(and.left, parts);
            collect(and.right, parts);
            return;
        }
        Operand[] args;
        SortOp op;
        if (c instanceof Conds.Compare compare) {
            if (compare.op == Conds.Op.NE) {
                throw invalidOperator("<>");
            }
            args = new Operand[] {compare.left, compare.right};
            op = switch (compare.op) {
                case EQ -> SortOp.EQ;
                case LT -> SortOp.LT;
                case LE -> SortOp.LE;
                case GT -> SortOp.GT;
                default -> SortOp.GE;
            };
        } else if (c instanceof Conds.Between between) {
            if (!(between.operand instanceof Operand.PathRef)) {
                throw invalidCondition("BETWEEN operator must have the key attribute as its first operand");
            }
            args = new Operand[] {between.operand, between.low, between.high};
            op = SortOp.BETWEEN;
        } else if (c instanceof Conds.BeginsWith beginsWith) {
            if (!(beginsWith.operand instanceof Operand.PathRef)) {
                throw invalidCondition("begins_with operator must have the key attribute as its first operand");
            }
            args = new Operand[] {beginsWith.operand, beginsWith.prefix};
            op = SortOp.BEGINS_WITH;
        } else {
            throw invalidOperator(operatorName(c));
        }
        String attribute = null;
        int attributeIndex = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Operand.PathRef ref) {
                if (attribute != null) {
                    throw invalidCondition("Multiple attribute names used in one condition");
                }
                if (ref.path.length() > 1) {
                    throw DynamoException.validation(
                            "KeyConditionExpressions cannot have conditions on nested attributes");
                }
                attribute = ref.path.head();
                attributeIndex = i;
            } else if (!(args[i] instanceof Operand.Constant)) {
                throw DynamoException.validation("KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (attribute == null) {
            throw invalidCondition("No key attribute specified");
        }
        for (Part part : parts) {
            if (part.attribute().equals(attribute)) {
                throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
            }
        }
        if (attributeIndex != 0) {
            // :v < sk is sk > :v
            op = switch (op) {
                case LT -> SortOp.GT;
                case LE -> SortOp.GE;
                case GT -> SortOp.LT;
                case GE -> SortOp.LE;
                default -> op;
            };
        }
        List<Value> values = new ArrayList<>(2);
        for (int i = 0; i < args.length; i++) {
            if (i != attributeIndex) {
                values.add(((Operand.Constant) args[i]).value);
            }
        }
        parts.add(new Part(attribute, op, values.get(0), values.size() > 1 ? values.get(1) : null));
    }

    private static String operatorName(Condition c) {
        if (c instanceof Conds.Or) {
            return "OR";
        }
        if (c instanceof Conds.Not) {
            return "NOT";
        }
        if (c instanceof Conds.In) {
            return "IN";
        }
        if (c instanceof Conds.Exists exists) {
            return exists.exists ? "attribute_exists" : "attribute_not_exists";
        }
        if (c instanceof Conds.AttributeType) {
            return "attribute_type";
        }
        return "contains";
    }

    private static DynamoException invalidOperator(String operator) {
        return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoException invalidCondition(String detail) {
        return DynamoException.validation("Invalid condition in KeyConditionExpression: " + detail);
    }
}
