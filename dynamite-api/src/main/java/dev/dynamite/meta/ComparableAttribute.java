package dev.dynamite.meta;

import java.util.List;
import java.util.Objects;

/**
 * An attribute whose values are ordered as DynamoDB orders them (numbers, strings, dates and times): the range tests.
 * Immutable.
 *
 * @param <T> the model
 * @param <V> the field's Java type
 */
public class ComparableAttribute<T, V extends Comparable<? super V>> extends Attribute<T, V> {
    /**
     * Creates the attribute of one field.
     *
     * @param model the model class
     * @param name the Java field name
     * @param type the field's Java type
     */
    public ComparableAttribute(Class<T> model, String name, Class<?> type) {
        super(model, name, type);
    }

    /**
     * Less than a value.
     *
     * @param value the bound
     * @return the filter
     */
    public final Filter<T> lt(V value) {
        return test(Operator.LT, value);
    }

    /**
     * Less than or equal to a value.
     *
     * @param value the bound
     * @return the filter
     */
    public final Filter<T> lte(V value) {
        return test(Operator.LE, value);
    }

    /**
     * Greater than a value.
     *
     * @param value the bound
     * @return the filter
     */
    public final Filter<T> gt(V value) {
        return test(Operator.GT, value);
    }

    /**
     * Greater than or equal to a value.
     *
     * @param value the bound
     * @return the filter
     */
    public final Filter<T> gte(V value) {
        return test(Operator.GE, value);
    }

    /**
     * Between two bounds, both included.
     *
     * @param low the low bound
     * @param high the high bound, not below the low one
     * @return the filter
     */
    public final Filter<T> between(V low, V high) {
        return test(Operator.BETWEEN, List.of(Objects.requireNonNull(low, "low"), Objects.requireNonNull(high,
                "high")));
    }
}
