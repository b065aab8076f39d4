package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The key of a table or index: the partition (HASH) attribute and the optional sort (RANGE) attribute, with their
 * scalar types ({@code S}, {@code N} or {@code B}).
 */
record KeySchema(String hashName, String hashType, @Nullable String rangeName, @Nullable String rangeType) {

    boolean isKeyAttribute(String attribute) {
        return attribute.equals(hashName) || attribute.equals(rangeName);
    }

    /** The key of an item that has both key attributes with the right types, or null. */
    @Nullable Key keyOf(Map<String, Value> item) {
        Value hash = item.get(hashName);
        if (hash == null || !hash.type().equals(hashType)) {
            return null;
        }
        Value range = null;
        if (rangeName != null) {
            range = item.get(rangeName);
            if (range == null || !range.type().equals(rangeType)) {
                return null;
            }
        }
        return Key.of(hash, range);
    }

    /** The key attributes of an item, in schema order. */
    Map<String, Value> project(Map<String, Value> item) {
        Map<String, Value> key = new LinkedHashMap<>(4);
        key.put(hashName, item.get(hashName));
        if (rangeName != null) {
            key.put(rangeName, item.get(rangeName));
        }
        return key;
    }

    /** The JSON {@code KeySchema} list. */
    java.util.List<Object> toJson() {
        java.util.List<Object> list = new java.util.ArrayList<>(2);
        list.add(Map.of("AttributeName", hashName, "KeyType", "HASH"));
        if (rangeName != null) {
            list.add(Map.of("AttributeName", rangeName, "KeyType", "RANGE"));
        }
        return list;
    }
}
