package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.json.Json;
import dev.dynamite.local.internal.value.Value;
import dev.dynamite.local.internal.value.Values;
import java.util.Map;

/**
 * An item as a table or an index holds it: its DynamoDB JSON, which is what a read answers, and its size. A table
 * holds every item it stores, so the collector copies each one while it is young and walks it ever after: as one
 * string, an item costs it two objects, where its decoded form costs some dozens. The decoded form is made again when
 * a condition, an update, a filter or a projection needs it.
 */
final class Stored {
    private final String json;
    private final int size;

    private Stored(String json, int size) {
        this.json = json;
        this.size = size;
    }

    /**
     * Returns the stored form of an item.
     *
     * @param item the item
     * @return its stored form
     */
    static Stored of(Map<String, Value> item) {
        return of(item, Value.itemSize(item));
    }

    /**
     * Returns the stored form of an item whose size is known.
     *
     * @param item the item
     * @param size its size, as {@link Value#itemSize} counts it
     * @return its stored form
     */
    static Stored of(Map<String, Value> item, int size) {
        return new Stored(Json.write(Values.toJson(item)), size);
    }

    /** The item, decoded: a new, mutable map each call, in the order stored. */
    Map<String, Value> item() {
        return Values.item(Json.parse(json));
    }

    /** The item's JSON, to put in a response as it is. */
    Json.Raw json() {
        return new Json.Raw(json);
    }

    /** The size DynamoDB counts for the item. */
    int size() {
        return size;
    }
}
