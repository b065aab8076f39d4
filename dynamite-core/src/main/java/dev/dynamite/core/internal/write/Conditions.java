package dev.dynamite.core.internal.write;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The condition of one write, clause by clause, ANDed: every attribute name and value goes through the request's
 * {@link Expr}, so no user string is part of the text. Not thread-safe; one per request.
 */
public final class Conditions {
    private final Expr expr;
    private final List<String> clauses = new ArrayList<>();

    /**
     * Starts an empty condition on a request's placeholders.
     *
     * @param expr the request's placeholders
     */
    public Conditions(Expr expr) {
        this.expr = expr;
    }

    /**
     * The item exists: its partition key attribute is present.
     *
     * @param partitionAttribute the partition key attribute
     * @return this
     */
    public Conditions exists(String partitionAttribute) {
        clauses.add("attribute_exists(" + expr.name(partitionAttribute) + ")");
        return this;
    }

    /**
     * No item with the key exists.
     *
     * @param partitionAttribute the partition key attribute
     * @return this
     */
    public Conditions notExists(String partitionAttribute) {
        clauses.add("attribute_not_exists(" + expr.name(partitionAttribute) + ")");
        return this;
    }

    /**
     * An attribute is absent (a soft-delete attribute: the item is not in the trash).
     *
     * @param attribute the attribute
     * @return this
     */
    public Conditions absent(String attribute) {
        return notExists(attribute);
    }

    /**
     * An attribute holds a value.
     *
     * @param attribute the attribute
     * @param value the value it must hold
     * @return this
     */
    public Conditions equalTo(String attribute, AttributeValue value) {
        clauses.add(expr.name(attribute) + " = " + expr.value(value));
        return this;
    }

    /**
     * A clause built on the same placeholders (the filters of a bulk write, a counter's range), ANDed as it is: a
     * clause with {@code OR} at its top comes parenthesized (DynamoDB refuses redundant parentheses, so none are
     * added). An empty clause adds nothing.
     *
     * @param clause the clause text, or empty
     * @return this
     */
    public Conditions clause(String clause) {
        if (!clause.isEmpty()) {
            clauses.add(clause);
        }
        return this;
    }

    /**
     * Returns the {@code ConditionExpression}.
     *
     * @return the clauses ANDed, or null when there is none
     */
    public @Nullable String expression() {
        return clauses.isEmpty() ? null : String.join(" AND ", clauses);
    }
}
