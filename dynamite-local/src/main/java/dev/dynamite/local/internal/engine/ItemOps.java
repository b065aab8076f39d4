package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.expr.Condition;
import dev.dynamite.local.internal.expr.ExpressionContext;
import dev.dynamite.local.internal.expr.Expressions;
import dev.dynamite.local.internal.expr.Projection;
import dev.dynamite.local.internal.expr.Update;
import dev.dynamite.local.internal.value.Value;
import dev.dynamite.local.internal.value.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** PutItem, GetItem, UpdateItem and DeleteItem; also the single-item steps of batches and transactions. */
final class ItemOps {
    static final List<String> CAPACITY = List.of("INDEXES", "TOTAL", "NONE");
    static final List<String> METRICS = List.of("SIZE", "NONE");
    private static final List<String> RETURN_VALUES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE",
            "UPDATED_NEW");
    private static final List<String> ON_FAILURE = List.of("ALL_OLD", "NONE");

    private final Engine engine;

    ItemOps(Engine engine) {
        this.engine = engine;
    }

    /**
     * A parsed write: the table, the item key, what to check and what to change (for a put, the item and its size,
     * counted once). Built before anything changes.
     */
    record Write(TableState table, Key key, Map<String, Value> keyAttributes, @Nullable Condition condition,
                 Kind kind, @Nullable Map<String, Value> item, int itemSize, @Nullable Update update,
                 boolean returnOldOnFailure) {
        enum Kind { PUT, UPDATE, DELETE, CHECK }
    }

    Map<String, Object> putItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", CAPACITY).required("TableName").tableName("TableName").required("Item")
                .oneOf("ReturnValues", RETURN_VALUES).oneOf("ReturnItemCollectionMetrics", METRICS)
                .oneOf("ReturnValuesOnConditionCheckFailure", ON_FAILURE);
        p.check();
        Write write = parsePut(p, true);
        Stored old = apply(write);
        return response(p, write.table(), "ALL_OLD".equals(p.string("ReturnValues")) ? decoded(old) : null,
                Requests.writeUnits(old, write.itemSize()));
    }

    Map<String, Object> deleteItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", CAPACITY).required("TableName").tableName("TableName")
                .oneOf("ReturnValues", RETURN_VALUES).oneOf("ReturnItemCollectionMetrics", METRICS).required("Key")
                .oneOf("ReturnValuesOnConditionCheckFailure", ON_FAILURE);
        p.check();
        Write write = parseDelete(p, true);
        Stored old = apply(write);
        return response(p, write.table(), "ALL_OLD".equals(p.string("ReturnValues")) ? decoded(old) : null,
                Requests.writeUnits(old, 0));
    }

    Map<String, Object> updateItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", CAPACITY).required("TableName").tableName("TableName")
                .oneOf("ReturnItemCollectionMetrics", METRICS).oneOf("ReturnValues", RETURN_VALUES).required("Key")
                .oneOf("ReturnValuesOnConditionCheckFailure", ON_FAILURE);
        p.check();
        String returns = p.string("ReturnValues") == null ? "NONE" : p.string("ReturnValues");
        Write write = parseUpdate(p);
        Stored old = apply(write);
        Stored now = write.table().stored(write.key());
        Update update = write.update();
        Map<String, Value> returned = switch (returns) {
            case "ALL_OLD" -> decoded(old);
            case "ALL_NEW" -> decoded(now);
            case "UPDATED_OLD" -> old == null || update == null ? null : update.updatedPaths().apply(old.item());
            case "UPDATED_NEW" -> now == null || update == null ? null : update.updatedPaths().apply(now.item());
            default -> null;
        };
        return response(p, write.table(), returned, Requests.writeUnits(old, now));
    }

    Map<String, Object> getItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", CAPACITY).required("TableName").tableName("TableName").required("Key");
        p.check();
        KeyedRead read = parseKeyedRead(p);
        Stored item = visible(read.table(), read.table().stored(read.position()));
        Map<String, Object> response = new LinkedHashMap<>(read.answer(item));
        Requests.consumed(p, response, read.table().name, Requests.readUnits(item == null ? 0 : item.size(),
                p.bool("ConsistentRead")));
        return response;
    }

    /**
     * A parsed read of one item by key, as GetItem and each Get of TransactGetItems make it.
     *
     * @param table the table
     * @param position the item's key position
     * @param projection the ProjectionExpression, or null for the whole item
     */
    record KeyedRead(TableState table, Key position, @Nullable Projection projection) {
        /** The answer for the item: {@code {"Item": …}} projected, or {@code {}} when there is none. */
        Map<String, Object> answer(@Nullable Stored item) {
            return item == null ? Map.of()
                    : Map.of("Item", projection == null ? item.json() : Values.toJson(projection.apply(item.item())));
        }
    }

    /** Reads TableName, Key and the projection parameters of a one-item read, checked as DynamoDB checks them. */
    KeyedRead parseKeyedRead(Params p) {
        Requests.expressionParams(p, "ProjectionExpression");
        Map<String, Value> keyValues = Values.item(p.map("Key"));
        String projectionText = p.string("ProjectionExpression");
        ExpressionContext ctx = Requests.context(p, false);
        Projection projection = projectionText == null ? null : Expressions.projection(projectionText, ctx);
        ctx.checkAllUsed();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, keyValues);
        return new KeyedRead(table, table.key.keyOf(key), projection);
    }

    /** The item, unless TTL has expired it. */
    @Nullable Stored visible(TableState table, @Nullable Stored item) {
        return item == null || table.expired(item, engine.now()) ? null : item;
    }

    private static @Nullable Map<String, Value> decoded(@Nullable Stored item) {
        return item == null ? null : item.item();
    }

    /**
     * Reads a put: the checks DynamoDB makes before looking at the table (placeholders, values, ReturnValues of a
     * single PutItem, size, the condition), then the table's key schema.
     *
     * @param single a PutItem request (batches and transactions have no ReturnValues)
     */
    Write parsePut(Params p, boolean single) {
        Requests.expressionParams(p, "ConditionExpression");
        Map<String, Value> item = Values.item(p.map("Item"));
        if (single) {
            checkReturnValues(p);
        }
        int size = Requests.checkSize(item);
        Condition condition = condition(p);
        TableState table = engine.activeTable(p.string("TableName"));
        Requests.checkItem(table, item);
        Key key = table.key.keyOf(item);
        return new Write(table, key, table.key.project(item), condition, Write.Kind.PUT, item, size, null,
                returnOld(p));
    }

    /**
     * Reads a delete.
     *
     * @param single a DeleteItem request (batches and transactions have no ReturnValues)
     */
    Write parseDelete(Params p, boolean single) {
        Requests.expressionParams(p, "ConditionExpression");
        Map<String, Value> keyValues = Values.item(p.map("Key"));
        if (single) {
            checkReturnValues(p);
        }
        Condition condition = condition(p);
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, keyValues);
        return new Write(table, table.key.keyOf(key), key, condition, Write.Kind.DELETE, null, 0, null, returnOld(p));
    }

    Write parseUpdate(Params p) {
        Requests.expressionParams(p, "UpdateExpression", "ConditionExpression");
        Map<String, Value> keyValues = Values.item(p.map("Key"));
        String conditionText = p.string("ConditionExpression");
        String updateText = p.string("UpdateExpression");
        ExpressionContext ctx = Requests.context(p, true);
        Update update = updateText == null ? null : Expressions.update(updateText, ctx);
        Condition condition = conditionText == null ? null
                : Expressions.condition(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, keyValues);
        if (update != null) {
            for (String attribute : update.topLevelAttributes()) {
                if (table.key.isKeyAttribute(attribute)) {
                    throw DynamoException.validation("One or more parameter values were invalid: Cannot update"
                            + " attribute " + attribute + ". This attribute is part of the key");
                }
            }
        }
        return new Write(table, table.key.keyOf(key), key, condition, Write.Kind.UPDATE, null, 0, update, returnOld(p));
    }

    Write parseConditionCheck(Params p) {
        Requests.expressionParams(p, "ConditionExpression");
        Map<String, Value> keyValues = Values.item(p.map("Key"));
        Condition condition = condition(p);
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, keyValues);
        return new Write(table, table.key.keyOf(key), key, condition, Write.Kind.CHECK, null, 0, null, returnOld(p));
    }

    /** The request's ConditionExpression, checking its placeholders. */
    private static @Nullable Condition condition(Params p) {
        String conditionText = p.string("ConditionExpression");
        ExpressionContext ctx = Requests.context(p, true);
        Condition condition = conditionText == null ? null
                : Expressions.condition(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        return condition;
    }

    private static void checkReturnValues(Params p) {
        String returns = p.string("ReturnValues");
        if (returns != null && !returns.equals("ALL_OLD") && !returns.equals("NONE")) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
    }

    /**
     * Checks the write's condition against the current item and computes the new item, changing nothing.
     *
     * @return the new item, or null for a delete (or a missing item left missing); the old item for a check
     * @throws DynamoException when the condition fails or the update cannot be applied
     */
    @Nullable Map<String, Value> prepare(Write write) {
        return prepare(write, visible(write.table(), write.table().stored(write.key())));
    }

    /** {@link #prepare(Write)} on the item as it is now, decoded only if the condition or the write reads it. */
    private @Nullable Map<String, Value> prepare(Write write, @Nullable Stored current) {
        boolean reads = write.condition() != null || write.kind() == Write.Kind.UPDATE
                || write.kind() == Write.Kind.CHECK;
        Map<String, Value> old = reads ? decoded(current) : null;
        if (write.condition() != null && !write.condition().test(old == null ? Map.of() : old)) {
            throw write.returnOldOnFailure() && old != null
                    ? DynamoException.conditionFailed(Values.toJson(old))
                    : DynamoException.conditionFailed();
        }
        return switch (write.kind()) {
            case PUT -> write.item();
            case DELETE -> null;
            case CHECK -> old;
            case UPDATE -> {
                Map<String, Value> base = old == null ? new LinkedHashMap<>(write.keyAttributes()) : old;
                Map<String, Value> updated = write.update() == null ? base : write.update().apply(base);
                Requests.checkItem(write.table(), updated);
                Requests.checkSize(updated);
                yield updated;
            }
        };
    }

    /** Stores the result of {@link #prepare}. */
    void commit(Write write, @Nullable Map<String, Value> next) {
        switch (write.kind()) {
            case PUT -> write.table().put(write.key(), next, write.itemSize());
            case UPDATE -> write.table().put(write.key(), next);
            case DELETE -> write.table().delete(write.key());
            case CHECK -> { }
        }
    }

    /** Prepares and commits one write; returns the old item, as held. */
    @Nullable Stored apply(Write write) {
        write.table().sweepExpired(engine.now());
        if (write.kind() == Write.Kind.PUT && write.condition() == null) {
            // nothing to check first, so one descent of the table's tree both finds the old item and replaces it
            return visible(write.table(), write.table().put(write.key(), write.item(), write.itemSize()));
        }
        Stored old = visible(write.table(), write.table().stored(write.key()));
        Map<String, Value> next = prepare(write, old);
        commit(write, next);
        return old;
    }

    private static boolean returnOld(Params p) {
        return "ALL_OLD".equals(p.string("ReturnValuesOnConditionCheckFailure"));
    }

    private static Map<String, Object> response(Params p, TableState table, @Nullable Map<String, Value> attributes,
                                                double units) {
        Map<String, Object> response = new LinkedHashMap<>();
        if (attributes != null) {
            response.put("Attributes", Values.toJson(attributes));
        }
        Requests.consumed(p, response, table.name, units);
        return response;
    }
}
