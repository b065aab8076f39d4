package dev.dynamite.api;

import java.util.List;

/**
 * Thrown when a filter names an operator that is not on Dynamite's fixed list, before any request is sent. A filter
 * map from untrusted input can therefore never change the shape of a query.
 */
public final class UnknownOperatorException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /** The operators a filter may use, aliases included. */
    public static final List<String> KNOWN = List.of("=", "!=", "<>", "<", "<=", ">", ">=", "in", "include",
            "between", "beginsWith", "$eq", "$ne", "$lt", "$lte", "$gt", "$gte", "$in", "$include", "contains",
            "$contains", "$exists", "$notExists", "$between", "$beginsWith");

    private final transient Class<?> model;
    private final String field;
    private final String operator;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param field the Java field the filter is on
     * @param operator the operator as given
     */
    public UnknownOperatorException(Class<?> model, String field, String operator) {
        super(model.getSimpleName() + "." + field + ": unknown operator '" + operator + "'; known operators: "
                + String.join(" ", KNOWN));
        this.model = model;
        this.field = field;
        this.operator = operator;
    }

    /**
     * Returns the model class.
     *
     * @return the model class
     */
    public Class<?> model() {
        return model;
    }

    /**
     * Returns the field the filter is on.
     *
     * @return the Java field name
     */
    public String field() {
        return field;
    }

    /**
     * Returns the operator as given.
     *
     * @return the unknown operator
     */
    public String operator() {
        return operator;
    }
}
