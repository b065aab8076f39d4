package dev.dynamite.tx.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Converts the plain Java values of the low-level transaction methods to attribute values, and estimates the size
 * an action adds to a transaction.
 */
final class AttributeValues {
    private AttributeValues() {
    }

    static Map<String, AttributeValue> item(Map<String, ?> values) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        values.forEach((name, value) -> item.put(name, value(value)));
        return item;
    }

    /**
     * One value: an {@code AttributeValue} as it is; strings, numbers, booleans, null, binaries, lists, string-keyed
     * maps, and non-empty sets of strings, numbers or binaries as such; anything else (dates, UUIDs, enums) as text.
     */
    static AttributeValue value(@Nullable Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        } else if (value instanceof AttributeValue attribute) {
            return attribute;
        } else if (value instanceof Boolean bool) {
            return AttributeValue.fromBool(bool);
        } else if (value instanceof BigDecimal decimal) {
            return AttributeValue.fromN(decimal.toPlainString());
        } else if (value instanceof Number number) {
            return AttributeValue.fromN(number.toString());
        } else if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        } else if (value instanceof SdkBytes bytes) {
            return AttributeValue.fromB(bytes);
        } else if (value instanceof Set<?> set && !set.isEmpty()) {
            Object first = set.iterator().next();
            if (first instanceof Number) {
                return AttributeValue.fromNs(set.stream().map(n -> n instanceof BigDecimal d ? d.toPlainString()
                        : n.toString()).toList());
            } else if (first instanceof byte[]) {
                return AttributeValue.fromBs(set.stream().map(b -> SdkBytes.fromByteArray((byte[]) b)).toList());
            }
            return AttributeValue.fromSs(set.stream().map(String::valueOf).toList());
        } else if (value instanceof Collection<?> collection) {
            return AttributeValue.fromL(collection.stream().map(AttributeValues::value).toList());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), value(v)));
            return AttributeValue.fromM(converted);
        }
        return AttributeValue.fromS(value instanceof Enum<?> e ? e.name() : value.toString());
    }

    /** About how many bytes an action counts toward the 4 MB limit: its item or key, and its expression values. */
    static long size(TransactWriteItem action) {
        if (action.put() != null) {
            return size(action.put().item()) + size(action.put().expressionAttributeValues());
        } else if (action.update() != null) {
            return size(action.update().key()) + size(action.update().expressionAttributeValues());
        } else if (action.delete() != null) {
            return size(action.delete().key());
        }
        return size(action.conditionCheck().key());
    }

    private static long size(@Nullable Map<String, AttributeValue> attributes) {
        if (attributes == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + size(attribute.getValue());
        }
        return size;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        } else if (value.n() != null) {
            return value.n().length() / 2 + 2;
        } else if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        } else if (value.hasSs()) {
            return value.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        } else if (value.hasNs()) {
            return value.ns().stream().mapToLong(n -> n.length() / 2 + 2).sum();
        } else if (value.hasBs()) {
            return value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
        } else if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(v -> 1 + size(v)).sum();
        } else if (value.hasM()) {
            return 3 + size(value.m());
        }
        return 1;
    }
}
