package dev.dynamite.core.internal.write;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The placeholders of one request's expressions: every attribute name becomes {@code #n<i>} and every value
 * {@code :v<i>}, so no user string is ever part of expression text. Not thread-safe; one per request.
 */
public final class Expr {
    private final Map<String, String> placeholderOfName = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** Creates an empty set of placeholders. */
    public Expr() {
    }

    /** Returns the placeholder of an attribute name, the same one each time for the same name. */
    public String name(String attribute) {
        return placeholderOfName.computeIfAbsent(attribute, a -> {
            String placeholder = "#n" + names.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    /** Returns a new placeholder for a value. */
    public String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** The {@code ExpressionAttributeNames} of the request; null when empty (DynamoDB refuses an empty map). */
    public @Nullable Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    /** The {@code ExpressionAttributeValues} of the request; null when empty. */
    public @Nullable Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }
}
