package dev.dynamite.local.internal.value;

import dev.dynamite.local.internal.engine.DynamoException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Converts between the JSON protocol's attribute values ({@code {"S": "x"}}, {@code {"N": "1"}}, …) and
 * {@link Value}s, validating them as DynamoDB does.
 */
public final class Values {
    private Values() {
    }

    /**
     * Reads an item (attribute name → JSON attribute value).
     *
     * @param json a JSON object, or null
     * @return the item, in the order given; empty for null
     * @throws DynamoException a {@code ValidationException} with DynamoDB's wording for an invalid value
     */
    public static Map<String, Value> item(@Nullable Object json) {
        Map<String, Value> item = new LinkedHashMap<>();
        if (json == null) {
            return item;
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw DynamoException.validation("Item must be a map of attribute names to attribute values");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            item.put((String) e.getKey(), value(e.getValue()));
        }
        return item;
    }

    /**
     * Reads one attribute value.
     *
     * @param json the JSON object of the value
     * @return the value
     * @throws DynamoException a {@code ValidationException} with DynamoDB's wording for an invalid value
     */
    public static Value value(@Nullable Object json) {
        if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
            throw DynamoException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (map.size() > 1) {
            throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain"
                    + " exactly one of the supported datatypes");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String type = (String) entry.getKey();
        Object v = entry.getValue();
        switch (type) {
            case "S":
                return new Value.S(string(v));
            case "N":
                return new Value.N(number(v));
            case "B":
                return new Value.B(binary(v));
            case "BOOL":
                if (!(v instanceof Boolean b)) {
                    throw DynamoException.validation("BOOL must be true or false");
                }
                return new Value.Bool(b);
            case "NULL":
                if (!Boolean.TRUE.equals(v)) {
                    throw DynamoException.validation("One or more parameter values were invalid: Null attribute value"
                            + " types must have the value of true");
                }
                return new Value.Null();
            case "SS": {
                List<?> list = list(v);
                if (list.isEmpty()) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: An string set  may not be empty");
                }
                Set<String> set = new LinkedHashSet<>();
                for (Object o : list) {
                    if (!set.add(string(o))) {
                        throw DynamoException.validation("One or more parameter values were invalid: Input collection "
                                + listText(list) + " contains duplicates.");
                    }
                }
                return new Value.SS(set);
            }
            case "NS": {
                List<?> list = list(v);
                if (list.isEmpty()) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: An number set  may not be empty");
                }
                Set<BigDecimal> set = new LinkedHashSet<>();
                for (Object o : list) {
                    if (!set.add(Value.normalize(number(o)))) {
                        throw DynamoException.validation("Input collection contains duplicates");
                    }
                }
                return new Value.NS(set);
            }
            case "BS": {
                List<?> list = list(v);
                if (list.isEmpty()) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Binary sets should not be empty");
                }
                Set<Bytes> set = new LinkedHashSet<>();
                for (Object o : list) {
                    if (!set.add(binary(o))) {
                        throw DynamoException.validation("One or more parameter values were invalid: Input collection "
                                + listText(list) + "of type BS contains duplicates.");
                    }
                }
                return new Value.BS(set);
            }
            case "L": {
                List<Value> values = new ArrayList<>();
                for (Object o : list(v)) {
                    values.add(value(o));
                }
                return new Value.L(values);
            }
            case "M": {
                if (!(v instanceof Map<?, ?> m)) {
                    throw DynamoException.validation("M must be a map");
                }
                Map<String, Value> values = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    values.put((String) e.getKey(), value(e.getValue()));
                }
                return new Value.M(values);
            }
            default:
                throw DynamoException.validation(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    /**
     * Writes an item as the JSON protocol's object.
     *
     * @param item the item
     * @return attribute name → JSON attribute value
     */
    public static Map<String, Object> toJson(Map<String, Value> item) {
        Map<String, Object> json = new LinkedHashMap<>();
        item.forEach((k, v) -> json.put(k, toJson(v)));
        return json;
    }

    /**
     * Writes one value as the JSON protocol's object.
     *
     * @param value the value
     * @return e.g. {@code {"N": "1.5"}}
     */
    public static Map<String, Object> toJson(Value value) {
        Object body;
        if (value instanceof Value.S s) {
            body = s.value();
        } else if (value instanceof Value.N n) {
            body = n.text();
        } else if (value instanceof Value.B b) {
            body = b.value().toBase64();
        } else if (value instanceof Value.Bool b) {
            body = b.value();
        } else if (value instanceof Value.Null) {
            body = Boolean.TRUE;
        } else if (value instanceof Value.SS ss) {
            body = new ArrayList<>(ss.values());
        } else if (value instanceof Value.NS ns) {
            body = ns.values().stream().map(BigDecimal::toPlainString).toList();
        } else if (value instanceof Value.BS bs) {
            body = bs.values().stream().map(Bytes::toBase64).toList();
        } else if (value instanceof Value.L l) {
            body = l.values().stream().map(Values::toJson).toList();
        } else {
            body = toJson(((Value.M) value).values());
        }
        Map<String, Object> json = new LinkedHashMap<>(2);
        json.put(value.type(), body);
        return json;
    }

    private static String string(@Nullable Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            throw DynamoException.validation((b ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to String");
        }
        if (v instanceof BigDecimal n) {
            throw DynamoException.validation((n.stripTrailingZeros().scale() <= 0 ? "NUMBER_VALUE" : "DECIMAL_VALUE")
                    + " cannot be converted to String");
        }
        throw DynamoException.validation("Start of structure or map found where not expected");
    }

    private static BigDecimal number(@Nullable Object v) {
        String text = string(v);
        if (text.isEmpty()) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value");
        }
        BigDecimal n;
        try {
            n = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        if (n.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = n.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;   // the power of ten of the leading digit
        if (exponent > 125) {
            throw DynamoException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < -130) {
            throw DynamoException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (stripped.precision() > 38) {
            throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return stripped;
    }

    private static Bytes binary(@Nullable Object v) {
        String text = string(v);
        try {
            return Bytes.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("Invalid Base64 binary value");
        }
    }

    private static List<?> list(@Nullable Object v) {
        if (v instanceof List<?> list) {
            return list;
        }
        throw DynamoException.validation("Start of structure or map found where not expected");
    }

    private static String listText(List<?> list) {
        return "[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]";
    }
}
