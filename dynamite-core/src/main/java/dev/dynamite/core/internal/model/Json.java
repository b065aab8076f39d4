package dev.dynamite.core.internal.model;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes the JSON of {@code toJson()}: Java values of the built-in codec types directly, nested entities through a
 * callback, and, for values of other types, the JSON form of their stored {@link AttributeValue}.
 */
public final class Json {
    private Json() {
    }

    /**
     * Appends a Java value; returns false (leaving partial output for the caller to cut) when it meets a value of a
     * type it does not know.
     */
    public static boolean value(StringBuilder out, @Nullable Object value, Function<Object, String> entityJson) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof UUID || value instanceof Enum<?>
                || value instanceof Character || value instanceof TemporalAccessor) {
            string(out, value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                string(out, value.toString());
            } else {
                out.append(value);
            }
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof byte[] bytes) {
            string(out, Base64.getEncoder().encodeToString(bytes));
        } else if (EntityAccess.isEntity(value)) {
            out.append(entityJson.apply(value));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return false;
                }
                first = comma(out, first);
                string(out, key);
                out.append(':');
                if (!value(out, entry.getValue(), entityJson)) {
                    return false;
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            boolean first = true;
            for (Object element : collection) {
                first = comma(out, first);
                if (!value(out, element, entityJson)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    /**
     * Converts a plain Java value (pivot data) to an attribute value: strings, numbers, booleans, null, binaries,
     * lists and string-keyed maps as such, anything else (dates, UUIDs, enums) as its text.
     */
    public static AttributeValue toAttribute(@Nullable Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        } else if (value instanceof Boolean bool) {
            return AttributeValue.fromBool(bool);
        } else if (value instanceof BigDecimal decimal) {
            return AttributeValue.fromN(decimal.toPlainString());
        } else if (value instanceof Number number) {
            return AttributeValue.fromN(number.toString());
        } else if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        } else if (value instanceof Collection<?> collection) {
            return AttributeValue.fromL(collection.stream().map(Json::toAttribute).toList());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> converted = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), toAttribute(v)));
            return AttributeValue.fromM(converted);
        }
        return AttributeValue.fromS(value instanceof Enum<?> e ? e.name() : value.toString());
    }

    /** Appends the JSON form of a stored attribute value. */
    public static void attribute(StringBuilder out, AttributeValue value) {
        switch (value.type()) {
            case S -> string(out, value.s());
            case N -> out.append(value.n());
            case BOOL -> out.append(value.bool());
            case NUL -> out.append("null");
            case B -> string(out, base64(value.b()));
            case SS -> strings(out, value.ss());
            case NS -> {
                out.append('[').append(String.join(",", value.ns())).append(']');
            }
            case BS -> strings(out, value.bs().stream().map(Json::base64).toList());
            case L -> {
                out.append('[');
                boolean first = true;
                for (AttributeValue element : value.l()) {
                    first = comma(out, first);
                    attribute(out, element);
                }
                out.append(']');
            }
            case M -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                    first = comma(out, first);
                    string(out, entry.getKey());
                    out.append(':');
                    attribute(out, entry.getValue());
                }
                out.append('}');
            }
            default -> out.append("null");
        }
    }

    public static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        boolean first = true;
        for (String value : values) {
            first = comma(out, first);
            string(out, value);
        }
        out.append(']');
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    private static boolean comma(StringBuilder out, boolean first) {
        if (!first) {
            out.append(',');
        }
        return false;
    }
}
