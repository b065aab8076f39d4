package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's parameters and collects constraint violations in DynamoDB's wording and order:
 * {@code 1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null}.
 * Each check records its violation (at most ten are reported, as DynamoDB does); {@link #check()} throws them together.
 * Nested members are named by their path, list elements by their 1-based position:
 * {@code globalSecondaryIndexes.1.member.indexName}.
 */
final class Params {
    static final String TABLE_NAME_PATTERN = "[a-zA-Z0-9_.-]+";
    private static final int MAX_REPORTED = 10;

    private final Map<String, Object> request;
    private final List<String> errors = new ArrayList<>();

    Params(Map<String, Object> request) {
        this.request = request;
    }

    @Nullable Object raw(String name) {
        return request.get(name);
    }

    @Nullable String string(String name) {
        Object v = request.get(name);
        return v instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    @Nullable Map<String, Object> map(String name) {
        Object v = request.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    @Nullable List<Object> list(String name) {
        Object v = request.get(name);
        return v instanceof List<?> l ? (List<Object>) l : null;
    }

    @Nullable Integer integer(String name) {
        Object v = request.get(name);
        return v instanceof BigDecimal n ? n.intValue() : null;
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(request.get(name));
    }

    /**
     * The checks DynamoDB makes first on the table operations (CreateTable, DescribeTable, DeleteTable, UpdateTable):
     * the table name is present and of a valid length, each failing alone with its own message.
     */
    static String requiredTableName(Map<String, Object> request) {
        Object name = request.get("TableName");
        if (name == null) {
            throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request");
        }
        String text = String.valueOf(name);
        if (text.length() < 3 || text.length() > 255) {
            throw DynamoException.validation("TableName must be at least 3 characters long and at most 255 characters"
                    + " long");
        }
        return text;
    }

    /** Records a violation unless the parameter is present. */
    Params required(String name) {
        notNullAt(request.get(name), member(name));
        return this;
    }

    /** Checks a table (or index) name's characters and length, when present. */
    Params tableName(String name) {
        nameAt(request.get(name), member(name));
        return this;
    }

    /** Checks an integer parameter's minimum and maximum, when present. */
    Params range(String name, long min, long max) {
        Object value = request.get(name);
        minAt(value, member(name), min);
        maxAt(value, member(name), max);
        return this;
    }

    /** Checks an enumerated parameter, when present. */
    Params oneOf(String name, List<String> allowed) {
        oneOfAt(request.get(name), member(name), allowed);
        return this;
    }

    /** Checks the length (elements, entries or characters) of a parameter, when present. */
    Params length(String name, int min, int max) {
        Object value = request.get(name);
        minLengthAt(value, member(name), min);
        maxLengthAt(value, member(name), max);
        return this;
    }

    void notNullAt(@Nullable Object value, String path) {
        if (value == null) {
            violation(null, path, "Member must not be null");
        }
    }

    /** The pattern and length of a table or index name. */
    void nameAt(@Nullable Object value, String path) {
        patternAt(value, path);
        minLengthAt(value, path, 3);
        maxLengthAt(value, path, 255);
    }

    /** The characters of a table or index name. */
    void patternAt(@Nullable Object value, String path) {
        if (value instanceof String s && !isName(s)) {
            violation(s, path, "Member must satisfy regular expression pattern: " + TABLE_NAME_PATTERN);
        }
    }

    void minAt(@Nullable Object value, String path, long min) {
        if (value instanceof BigDecimal n && n.compareTo(BigDecimal.valueOf(min)) < 0) {
            violation(n, path, "Member must have value greater than or equal to " + min);
        }
    }

    void maxAt(@Nullable Object value, String path, long max) {
        if (value instanceof BigDecimal n && n.compareTo(BigDecimal.valueOf(max)) > 0) {
            violation(n, path, "Member must have value less than or equal to " + max);
        }
    }

    void minLengthAt(@Nullable Object value, String path, int min) {
        int length = length(value);
        if (length >= 0 && length < min) {
            violation(value, path, "Member must have length greater than or equal to " + min);
        }
    }

    void maxLengthAt(@Nullable Object value, String path, int max) {
        if (length(value) > max) {
            violation(value, path, "Member must have length less than or equal to " + max);
        }
    }

    void oneOfAt(@Nullable Object value, String path, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violation(value, path, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
    }

    /** Records a violation of the member at {@code path} holding {@code value}. */
    void violation(@Nullable Object value, String path, String constraint) {
        if (errors.size() < MAX_REPORTED) {
            errors.add("Value " + (value == null ? "null" : "'" + render(value) + "'") + " at '" + path
                    + "' failed to satisfy constraint: " + constraint);
        }
    }

    /** Throws the collected violations, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw DynamoException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }

    /** A request member's name as DynamoDB's messages spell it: {@code TableName} → {@code tableName}. */
    static String member(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether a name has only the characters a table or index name may have. */
    static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int length(@Nullable Object value) {
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof List<?> l) {
            return l.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return -1;
    }

    /** A value as messages show it: lists element by element, objects as JSON. */
    private static String render(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Object e = list.get(i);
                sb.append(e == null ? "null" : render(e));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?>) {
            return Json.write(value);
        }
        if (value instanceof BigDecimal n) {
            return n.toPlainString();
        }
        return String.valueOf(value);
    }
}
