package dev.dynamite.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB expression with its placeholders, for the low-level {@link TransactionContext} methods: the text names
 * attributes through {@code #placeholders} and values through {@code :placeholders}, never inline. Immutable: each
 * method returns a new expression.
 *
 * <pre>{@code
 * Expression.of("#b >= :amount").name("#b", "balance").value(":amount", 100)
 * }</pre>
 */
public final class Expression {
    private final String text;
    private final Map<String, String> names;
    private final Map<String, @Nullable Object> values;

    private Expression(String text, Map<String, String> names, Map<String, @Nullable Object> values) {
        this.text = text;
        this.names = Collections.unmodifiableMap(names);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Starts an expression.
     *
     * @param text the expression text, with placeholders
     * @return the expression, with no placeholder bound yet
     */
    public static Expression of(String text) {
        if (Objects.requireNonNull(text, "text").isBlank()) {
            throw new IllegalArgumentException("an expression cannot be blank");
        }
        return new Expression(text, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /**
     * Binds a name placeholder.
     *
     * @param placeholder such as {@code #b}
     * @param attribute the attribute name it stands for
     * @return a new expression
     */
    public Expression name(String placeholder, String attribute) {
        Map<String, String> next = new LinkedHashMap<>(names);
        next.put(check(placeholder, '#'), Objects.requireNonNull(attribute, "attribute"));
        return new Expression(text, next, new LinkedHashMap<>(values));
    }

    /**
     * Binds a value placeholder.
     *
     * @param placeholder such as {@code :amount}
     * @param value a plain Java value (string, number, boolean, binary, list, map, set) or an {@code AttributeValue}
     * @return a new expression
     */
    public Expression value(String placeholder, @Nullable Object value) {
        Map<String, @Nullable Object> next = new LinkedHashMap<>(values);
        next.put(check(placeholder, ':'), value);
        return new Expression(text, new LinkedHashMap<>(names), next);
    }

    /**
     * Returns the text.
     *
     * @return the expression text
     */
    public String text() {
        return text;
    }

    /**
     * Returns the name placeholders.
     *
     * @return placeholders to attribute names
     */
    public Map<String, String> names() {
        return names;
    }

    /**
     * Returns the value placeholders.
     *
     * @return placeholders to values
     */
    public Map<String, @Nullable Object> values() {
        return values;
    }

    private static String check(String placeholder, char prefix) {
        if (placeholder == null || placeholder.length() < 2 || placeholder.charAt(0) != prefix) {
            throw new IllegalArgumentException("a placeholder starts with '" + prefix + "': " + placeholder);
        }
        return placeholder;
    }

    @Override
    public String toString() {
        return "Expression[" + text + ", names=" + names + ", values=" + values.keySet() + "]";
    }
}
