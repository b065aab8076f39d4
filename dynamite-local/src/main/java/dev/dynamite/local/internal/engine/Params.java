package dev.dynamite.local.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request's parameters and collects constraint violations in DynamoDB's wording:
 * {@code 1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null}.
 */
final class Params {
    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

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

    /** Records a violation unless the parameter is present. */
    Params required(String name) {
        if (request.get(name) == null) {
            violation("null", name, "Member must not be null");
        }
        return this;
    }

    /** Checks a table name's length and characters, when present. */
    Params tableName(String name) {
        String value = string(name);
        if (value != null) {
            if (value.length() < 3) {
                violation("'" + value + "'", name, "Member must have length greater than or equal to 3");
            }
            if (value.length() > 255) {
                violation("'" + value + "'", name, "Member must have length less than or equal to 255");
            }
            if (!TABLE_NAME.matcher(value).matches()) {
                violation("'" + value + "'", name, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            }
        }
        return this;
    }

    /** Checks an integer parameter's minimum and maximum, when present. */
    Params range(String name, long min, long max) {
        Integer value = integer(name);
        if (value != null) {
            if (value < min) {
                violation(value.toString(), name, "Member must have value greater than or equal to " + min);
            }
            if (value > max) {
                violation(value.toString(), name, "Member must have value less than or equal to " + max);
            }
        }
        return this;
    }

    /** Checks an enumerated parameter, when present. */
    Params oneOf(String name, List<String> allowed) {
        String value = string(name);
        if (value != null && !allowed.contains(value)) {
            violation("'" + value + "'", name, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    void violation(String value, String name, String constraint) {
        errors.add("Value " + value + " at '" + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                + "' failed to satisfy constraint: " + constraint);
    }

    /** Throws the collected violations, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw DynamoException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }
}
