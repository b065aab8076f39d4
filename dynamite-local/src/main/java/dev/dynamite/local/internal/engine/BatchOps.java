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

/** BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes), validated whole before running. */
final class BatchOps {
    static final int MAX_GET = 100;
    static final int MAX_WRITE = 25;
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private final Engine engine;
    private final ItemOps itemOps;

    BatchOps(Engine engine, ItemOps itemOps) {
        this.engine = engine;
        this.itemOps = itemOps;
    }

    Map<String, Object> batchGetItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("RequestItems");
        p.check();
        Map<String, Object> requestItems = p.map("RequestItems");
        if (requestItems.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        record TableRead(TableState table, List<Map<String, Value>> keys, Projection projection, boolean consistent) {
        }
        List<TableRead> reads = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) entry.getValue();
            Params tp = new Params(spec);
            String projectionText = tp.string("ProjectionExpression");
            ExpressionContext ctx = Requests.context(tp, projectionText != null);
            Projection projection = projectionText == null ? null : Expressions.projection(projectionText, ctx);
            ctx.checkAllUsed();
            TableState table = engine.activeTable(entry.getKey());
            List<Object> keys = tp.list("Keys");
            List<Map<String, Value>> parsed = new ArrayList<>();
            Set<Key> seen = new HashSet<>();
            for (Object k : keys == null ? List.of() : keys) {
                @SuppressWarnings("unchecked")
                Map<String, Value> key = Requests.key(table.key, (Map<String, Object>) k);
                if (!seen.add(table.key.keyOf(key))) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                parsed.add(key);
            }
            total += parsed.size();
            reads.add(new TableRead(table, parsed, projection, tp.bool("ConsistentRead")));
        }
        if (total > MAX_GET) {
            throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        int bytes = 0;
        for (TableRead read : reads) {
            List<Object> found = new ArrayList<>();
            responses.put(read.table().name, found);
            for (Map<String, Value> key : read.keys()) {
                Map<String, Value> item = itemOps.visible(read.table(), read.table().get(read.table().key.keyOf(key)));
                if (item == null) {
                    continue;
                }
                int size = Value.itemSize(item);
                if (bytes + size > MAX_RESPONSE_BYTES) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rest = (Map<String, Object>) unprocessed.computeIfAbsent(read.table().name,
                            t -> new LinkedHashMap<>(Map.of("Keys", new ArrayList<>())));
                    @SuppressWarnings("unchecked")
                    List<Object> restKeys = (List<Object>) rest.get("Keys");
                    restKeys.add(Values.toJson(key));
                    continue;
                }
                bytes += size;
                found.add(Values.toJson(read.projection() == null ? item : read.projection().apply(item)));
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Responses", responses);
        response.put("UnprocessedKeys", unprocessed);
        return response;
    }

    Map<String, Object> batchWriteItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("RequestItems");
        p.check();
        Map<String, Object> requestItems = p.map("RequestItems");
        if (requestItems.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        List<ItemOps.Write> writes = new ArrayList<>();
        for (Map.Entry<String, Object> entry : requestItems.entrySet()) {
            List<?> list = (List<?>) entry.getValue();
            if (list.isEmpty() || list.size() > MAX_WRITE) {
                throw DynamoException.validation("1 validation error detected: Value at 'requestItems' failed to"
                        + " satisfy constraint: Map value must satisfy constraint: [Member must have length less than"
                        + " or equal to 25, Member must have length greater than or equal to 1]");
            }
            Set<Key> seen = new HashSet<>();
            for (Object o : list) {
                Map<?, ?> r = (Map<?, ?>) o;
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("TableName", entry.getKey());
                ItemOps.Write write;
                if (r.get("PutRequest") instanceof Map<?, ?> put) {
                    params.put("Item", put.get("Item"));
                    write = itemOps.parsePut(new Params(params));
                } else if (r.get("DeleteRequest") instanceof Map<?, ?> delete) {
                    params.put("Key", delete.get("Key"));
                    write = itemOps.parseDelete(new Params(params));
                } else {
                    throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must"
                            + " contain exactly one of the supported datatypes");
                }
                if (!seen.add(write.key())) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        if (writes.size() > MAX_WRITE) {
            throw DynamoException.validation("Too many items requested for the BatchWriteItem call");
        }
        for (ItemOps.Write write : writes) {
            itemOps.apply(write);
        }
        return Map.of("UnprocessedItems", Map.of());
    }
}
