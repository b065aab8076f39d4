package dev.dynamite.meta;

import java.util.Objects;

/**
 * A string attribute: the range tests, prefixes and substrings. Immutable.
 *
 * @param <T> the model
 */
public final class StringAttribute<T> extends ComparableAttribute<T, String> {
    /**
     * Creates the attribute of one field.
     *
     * @param model the model class
     * @param name the Java field name
     */
    public StringAttribute(Class<T> model, String name) {
        super(model, name, String.class);
    }

    /**
     * Starts with a prefix.
     *
     * @param prefix the prefix
     * @return the filter
     */
    public Filter<T> beginsWith(String prefix) {
        return test(Operator.BEGINS_WITH, Objects.requireNonNull(prefix, "prefix"));
    }

    /**
     * Holds a substring.
     *
     * @param text the substring
     * @return the filter
     */
    public Filter<T> contains(String text) {
        return test(Operator.CONTAINS, Objects.requireNonNull(text, "text"));
    }
}
