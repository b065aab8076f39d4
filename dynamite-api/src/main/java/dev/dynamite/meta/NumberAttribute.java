package dev.dynamite.meta;

import java.util.Objects;

/**
 * A numeric attribute: the range tests and atomic additions ({@code ADD}), which are Dynamite's counters. Immutable.
 *
 * <pre>{@code
 * orders.update(Order_.logins.add(1), Order_.userId.eq(id));
 * }</pre>
 *
 * @param <T> the model
 * @param <V> the field's Java type (boxed for a primitive field)
 */
public final class NumberAttribute<T, V extends Number & Comparable<? super V>> extends ComparableAttribute<T, V> {
    /**
     * Creates the attribute of one field.
     *
     * @param model the model class
     * @param name the Java field name
     * @param type the field's Java type
     */
    public NumberAttribute(Class<T> model, String name, Class<?> type) {
        super(model, name, type);
    }

    /**
     * Adds an amount to the stored value atomically, as {@code Model.increment} does.
     *
     * @param by the amount; negative subtracts
     * @return the update
     */
    public Update<T> add(V by) {
        return Update.change(new Update.Change(name(), Update.Kind.ADD, Objects.requireNonNull(by, "by")));
    }
}
