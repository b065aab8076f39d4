package dev.dynamite.core.internal.query;

import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.write.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One parsed filter: a persisted field, an operator from the fixed list, and its operands already encoded as stored
 * values; or a compound of conditions ({@code AND}, {@code OR}, {@code NOT}, from typed filters). The conditions of a
 * query are ANDed. Expressions are built only from placeholders.
 *
 * @param rule the field; null for a compound
 * @param op the operator
 * @param operands the encoded operands: none for {@code EXISTS}/{@code NOT_EXISTS} and compounds, two for {@code
 *     BETWEEN}, one or more for {@code IN} (none: the condition can never hold), else one
 * @param parts the conditions of a compound: two or more for {@code AND}/{@code OR}, one for {@code NOT}
 */
record Condition(@Nullable FieldRule rule, Op op, List<AttributeValue> operands, List<Condition> parts) {
    /** A test of one field. */
    Condition(FieldRule rule, Op op, List<AttributeValue> operands) {
        this(rule, op, operands, List.of());
    }

    /** A compound: every part holds ({@code AND}), some part holds ({@code OR}), the one part does not ({@code NOT}). */
    static Condition compound(Op op, List<Condition> parts) {
        return new Condition(null, op, List.of(), List.copyOf(parts));
    }

    /** DynamoDB's limit on the operands of one {@code IN}. */
    static final int MAX_IN = 100;

    /** The operators, with every spelling a filter may use. */
    enum Op {
        EQ, NE, LT, LE, GT, GE, IN, CONTAINS, EXISTS, NOT_EXISTS, BETWEEN, BEGINS_WITH,
        /** Compounds, which only typed filters make: they have no spelling. */
        AND, OR, NOT;

        private static final Map<String, Op> SPELLINGS = Map.ofEntries(
                Map.entry("=", EQ), Map.entry("$eq", EQ),
                Map.entry("!=", NE), Map.entry("<>", NE), Map.entry("$ne", NE),
                Map.entry("<", LT), Map.entry("$lt", LT), Map.entry("<=", LE), Map.entry("$lte", LE),
                Map.entry(">", GT), Map.entry("$gt", GT), Map.entry(">=", GE), Map.entry("$gte", GE),
                Map.entry("in", IN), Map.entry("$in", IN),
                Map.entry("include", CONTAINS), Map.entry("$include", CONTAINS), Map.entry("contains", CONTAINS),
                Map.entry("$contains", CONTAINS),
                Map.entry("$exists", EXISTS), Map.entry("$notExists", NOT_EXISTS),
                Map.entry("between", BETWEEN), Map.entry("$between", BETWEEN),
                Map.entry("beginsWith", BEGINS_WITH), Map.entry("$beginsWith", BEGINS_WITH));

        /** The operator a spelling names, or null if it names none. */
        static @Nullable Op of(String spelling) {
            return SPELLINGS.get(spelling);
        }

        /** Whether a Query's key condition can use this operator on a sort key. */
        boolean isSortKeyCondition() {
            return this == EQ || this == LT || this == LE || this == GT || this == GE || this == BETWEEN
                    || this == BEGINS_WITH;
        }

        boolean isRange() {
            return this == LT || this == LE || this == GT || this == GE || this == BETWEEN;
        }
    }

    /** Whether this is an equality with a value: the kind that can fix a partition key. */
    boolean isEquality() {
        return op == Op.EQ;
    }

    /** Whether this is a test of one field (not a compound) on an attribute. */
    boolean isOn(String attribute) {
        return rule != null && rule.attributeName.equals(attribute);
    }

    /** Whether this condition, or any of its parts, reads an attribute. */
    boolean reads(String attribute) {
        return isOn(attribute) || parts.stream().anyMatch(part -> part.reads(attribute));
    }

    /** Whether this condition can never hold: an {@code in} of no value, or an {@code or} of nothing. */
    boolean never() {
        return op == Op.IN && operands.isEmpty() || rule == null && op == Op.OR && parts.isEmpty();
    }

    /** Whether this condition always holds: an {@code and} of nothing. */
    boolean always() {
        return rule == null && op == Op.AND && parts.isEmpty();
    }

    /** The fields and operators, not the values: the shape of a filter, for messages. */
    String describe() {
        if (rule == null) {
            List<String> described = new ArrayList<>();
            parts.forEach(part -> described.add(part.describe()));
            return op + "(" + String.join(", ", described) + ")";
        }
        return rule.name + " " + op;
    }

    /** The attributes, operators and encoded operands, for a cursor's fingerprint. */
    String fingerprint() {
        if (rule == null) {
            List<String> printed = new ArrayList<>();
            parts.forEach(part -> printed.add(part.fingerprint()));
            return op + "(" + String.join(", ", printed) + ")";
        }
        return rule.attributeName + " " + op + " " + operands;
    }

    /**
     * Evaluates this condition on an item, as DynamoDB would: a missing attribute fails every comparison but
     * {@code <>}, values of different types are never equal or ordered, only strings, numbers and binaries are
     * ordered. Used where the server cannot evaluate a condition: key attributes a Query cannot filter on, and the
     * filters of an include whose items are read by key.
     */
    boolean test(Map<String, AttributeValue> item) {
        if (rule == null) {
            return switch (op) {
                case AND -> parts.stream().allMatch(part -> part.test(item));
                case OR -> parts.stream().anyMatch(part -> part.test(item));
                case NOT -> !parts.get(0).test(item);
                default -> throw new IllegalStateException(op.name());
            };
        }
        AttributeValue value = item.get(rule.attributeName);
        if (value != null && Boolean.TRUE.equals(value.nul())) {
            value = null;
        }
        if (op == Op.EXISTS || op == Op.NOT_EXISTS) {
            return (value != null) == (op == Op.EXISTS);
        }
        if (op == Op.NE) {
            return value == null || !equal(value, operands.get(0));
        }
        if (value == null) {
            return false;
        }
        AttributeValue first = operands.get(0);
        AttributeValue present = value;
        return switch (op) {
            case EQ -> equal(value, first);
            case LT -> ordered(value, first) && Reader.compare(value, first) < 0;
            case LE -> ordered(value, first) && Reader.compare(value, first) <= 0;
            case GT -> ordered(value, first) && Reader.compare(value, first) > 0;
            case GE -> ordered(value, first) && Reader.compare(value, first) >= 0;
            case IN -> operands.stream().anyMatch(o -> equal(present, o));
            case BETWEEN -> ordered(value, first) && ordered(value, operands.get(1))
                    && Reader.compare(first, operands.get(1)) <= 0 && Reader.compare(value, first) >= 0
                    && Reader.compare(value, operands.get(1)) <= 0;
            case BEGINS_WITH -> value.s() != null && first.s() != null && value.s().startsWith(first.s());
            case CONTAINS -> contains(value, first);
            default -> throw new IllegalStateException(op.name());
        };
    }

    /** Whether two values are strings, numbers or binaries of one type, so that they can be ordered. */
    private static boolean ordered(AttributeValue a, AttributeValue b) {
        return a.type() == b.type() && (a.s() != null || a.n() != null || a.b() != null);
    }

    private static boolean equal(AttributeValue a, AttributeValue b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (ordered(a, b)) {
            return Reader.compare(a, b) == 0;
        }
        return switch (a.type()) {
            case SS -> new java.util.HashSet<>(a.ss()).equals(new java.util.HashSet<>(b.ss()));
            case NS -> numbers(a.ns()).equals(numbers(b.ns()));
            case BS -> new java.util.HashSet<>(a.bs()).equals(new java.util.HashSet<>(b.bs()));
            default -> a.equals(b);
        };
    }

    private static java.util.Set<java.math.BigDecimal> numbers(List<String> texts) {
        java.util.Set<java.math.BigDecimal> numbers = new java.util.HashSet<>();
        texts.forEach(t -> numbers.add(new java.math.BigDecimal(t).stripTrailingZeros()));
        return numbers;
    }

    private static boolean contains(AttributeValue value, AttributeValue operand) {
        return switch (value.type()) {
            case S -> operand.s() != null && value.s().contains(operand.s());
            case SS -> operand.s() != null && value.ss().contains(operand.s());
            case NS -> operand.n() != null && numbers(value.ns()).contains(new java.math.BigDecimal(operand.n())
                    .stripTrailingZeros());
            case BS -> operand.b() != null && value.bs().contains(operand.b());
            case L -> value.l().stream().anyMatch(element -> equal(element, operand));
            default -> false;
        };
    }

    /**
     * The expression text in parentheses, once: compounds and long {@code in} lists come parenthesized already, and
     * DynamoDB refuses redundant parentheses.
     */
    String grouped(Expr expr) {
        String text = expression(expr);
        return text.startsWith("(") ? text : "(" + text + ")";
    }

    /** The expression text, with a placeholder for the name and for each operand. */
    String expression(Expr expr) {
        if (rule == null) {
            List<String> texts = new ArrayList<>();
            parts.forEach(part -> texts.add(part.expression(expr)));
            return switch (op) {
                case AND -> "(" + String.join(" AND ", texts) + ")";
                case OR -> "(" + String.join(" OR ", texts) + ")";
                case NOT -> "(NOT " + texts.get(0) + ")";
                default -> throw new IllegalStateException(op.name());
            };
        }
        String name = expr.name(rule.attributeName);
        return switch (op) {
            case EQ -> name + " = " + expr.value(operands.get(0));
            case NE -> name + " <> " + expr.value(operands.get(0));
            case LT -> name + " < " + expr.value(operands.get(0));
            case LE -> name + " <= " + expr.value(operands.get(0));
            case GT -> name + " > " + expr.value(operands.get(0));
            case GE -> name + " >= " + expr.value(operands.get(0));
            case IN -> {
                // DynamoDB takes at most 100 operands in one IN: longer lists become IN groups joined by OR
                List<String> groups = new ArrayList<>();
                for (int from = 0; from < operands.size(); from += MAX_IN) {
                    StringBuilder group = new StringBuilder(name).append(" IN (");
                    for (int i = from; i < Math.min(operands.size(), from + MAX_IN); i++) {
                        group.append(i == from ? "" : ", ").append(expr.value(operands.get(i)));
                    }
                    groups.add(group.append(')').toString());
                }
                yield groups.size() == 1 ? groups.get(0) : "(" + String.join(" OR ", groups) + ")";
            }
            case CONTAINS -> "contains(" + name + ", " + expr.value(operands.get(0)) + ")";
            case EXISTS -> "attribute_exists(" + name + ")";
            case NOT_EXISTS -> "attribute_not_exists(" + name + ")";
            case BETWEEN -> name + " BETWEEN " + expr.value(operands.get(0)) + " AND " + expr.value(operands.get(1));
            case BEGINS_WITH -> "begins_with(" + name + ", " + expr.value(operands.get(0)) + ")";
            case AND, OR, NOT -> throw new IllegalStateException(op.name());
        };
    }
}
