package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index of a table: its key, its projection, and its entries (the projected items) in index order.
 * Guarded by the engine's lock.
 */
final class IndexState {
    final String name;
    final boolean global;
    final KeySchema key;
    final String projectionType;
    final List<String> nonKeyAttributes;
    final @Nullable Map<String, Object> provisionedThroughput;
    final TreeMap<Key, Stored> entries = new TreeMap<>();
    /** When the index becomes ACTIVE (millis); for indexes added by UpdateTable. */
    long activeAt;
    long sizeBytes;

    IndexState(String name, boolean global, KeySchema key, String projectionType, List<String> nonKeyAttributes,
               @Nullable Map<String, Object> provisionedThroughput, long activeAt) {
        this.name = name;
        this.global = global;
        this.key = key;
        this.projectionType = projectionType;
        this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
        this.provisionedThroughput = provisionedThroughput;
        this.activeAt = activeAt;
    }

    /** The index position of an item, or null when the item lacks the index key (a sparse index). */
    @Nullable Key entryKey(Map<String, Value> item, Key tableKey) {
        Key indexKey = key.keyOf(item);
        return indexKey == null ? null : Key.indexed(indexKey.hash(), indexKey.range(), tableKey);
    }

    /** The part of an item this index stores. */
    Map<String, Value> projection(Map<String, Value> item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Map<String, Value> projected = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : item.entrySet()) {
            String attribute = e.getKey();
            if (tableKey.isKeyAttribute(attribute) || key.isKeyAttribute(attribute)
                    || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(attribute))) {
                projected.put(attribute, e.getValue());
            }
        }
        return projected;
    }

    /** Whether an attribute is available in this index's entries. */
    boolean projects(String attribute, KeySchema tableKey) {
        return projectionType.equals("ALL") || tableKey.isKeyAttribute(attribute) || key.isKeyAttribute(attribute)
                || nonKeyAttributes.contains(attribute);
    }

    void remove(Map<String, Value> item, Key tableKey) {
        Key entry = entryKey(item, tableKey);
        if (entry != null) {
            Stored old = entries.remove(entry);
            if (old != null) {
                sizeBytes -= old.size();
            }
        }
    }

    /**
     * Adds an item's entry, if it has the index key.
     *
     * @param item the item
     * @param stored the item as its table holds it, which an index that projects every attribute shares
     */
    void add(Map<String, Value> item, Stored stored, Key tableKey, KeySchema tableSchema) {
        Key entry = entryKey(item, tableKey);
        if (entry != null) {
            Stored projected = projectionType.equals("ALL") ? stored : Stored.of(projection(item, tableSchema));
            entries.put(entry, projected);
            sizeBytes += projected.size();
        }
    }

    Set<String> keyAttributes() {
        return key.rangeName() == null ? Set.of(key.hashName()) : Set.of(key.hashName(), key.rangeName());
    }
}
