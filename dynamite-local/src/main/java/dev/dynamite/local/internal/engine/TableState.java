package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One table: its definition, its items in key order, and its indexes. Guarded by the engine's lock. */
final class TableState {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    final String name;
    final String id;
    final KeySchema key;
    final Map<String, String> attributeTypes;
    final Map<String, IndexState> indexes = new LinkedHashMap<>();
    final long createdAt;
    final TreeMap<Key, Stored> items = new TreeMap<>();
    String billingMode;
    @Nullable Map<String, Object> provisionedThroughput;
    long activeAt;
    long updatingUntil;
    /** When DeleteTable was called, or {@code Long.MAX_VALUE}; the table is DELETING until {@link #deletedAt}. */
    long deletingSince = Long.MAX_VALUE;
    long deletedAt = Long.MAX_VALUE;
    long sizeBytes;
    @Nullable String ttlAttribute;
    boolean ttlEnabled;
    long lastSweep;

    TableState(String name, String id, KeySchema key, Map<String, String> attributeTypes, String billingMode,
               @Nullable Map<String, Object> provisionedThroughput, long createdAt, long activeAt) {
        this.name = name;
        this.id = id;
        this.key = key;
        this.attributeTypes = new LinkedHashMap<>(attributeTypes);
        this.billingMode = billingMode;
        this.provisionedThroughput = provisionedThroughput;
        this.createdAt = createdAt;
        this.activeAt = activeAt;
    }

    String arn() {
        return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name;
    }

    String status(long now) {
        if (now < activeAt) {
            return "CREATING";
        }
        if (now < updatingUntil) {
            return "UPDATING";
        }
        return "ACTIVE";
    }

    /** The item at a key as held, or null. */
    @Nullable Stored stored(Key k) {
        return items.get(k);
    }

    /** Stores an item at a key; returns the item it replaces, as held, or null. */
    @Nullable Stored put(Key k, Map<String, Value> item) {
        return put(k, item, Value.itemSize(item));
    }

    /** {@link #put(Key, Map)} of an item whose size is known. */
    @Nullable Stored put(Key k, Map<String, Value> item, int size) {
        Stored stored = Stored.of(item, size);
        Stored old = items.put(k, stored);
        if (old != null) {
            sizeBytes -= old.size();
            removeFromIndexes(old, k);
        }
        sizeBytes += stored.size();
        for (IndexState index : indexes.values()) {
            index.add(item, stored, k, key);
        }
        return old;
    }

    void delete(Key k) {
        Stored old = items.remove(k);
        if (old != null) {
            sizeBytes -= old.size();
            removeFromIndexes(old, k);
        }
    }

    private void removeFromIndexes(Stored old, Key k) {
        if (!indexes.isEmpty()) {
            Map<String, Value> item = old.item();
            for (IndexState index : indexes.values()) {
                index.remove(item, k);
            }
        }
    }

    /** Whether TTL has expired a stored item (decoded only when the table has TTL on). */
    boolean expired(Stored item, long nowMillis) {
        return ttlEnabled && ttlAttribute != null && expired(item.item(), nowMillis);
    }

    /** Whether TTL has expired this item: the TTL attribute is a number of epoch seconds before now. */
    boolean expired(Map<String, Value> item, long nowMillis) {
        if (!ttlEnabled || ttlAttribute == null) {
            return false;
        }
        // DynamoDB: expired when the epoch seconds stored are less than the current time
        return item.get(ttlAttribute) instanceof Value.N n
                && n.value().compareTo(BigDecimal.valueOf(nowMillis).movePointLeft(3)) < 0;
    }

    /** Deletes expired items; DynamoDB does this in the background, here it runs on writes, at most once a second. */
    void sweepExpired(long nowMillis) {
        if (!ttlEnabled || nowMillis - lastSweep < 1000) {
            return;
        }
        lastSweep = nowMillis;
        List<Key> expired = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Stored>> it = items.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Stored> e = it.next();
            if (expired(e.getValue(), nowMillis)) {
                expired.add(e.getKey());
            }
        }
        expired.forEach(this::delete);
    }

    Map<String, Object> describe(long now) {
        Map<String, Object> d = new LinkedHashMap<>();
        List<Object> definitions = new ArrayList<>();
        attributeTypes.forEach((n, t) -> definitions.add(Map.of("AttributeName", n, "AttributeType", t)));
        d.put("AttributeDefinitions", definitions);
        d.put("TableName", name);
        d.put("KeySchema", key.toJson());
        d.put("TableStatus", status(now));
        d.put("CreationDateTime", seconds(createdAt));
        d.put("ProvisionedThroughput", throughput(provisionedThroughput));
        d.put("TableSizeBytes", BigDecimal.valueOf(sizeBytes));
        d.put("ItemCount", BigDecimal.valueOf(items.size()));
        d.put("TableArn", arn());
        d.put("TableId", id);
        if (billingMode.equals("PAY_PER_REQUEST")) {
            d.put("BillingModeSummary", Map.of("BillingMode", "PAY_PER_REQUEST",
                    "LastUpdateToPayPerRequestDateTime", seconds(createdAt)));
            d.put("TableThroughputModeSummary", Map.of("TableThroughputMode", "PAY_PER_REQUEST",
                    "LastUpdateToPayPerRequestDateTime", seconds(createdAt)));
        }
        List<Object> globals = new ArrayList<>();
        List<Object> locals = new ArrayList<>();
        for (IndexState index : indexes.values()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("IndexName", index.name);
            i.put("KeySchema", index.key.toJson());
            Map<String, Object> projection = new LinkedHashMap<>();
            projection.put("ProjectionType", index.projectionType);
            if (!index.nonKeyAttributes.isEmpty()) {
                projection.put("NonKeyAttributes", new ArrayList<>(index.nonKeyAttributes));
            }
            i.put("Projection", projection);
            if (index.global) {
                i.put("IndexStatus", now < index.activeAt ? "CREATING" : "ACTIVE");
                if (now < index.activeAt) {
                    i.put("Backfilling", Boolean.FALSE);
                }
                i.put("ProvisionedThroughput", throughput(index.provisionedThroughput));
            }
            i.put("IndexSizeBytes", BigDecimal.valueOf(index.sizeBytes));
            i.put("ItemCount", BigDecimal.valueOf(index.entries.size()));
            i.put("IndexArn", arn() + "/index/" + index.name);
            (index.global ? globals : locals).add(i);
        }
        if (!globals.isEmpty()) {
            d.put("GlobalSecondaryIndexes", globals);
        }
        if (!locals.isEmpty()) {
            d.put("LocalSecondaryIndexes", locals);
        }
        return d;
    }

    private static Map<String, Object> throughput(@Nullable Map<String, Object> provisioned) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("NumberOfDecreasesToday", BigDecimal.ZERO);
        t.put("ReadCapacityUnits", provisioned == null ? BigDecimal.ZERO : provisioned.get("ReadCapacityUnits"));
        t.put("WriteCapacityUnits", provisioned == null ? BigDecimal.ZERO : provisioned.get("WriteCapacityUnits"));
        return t;
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3);
    }
}
