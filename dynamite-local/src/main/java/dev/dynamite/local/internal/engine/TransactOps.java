package dev.dynamite.local.internal.engine;

import dev.dynamite.local.internal.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems (all or nothing, one cancellation reason per action, idempotent by client request token) and
 * TransactGetItems (a consistent snapshot). Both run under the engine lock, so they are atomic with respect to every
 * other operation.
 */
final class TransactOps {
    static final int MAX_ACTIONS = 100;
    static final long TOKEN_TTL_MILLIS = 10 * 60 * 1000;
    static final int MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

    /** A client request token already used: the request it came with and when, to answer a retry the same. */
    record Token(Map<String, Object> request, long at) {
    }

    private final Engine engine;
    private final ItemOps itemOps;

    TransactOps(Engine engine, ItemOps itemOps) {
        this.engine = engine;
        this.itemOps = itemOps;
    }

    Map<String, Object> transactWriteItems(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", ItemOps.CAPACITY).oneOf("ReturnItemCollectionMetrics", ItemOps.METRICS)
                .required("TransactItems").length("TransactItems", 1, MAX_ACTIONS).length("ClientRequestToken", 1, 36);
        p.check();
        List<Object> actions = p.list("TransactItems");
        String token = p.string("ClientRequestToken");
        long now = engine.now();
        if (token != null) {
            engine.tokens.values().removeIf(t -> now - t.at() > TOKEN_TTL_MILLIS);
            Token previous = engine.tokens.get(token);
            if (previous != null) {
                if (!previous.request().equals(request)) {
                    throw new DynamoException("IdempotentParameterMismatchException", "Request params do not match with"
                            + " the previous request with the same idempotency token", 400);
                }
                return Map.of();
            }
        }
        List<ItemOps.Write> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int bytes = 0;
        for (int i = 0; i < actions.size(); i++) {
            Map<?, ?> action = (Map<?, ?>) actions.get(i);
            if (action.size() != 1) {
                throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            Map.Entry<?, ?> entry = action.entrySet().iterator().next();
            @SuppressWarnings("unchecked")
            Params ap = new Params((Map<String, Object>) entry.getValue());
            ItemOps.Write write = switch ((String) entry.getKey()) {
                case "Put" -> itemOps.parsePut(ap, false);
                case "Update" -> itemOps.parseUpdate(ap);
                case "Delete" -> itemOps.parseDelete(ap, false);
                case "ConditionCheck" -> {
                    if (ap.string("ConditionExpression") == null) {
                        throw DynamoException.validation("1 validation error detected: Value null at 'transactItems."
                                + (i + 1) + ".member.conditionCheck.conditionExpression' failed to satisfy"
                                + " constraint: Member must not be null");
                    }
                    yield itemOps.parseConditionCheck(ap);
                }
                default -> throw DynamoException.validation(
                        "TransactItems can only contain one of Check, Put, Update or Delete");
            };
            if (!seen.add(write.table().name + "\u0000" + write.key())) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            if (write.item() != null) {
                bytes += Value.itemSize(write.item());
            }
            writes.add(write);
        }
        if (bytes > MAX_TRANSACTION_BYTES) {
            throw DynamoException.validation("Transaction size exceeded the maximum allowed size of 4 MB");
        }
        List<Map<String, Value>> results = new ArrayList<>();
        List<Object> reasons = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        boolean cancelled = false;
        for (ItemOps.Write write : writes) {
            write.table().sweepExpired(now);
            try {
                results.add(itemOps.prepare(write));
                reasons.add(Map.of("Code", "None"));
                codes.add("None");
            } catch (DynamoException e) {
                cancelled = true;
                results.add(null);
                Map<String, Object> reason = new LinkedHashMap<>();
                String code = e.type().equals("ConditionalCheckFailedException") ? "ConditionalCheckFailed"
                        : e.type().equals("ValidationException") ? "ValidationError" : e.type();
                reason.put("Code", code);
                reason.put("Message", e.getMessage());
                if (e.details().get("Item") != null) {
                    reason.put("Item", e.details().get("Item"));
                }
                reasons.add(reason);
                codes.add(code);
            }
        }
        if (cancelled) {
            throw new DynamoException("TransactionCanceledException", "Transaction cancelled, please refer"
                    + " cancellation reasons for specific reasons " + codes, 400, Map.of("CancellationReasons", reasons));
        }
        // a transactional action costs twice its plain counterpart: two writes of each KB (deletes counted as one
        // KB), two reads of a checked item
        Map<String, Double> units = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            ItemOps.Write write = writes.get(i);
            Map<String, Value> next = results.get(i);
            itemOps.commit(write, next);
            double cost = switch (write.kind()) {
                case PUT -> Requests.writeUnits(null, write.itemSize());
                case UPDATE -> Requests.writeUnits(null, next == null ? 0 : Value.itemSize(next));
                case DELETE -> Requests.writeUnits(null, 0);
                case CHECK -> Requests.readUnits(0, true);
            };
            units.merge(write.table().name, 2 * cost, Double::sum);
        }
        if (token != null) {
            engine.tokens.put(token, new Token(request, now));
        }
        List<Object> consumed = new ArrayList<>();
        units.forEach((table, u) -> Requests.consumed(p, consumed, table, u));
        return consumed.isEmpty() ? Map.of() : Map.of("ConsumedCapacity", consumed);
    }

    Map<String, Object> transactGetItems(Map<String, Object> request) {
        Params p = new Params(request);
        p.oneOf("ReturnConsumedCapacity", ItemOps.CAPACITY).required("TransactItems")
                .length("TransactItems", 1, MAX_ACTIONS);
        p.check();
        List<Object> actions = p.list("TransactItems");
        List<Object> responses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object o : actions) {
            Map<?, ?> action = (Map<?, ?>) o;
            if (!(action.get("Get") instanceof Map<?, ?> get)) {
                throw DynamoException.validation("TransactItems can only contain Get");
            }
            @SuppressWarnings("unchecked")
            Params gp = new Params((Map<String, Object>) get);
            gp.required("TableName").required("Key");
            gp.check();
            ItemOps.KeyedRead read = itemOps.parseKeyedRead(gp);
            if (!seen.add(read.table().name + "\u0000" + read.position())) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            responses.add(read.answer(itemOps.visible(read.table(), read.table().stored(read.position()))));
        }
        return Map.of("Responses", responses);
    }
}
