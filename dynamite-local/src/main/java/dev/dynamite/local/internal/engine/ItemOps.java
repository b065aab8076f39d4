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
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** PutItem, GetItem, UpdateItem and DeleteItem; also the single-item steps of batches and transactions. */
final class ItemOps {
    private static final List<String> PUT_DELETE_RETURNS = List.of("NONE", "ALL_OLD");
    private static final List<String> UPDATE_RETURNS = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW",
            "UPDATED_NEW");

    private final Engine engine;

    ItemOps(Engine engine) {
        this.engine = engine;
    }

    /** A parsed write: the table, the item key, what to check and what to change. Built before anything changes. */
    record Write(TableState table, Key key, Map<String, Value> keyAttributes, @Nullable Condition condition,
                 Kind kind, @Nullable Map<String, Value> item, @Nullable Update update, boolean returnOldOnFailure) {
        enum Kind { PUT, UPDATE, DELETE, CHECK }
    }

    Map<String, Object> putItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("TableName").tableName("TableName").required("Item")
                .oneOf("ReturnValues", List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        p.check();
        String returns = returnValues(p, PUT_DELETE_RETURNS, "PutItem");
        Write write = parsePut(p);
        Map<String, Value> old = apply(write);
        return response(p, write.table(), returns.equals("ALL_OLD") ? old : null,
                Requests.writeUnits(old, write.item()));
    }

    Map<String, Object> deleteItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("TableName").tableName("TableName").required("Key")
                .oneOf("ReturnValues", List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        p.check();
        String returns = returnValues(p, PUT_DELETE_RETURNS, "DeleteItem");
        Write write = parseDelete(p);
        Map<String, Value> old = apply(write);
        return response(p, write.table(), returns.equals("ALL_OLD") ? old : null, Requests.writeUnits(old, null));
    }

    Map<String, Object> updateItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("TableName").tableName("TableName").required("Key").oneOf("ReturnValues", UPDATE_RETURNS);
        p.check();
        String returns = p.string("ReturnValues") == null ? "NONE" : p.string("ReturnValues");
        Write write = parseUpdate(p);
        Map<String, Value> old = apply(write);
        Map<String, Value> now = write.table().get(write.key());
        Map<String, Value> returned = switch (returns) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> now;
            case "UPDATED_OLD" -> old == null ? null : only(old, write.update() == null ? Set.of()
                    : write.update().topLevelAttributes());
            case "UPDATED_NEW" -> only(now, write.update() == null ? Set.of() : write.update().topLevelAttributes());
            default -> null;
        };
        return response(p, write.table(), returned, Requests.writeUnits(old, now));
    }

    Map<String, Object> getItem(Map<String, Object> request) {
        Params p = new Params(request);
        p.required("TableName").tableName("TableName").required("Key");
        p.check();
        String projectionText = p.string("ProjectionExpression");
        ExpressionContext ctx = Requests.context(p, projectionText != null);
        Projection projection = projectionText == null ? null : Expressions.projection(projectionText, ctx);
        ctx.checkAllUsed();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, p.map("Key"));
        Map<String, Value> item = visible(table, table.get(table.key.keyOf(key)));
        Map<String, Object> response = new LinkedHashMap<>();
        if (item != null) {
            response.put("Item", Values.toJson(projection == null ? item : projection.apply(item)));
        }
        Requests.consumed(p, response, table.name, Requests.readUnits(item == null ? 0 : Value.itemSize(item),
                p.bool("ConsistentRead")));
        return response;
    }

    /** The item, unless TTL has expired it. */
    @Nullable Map<String, Value> visible(TableState table, @Nullable Map<String, Value> item) {
        return item == null || table.expired(item, engine.now()) ? null : item;
    }

    Write parsePut(Params p) {
        String conditionText = p.string("ConditionExpression");
        ExpressionContext ctx = Requests.context(p, conditionText != null);
        Condition condition = conditionText == null ? null
                : Expressions.condition(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> item = Values.item(p.map("Item"));
        Requests.checkItem(table, item);
        Key key = table.key.keyOf(item);
        return new Write(table, key, table.key.project(item), condition, Write.Kind.PUT, item, null,
                returnOld(p));
    }

    Write parseDelete(Params p) {
        String conditionText = p.string("ConditionExpression");
        ExpressionContext ctx = Requests.context(p, conditionText != null);
        Condition condition = conditionText == null ? null
                : Expressions.condition(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, p.map("Key"));
        return new Write(table, table.key.keyOf(key), key, condition, Write.Kind.DELETE, null, null, returnOld(p));
    }

    Write parseUpdate(Params p) {
        String conditionText = p.string("ConditionExpression");
        String updateText = p.string("UpdateExpression");
        ExpressionContext ctx = Requests.context(p, conditionText != null || updateText != null);
        Update update = updateText == null ? null : Expressions.update(updateText, ctx);
        Condition condition = conditionText == null ? null
                : Expressions.condition(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, p.map("Key"));
        if (update != null) {
            for (String attribute : update.topLevelAttributes()) {
                if (table.key.isKeyAttribute(attribute)) {
                    throw DynamoException.validation("One or more parameter values were invalid: Cannot update"
                            + " attribute " + attribute + ". This attribute is part of the key");
                }
            }
        }
        return new Write(table, table.key.keyOf(key), key, condition, Write.Kind.UPDATE, null, update, returnOld(p));
    }

    Write parseConditionCheck(Params p) {
        String conditionText = p.string("ConditionExpression");
        ExpressionContext ctx = Requests.context(p, conditionText != null);
        Condition condition = conditionText == null ? null
                : Expressions.condition(conditionText, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        TableState table = engine.activeTable(p.string("TableName"));
        Map<String, Value> key = Requests.key(table.key, p.map("Key"));
        return new Write(table, table.key.keyOf(key), key, condition, Write.Kind.CHECK, null, null, returnOld(p));
    }

    /**
     * Checks the write's condition against the current item and computes the new item, changing nothing.
     *
     * @return the new item, or null for a delete (or a missing item left missing); the old item for a check
     * @throws DynamoException when the condition fails or the update cannot be applied
     */
    @Nullable Map<String, Value> prepare(Write write) {
        Map<String, Value> old = visible(write.table(), write.table().get(write.key()));
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
                yield updated;
            }
        };
    }

    /** Stores the result of {@link #prepare}. */
    void commit(Write write, @Nullable Map<String, Value> next) {
        switch (write.kind()) {
            case PUT, UPDATE -> write.table().put(write.key(), next);
            case DELETE -> write.table().delete(write.key());
            case CHECK -> { }
        }
    }

    /** Prepares and commits one write; returns the old item. */
    @Nullable Map<String, Value> apply(Write write) {
        write.table().sweepExpired(engine.now());
        Map<String, Value> old = visible(write.table(), write.table().get(write.key()));
        Map<String, Value> next = prepare(write);
        commit(write, next);
        return old;
    }

    private static boolean returnOld(Params p) {
        return "ALL_OLD".equals(p.string("ReturnValuesOnConditionCheckFailure"));
    }

    private static String returnValues(Params p, List<String> allowed, String operation) {
        String returns = p.string("ReturnValues");
        if (returns == null) {
            return "NONE";
        }
        if (!allowed.contains(returns)) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return returns;
    }

    private static @Nullable Map<String, Value> only(@Nullable Map<String, Value> item, Set<String> attributes) {
        if (item == null) {
            return null;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (attributes.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, Object> response(Params p, TableState table, @Nullable Map<String, Value> attributes,
                                                double units) {
        Map<String, Object> response = new LinkedHashMap<>();
        if (attributes != null && !attributes.isEmpty()) {
            response.put("Attributes", Values.toJson(attributes));
        }
        Requests.consumed(p, response, table.name, units);
        return response;
    }
}
