package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.expr.ExpressionContext;
import dev.dynamite.local.internal.expr.Expressions;
import dev.dynamite.local.internal.expr.Projection;
import dev.dynamite.local.internal.value.Value;
import dev.dynamite.local.internal.value.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes), validated whole before running. */
final class BatchOps {
    static final int MAX_GET = 100;
    static final int MAX_WRITE = 25;
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    private static final String TABLE_NAME_KEYS = "Map keys must satisfy constraint: [Member must have length less"
            + " than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular"
            + " expression pattern: " + Params.TABLE_NAME_PATTERN + "]";

    private final Engine engine;
    private final ItemOps itemOps;

    BatchOps(Engine engine, ItemOps itemOps) {
        this.engine = engine;
        this.itemOps = itemOps;
    }

    Map<String, Object> batchGetItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", ItemOps.CAPACITY).required("RequestItems");
        Map<String, Object> requestItems = p.map("RequestItems");
        if (requestItems != null) {
            p.minLengthAt(requestItems, "requestItems", 1);
            checkTableNames(p, requestItems);
            for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
                if (entry.getValue() instanceof Map<?, ?> spec) {
                    String at = "requestItems." + entry.getKey() + ".member.keys";
                    p.notNullAt(spec.get("Keys"), at);
                    p.minLengthAt(spec.get("Keys"), at, 1);
                    p.maxLengthAt(spec.get("Keys"), at, MAX_GET);
                }
            }
        }
        p.check();
        record TableRead(String name, List<Map<String, Value>> keys, @Nullable Projection projection,
                         boolean consistent) {
        }
        List<TableRead> reads = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
            @SuppressWarnings("unchecked")
            Params tp = new Params((Map<String, Object>) entry.getValue());
            Requests.expressionParams(tp, "ProjectionExpression");
            String projectionText = tp.string("ProjectionExpression");
            ExpressionContext ctx = Requests.context(tp, false);
            Projection projection = projectionText == null ? null : Expressions.projection(projectionText, ctx);
            ctx.checkAllUsed();
            List<Map<String, Value>> keys = new ArrayList<>();
            Set<Map<String, Value>> seen = new HashSet<>();
            for (Object k : tp.list("Keys")) {
                Map<String, Value> key = Values.item(k);
                if (!seen.add(key)) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
                if (++total > MAX_GET) {
                    throw DynamoException.validation("Too many items requested for the BatchGetItem call");
                }
            }
            reads.add(new TableRead(entry.getKey(), keys, projection, tp.bool("ConsistentRead")));
        }
        List<TableState> tables = new ArrayList<>();
        for (TableRead read : reads) {
            TableState table = engine.activeTable(read.name());
            for (Map<String, Value> key : read.keys()) {
                Requests.key(table.key, key);
            }
            tables.add(table);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        List<Object> consumed = new ArrayList<>();
        int bytes = 0;
        for (int t = 0; t < reads.size(); t++) {
            TableRead read = reads.get(t);
            TableState table = tables.get(t);
            List<Object> found = new ArrayList<>();
            responses.put(table.name, found);
            double units = 0;
            for (Map<String, Value> key : read.keys()) {
                Stored item = itemOps.visible(table, table.stored(table.key.keyOf(key)));
                int size = item == null ? 0 : item.size();
                units += Requests.readUnits(size, read.consistent());
                if (item == null) {
                    continue;
                }
                if (bytes + size > MAX_RESPONSE_BYTES) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rest = (Map<String, Object>) unprocessed.computeIfAbsent(table.name,
                            name -> new LinkedHashMap<>(Map.of("Keys", new ArrayList<>())));
                    @SuppressWarnings("unchecked")
                    List<Object> restKeys = (List<Object>) rest.get("Keys");
                    restKeys.add(Values.toJson(key));
                    continue;
                }
                bytes += size;
                found.add(read.projection() == null ? item.json()
                        : Values.toJson(read.projection().apply(item.item())));
            }
            Requests.consumed(p, consumed, table.name, units);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Responses", responses);
        response.put("UnprocessedKeys", unprocessed);
        if (!consumed.isEmpty()) {
            response.put("ConsumedCapacity", consumed);
        }
        return response;
    }

    Map<String, Object> batchWriteItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", ItemOps.CAPACITY).oneOf("ReturnItemCollectionMetrics", ItemOps.METRICS)
                .required("RequestItems");
        Map<String, Object> requestItems = p.map("RequestItems");
        if (requestItems != null) {
            p.minLengthAt(requestItems, "requestItems", 1);
            checkTableNames(p, requestItems);
            for (Object requests : requestItems.values()) {
                if (requests instanceof List<?> list && (list.isEmpty() || list.size() > MAX_WRITE)) {
                    p.violation(requestItems, "requestItems", "Map value must satisfy constraint: [Member must have"
                            + " length less than or equal to " + MAX_WRITE + ", Member must have length greater than"
                            + " or equal to 1]");
                }
            }
            for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
                if (entry.getValue() instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (!(list.get(i) instanceof Map<?, ?> r)) {
                            continue;
                        }
                        String at = "requestItems." + entry.getKey() + ".member." + (i + 1) + ".member.";
                        if (r.get("DeleteRequest") instanceof Map<?, ?> delete) {
                            p.notNullAt(delete.get("Key"), at + "deleteRequest.key");
                        }
                        if (r.get("PutRequest") instanceof Map<?, ?> put) {
                            p.notNullAt(put.get("Item"), at + "putRequest.item");
                        }
                    }
                }
            }
        }
        p.check();
        // size: a put's item size, 0 for a delete
        record Parsed(String table, boolean put, Map<String, Value> values, int size) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
            List<?> list = (List<?>) entry.getValue();
            for (Object o : list) {
                if (((Map<?, ?>) o).isEmpty()) {
                    throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must"
                            + " contain exactly one of the supported datatypes");
                }
            }
            for (Object o : list) {
                Map<?, ?> r = (Map<?, ?>) o;
                if (r.get("PutRequest") instanceof Map<?, ?> put) {
                    Map<String, Value> item = Values.item(put.get("Item"));
                    parsed.add(new Parsed(entry.getKey(), true, item, Requests.checkSize(item)));
                } else if (r.get("DeleteRequest") instanceof Map<?, ?> delete) {
                    parsed.add(new Parsed(entry.getKey(), false, Values.item(delete.get("Key")), 0));
                }
            }
        }
        if (parsed.size() > MAX_WRITE) {
            throw DynamoException.validation("Too many items requested for the BatchWriteItem call");
        }
        List<ItemOps.Write> writes = new ArrayList<>();
        Map<String, Set<Key>> seen = new LinkedHashMap<>();
        for (Parsed r : parsed) {
            TableState table = engine.activeTable(r.table());
            ItemOps.Write write;
            if (r.put()) {
                try {
                    Requests.checkItem(table, r.values());
                } catch (DynamoException e) {
                    if (e.getMessage().contains("Missing the key") || e.getMessage().contains("Type mismatch for key")) {
                        throw DynamoException.validation("The provided key element does not match the schema");
                    }
                    throw e;
                }
                write = new ItemOps.Write(table, table.key.keyOf(r.values()), table.key.project(r.values()), null,
                        ItemOps.Write.Kind.PUT, r.values(), r.size(), null, false);
            } else {
                Map<String, Value> key = Requests.key(table.key, r.values());
                write = new ItemOps.Write(table, table.key.keyOf(key), key, null, ItemOps.Write.Kind.DELETE, null,
                        0, null, false);
            }
            if (!seen.computeIfAbsent(table.name, t -> new HashSet<>()).add(write.key())) {
                throw DynamoException.validation("Provided list of item keys contains duplicates");
            }
            writes.add(write);
        }
        Map<String, Double> units = new LinkedHashMap<>();
        for (ItemOps.Write write : writes) {
            Stored old = itemOps.apply(write);
            units.merge(write.table().name, Requests.writeUnits(old, write.itemSize()), Double::sum);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("UnprocessedItems", Map.of());
        List<Object> consumed = new ArrayList<>();
        units.forEach((table, u) -> Requests.consumed(p, consumed, table, u));
        if (!consumed.isEmpty()) {
            response.put("ConsumedCapacity", consumed);
        }
        return response;
    }

    /** Each table name of RequestItems must be a valid table name; a bad one is reported with the whole map. */
    private static void checkTableNames(Params p, Map<String, Object> requestItems) {
        for (String table : requestItems.keySet()) {
            if (table.length() > 255 || table.length() < 3 || !Params.isName(table)) {
                p.violation(requestItems, "requestItems", TABLE_NAME_KEYS);
            }
        }
    }
}
