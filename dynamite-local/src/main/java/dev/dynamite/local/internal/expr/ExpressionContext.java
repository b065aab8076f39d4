package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by all its
 * expressions. Parsing an expression resolves its {@code #name} and {@code :value} placeholders here and records which
 * are used; once every expression of the request is parsed, {@link #checkAllUsed()} rejects unused ones as DynamoDB
 * does. Not thread-safe; one per request.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, Value> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /**
     * Creates the context of a request.
     *
     * @param names {@code #placeholder} to attribute name, or null if the request has none
     * @param values {@code :placeholder} to value, or null if the request has none
     */
    public ExpressionContext(@Nullable Map<String, String> names, @Nullable Map<String, Value> values) {
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
    }

    /**
     * Rejects placeholders no expression used: names first, then values, listed in the request's order.
     *
     * @throws DynamoException a {@code ValidationException}, e.g. {@code Value provided in ExpressionAttributeValues
     *     unused in expressions: keys: {:v}}
     */
    public void checkAllUsed() {
        List<String> unused = unused(names.keySet(), usedNames);
        if (!unused.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unused) + "}");
        }
        unused = unused(values.keySet(), usedValues);
        if (!unused.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unused) + "}");
        }
    }

    private static List<String> unused(Set<String> keys, Set<String> used) {
        List<String> unused = new ArrayList<>();
        for (String key : keys) {
            if (!used.contains(key)) {
                unused.add(key);
            }
        }
        return unused;
    }

    /** Resolves a {@code #name}, marking it used; null if undefined. */
    @Nullable String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /** Resolves a {@code :value}, marking it used; null if undefined. */
    @Nullable Value value(String placeholder) {
        Value value = values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

    static String undefinedName(String placeholder) {
        return "An expression attribute name used in the document path is not defined; attribute name: " + placeholder;
    }

    static String undefinedValue(String placeholder) {
        return "An expression attribute value used in expression is not defined; attribute value: " + placeholder;
    }
}
