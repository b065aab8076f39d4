package dev.dynamite.tx.internal;

import dev.dynamite.api.Expression;
import dev.dynamite.api.InvalidTransactionException;
import dev.dynamite.api.ItemReader;
import dev.dynamite.api.TransactionCanceledException;
import dev.dynamite.api.TransactionContext;
import dev.dynamite.api.TransactionLimitException;
import dev.dynamite.api.TransactionRead;
import dev.dynamite.tx.TransactionOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The queue of one transaction. Actions are checked as they are added (count, size, one action per item); the commit
 * sends them all in one {@code TransactWriteItems} with one client request token, which the SDK reuses on its retries,
 * so a retried commit is applied once. Not thread-safe.
 */
public final class DefaultTransactionContext implements TransactionContext {
    /** Key attribute names by table, for the low-level puts that are given whole items; read once per transaction. */
    private final Map<String, List<String>> keySchemas = new HashMap<>();
    /** How often a commit cancelled only by conflicts or throttling is sent again. */
    private static final int CONFLICT_ATTEMPTS = 5;

    private record Action(TransactWriteItem item, String table, Map<String, AttributeValue> key,
                          @Nullable Class<?> model, @Nullable Runnable afterCommit, @Nullable Runnable afterFailure) {
    }

    private final DynamoDbClient client;
    private final TransactionOptions options;
    /** DynamoDB's limit on the items of one TransactGetItems. */
    private static final int MAX_READS = 100;

    private final List<Action> actions = new ArrayList<>();
    private final List<PendingRead<?>> pendingReads = new ArrayList<>();
    private final Set<String> items = new java.util.HashSet<>();
    private long bytes;
    private boolean finished;

    /**
     * Creates an empty transaction.
     *
     * @param client the SDK client that commits it
     * @param options its options
     */
    public DefaultTransactionContext(DynamoDbClient client, TransactionOptions options) {
        this.client = client;
        this.options = options;
    }

    @Override
    public void addPut(String tableName, Map<String, ?> item) {
        addPut(tableName, item, null);
    }

    @Override
    public void addPut(String tableName, Map<String, ?> item, @Nullable Expression condition) {
        Map<String, AttributeValue> converted = AttributeValues.item(item);
        Put.Builder put = Put.builder().tableName(tableName).item(converted);
        if (condition != null) {
            put.conditionExpression(condition.text()).expressionAttributeNames(names(condition))
                    .expressionAttributeValues(values(condition));
        }
        add(TransactWriteItem.builder().put(put.build()).build(), keyOf(tableName, converted), null, null, null);
    }

    @Override
    public void addUpdate(String tableName, Map<String, ?> key, Expression update) {
        addUpdate(tableName, key, update, null);
    }

    @Override
    public void addUpdate(String tableName, Map<String, ?> key, Expression update, @Nullable Expression condition) {
        Map<String, String> names = new HashMap<>(update.names());
        Map<String, AttributeValue> values = AttributeValues.item(update.values());
        Update.Builder builder = Update.builder().tableName(tableName).key(AttributeValues.item(key))
                .updateExpression(update.text());
        if (condition != null) {
            names.putAll(condition.names());
            values.putAll(AttributeValues.item(condition.values()));
            builder.conditionExpression(condition.text());
        }
        builder.expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values.isEmpty() ? null : values);
        add(TransactWriteItem.builder().update(builder.build()).build(), AttributeValues.item(key), null, null, null);
    }

    @Override
    public void addDelete(String tableName, Map<String, ?> key) {
        addDelete(tableName, key, null);
    }

    @Override
    public void addDelete(String tableName, Map<String, ?> key, @Nullable Expression condition) {
        Delete.Builder delete = Delete.builder().tableName(tableName).key(AttributeValues.item(key));
        if (condition != null) {
            delete.conditionExpression(condition.text()).expressionAttributeNames(names(condition))
                    .expressionAttributeValues(values(condition));
        }
        add(TransactWriteItem.builder().delete(delete.build()).build(), AttributeValues.item(key), null, null, null);
    }

    @Override
    public void addConditionCheck(String tableName, Map<String, ?> key, Expression condition) {
        ConditionCheck check = ConditionCheck.builder().tableName(tableName).key(AttributeValues.item(key))
                .conditionExpression(condition.text()).expressionAttributeNames(names(condition))
                .expressionAttributeValues(values(condition)).build();
        add(TransactWriteItem.builder().conditionCheck(check).build(), AttributeValues.item(key), null, null, null);
    }

    @Override
    public void add(TransactWriteItem action, Map<String, AttributeValue> key, @Nullable Class<?> model,
                    @Nullable Runnable afterCommit, @Nullable Runnable afterFailure) {
        if (finished) {
            throw new InvalidTransactionException("This transaction was committed or abandoned; start another");
        }
        String table = tableOf(action);
        String item = table + " " + new java.util.TreeMap<>(key);
        if (actions.size() >= options.maxActions()) {
            throw new TransactionLimitException("A transaction holds at most " + options.maxActions()
                    + " actions; action " + (actions.size() + 1) + " (on " + item + ") would exceed it. Nothing was"
                    + " sent; Dynamite never splits a transaction", options.maxActions());
        }
        long size = AttributeValues.size(action);
        if (bytes + size > TransactionOptions.MAX_BYTES) {
            throw new TransactionLimitException("A transaction holds at most 4 MB; action " + (actions.size() + 1)
                    + " (on " + item + ", about " + size + " bytes) would exceed it. Nothing was sent",
                    TransactionOptions.MAX_BYTES);
        }
        if (!items.add(item)) {
            throw new InvalidTransactionException("The transaction already has an action on " + item
                    + "; DynamoDB allows one action per item in a transaction");
        }
        bytes += size;
        actions.add(new Action(options.returnItemsOnConditionFailure() ? returningOld(action) : action, table,
                Map.copyOf(key), model, afterCommit, afterFailure));
    }

    @Override
    public <T> TransactionRead<T> get(ItemReader<T> model, Object partitionKey) {
        return read(model, model.itemKey(partitionKey, null));
    }

    @Override
    public <T> TransactionRead<T> get(ItemReader<T> model, Object partitionKey, Object sortKey) {
        return read(model, model.itemKey(partitionKey, java.util.Objects.requireNonNull(sortKey, "sortKey")));
    }

    private <T> TransactionRead<T> read(ItemReader<T> model, Map<String, AttributeValue> key) {
        if (pendingReads.size() >= MAX_READS) {
            throw new TransactionLimitException("A snapshot read holds at most " + MAX_READS + " items; read "
                    + (pendingReads.size() + 1) + " (on " + model.tableName() + " " + key + ") would exceed it",
                    MAX_READS);
        }
        PendingRead<T> read = new PendingRead<>(model, key);
        pendingReads.add(read);
        return read;
    }

    /** Reads every pending read in one TransactGetItems. */
    private void readSnapshot() {
        List<PendingRead<?>> batch = new ArrayList<>(pendingReads);
        pendingReads.clear();
        TransactGetItemsResponse response;
        try {
            response = client.transactGetItems(b -> b.transactItems(batch.stream().map(read -> TransactGetItem.builder()
                    .get(g -> g.tableName(read.model.tableName()).key(read.key)).build()).toList()));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            List<TransactionCanceledException.Reason> reasons = new ArrayList<>();
            List<CancellationReason> given = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            for (int i = 0; i < batch.size(); i++) {
                CancellationReason reason = i < given.size() ? given.get(i) : null;
                reasons.add(new TransactionCanceledException.Reason(i + 1, batch.get(i).model.tableName(),
                        batch.get(i).key, null, reason == null || reason.code() == null ? "Unknown" : reason.code(),
                        reason == null ? null : reason.message(), null));
            }
            throw new TransactionCanceledException(reasons, e);
        }
        List<ItemResponse> items = response.responses();
        for (int i = 0; i < batch.size(); i++) {
            ItemResponse item = i < items.size() ? items.get(i) : null;
            batch.get(i).complete(item == null || !item.hasItem() || item.item().isEmpty() ? null : item.item());
        }
    }

    /** One read of a snapshot; filled when the snapshot is read. */
    private final class PendingRead<T> implements TransactionRead<T> {
        private final ItemReader<T> model;
        private final Map<String, AttributeValue> key;
        private boolean done;
        private @Nullable T value;

        PendingRead(ItemReader<T> model, Map<String, AttributeValue> key) {
            this.model = model;
            this.key = Map.copyOf(key);
        }

        void complete(@Nullable Map<String, AttributeValue> item) {
            value = item == null ? null : model.fromItem(item);
            done = true;
        }

        @Override
        public java.util.Optional<T> get() {
            if (!done) {
                readSnapshot();
            }
            return java.util.Optional.ofNullable(value);
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new InvalidTransactionException("This transaction was committed or abandoned already");
        }
        finished = true;
        if (actions.isEmpty()) {
            return;
        }
        String token = options.clientRequestToken().orElseGet(() -> UUID.randomUUID().toString());
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().clientRequestToken(token)
                .transactItems(actions.stream().map(Action::item).toList()).build();
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request);
                break;
            } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
                if (attempt < CONFLICT_ATTEMPTS && onlyTransient(e)) {
                    // another transaction held an item, or the table throttled: send the same request again, with
                    // the same token, so that it applies at most once
                    pause(attempt);
                    continue;
                }
                failed();
                throw canceled(e);
            } catch (RuntimeException e) {
                failed();
                throw e;
            }
        }
        for (Action action : actions) {
            if (action.afterCommit() != null) {
                action.afterCommit().run();
            }
        }
    }

    /** Whether every failed action failed only for a reason that passes: a conflict or throttling. */
    private static boolean onlyTransient(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        boolean any = false;
        for (CancellationReason reason : e.cancellationReasons()) {
            String code = reason.code();
            if (code == null || "None".equals(code)) {
                continue;
            }
            if (!"TransactionConflict".equals(code) && !"ThrottlingError".equals(code)
                    && !"ProvisionedThroughputExceeded".equals(code)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static void pause(int attempt) {
        try {
            long cap = 25L << Math.min(attempt, 6);
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }

    /** Gives up the transaction without sending anything (its callback threw). */
    public void abandon() {
        if (!finished) {
            finished = true;
            failed();
        }
    }

    @Override
    public int size() {
        return actions.size();
    }

    private void failed() {
        for (Action action : actions) {
            if (action.afterFailure() != null) {
                action.afterFailure().run();
            }
        }
    }

    private TransactionCanceledException canceled(
            software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
        List<TransactionCanceledException.Reason> reasons = new ArrayList<>();
        List<CancellationReason> given = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            CancellationReason reason = i < given.size() ? given.get(i) : null;
            reasons.add(new TransactionCanceledException.Reason(i + 1, action.table(), action.key(), action.model(),
                    reason == null || reason.code() == null ? "Unknown" : reason.code(),
                    reason == null ? null : reason.message(),
                    reason != null && reason.hasItem() ? reason.item() : null));
        }
        return new TransactionCanceledException(reasons, e);
    }

    private Map<String, AttributeValue> keyOf(String table, Map<String, AttributeValue> item) {
        List<String> keyNames = keySchemas.computeIfAbsent(table, t -> client.describeTable(b -> b.tableName(t))
                .table().keySchema().stream().map(KeySchemaElement::attributeName).toList());
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyNames) {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw new InvalidTransactionException("The item put into " + table + " has no key attribute '" + name
                        + "'");
            }
            key.put(name, value);
        }
        return key;
    }

    private static @Nullable Map<String, String> names(Expression expression) {
        return expression.names().isEmpty() ? null : expression.names();
    }

    private static @Nullable Map<String, AttributeValue> values(Expression expression) {
        return expression.values().isEmpty() ? null : AttributeValues.item(expression.values());
    }

    private static String tableOf(TransactWriteItem action) {
        if (action.put() != null) {
            return action.put().tableName();
        } else if (action.update() != null) {
            return action.update().tableName();
        } else if (action.delete() != null) {
            return action.delete().tableName();
        } else if (action.conditionCheck() != null) {
            return action.conditionCheck().tableName();
        }
        throw new InvalidTransactionException("An action needs a put, update, delete or condition check");
    }

    private static TransactWriteItem returningOld(TransactWriteItem action) {
        ReturnValuesOnConditionCheckFailure all = ReturnValuesOnConditionCheckFailure.ALL_OLD;
        if (action.put() != null) {
            return action.toBuilder().put(action.put().toBuilder().returnValuesOnConditionCheckFailure(all).build())
                    .build();
        } else if (action.update() != null) {
            return action.toBuilder().update(action.update().toBuilder().returnValuesOnConditionCheckFailure(all)
                    .build()).build();
        } else if (action.delete() != null) {
            return action.toBuilder().delete(action.delete().toBuilder().returnValuesOnConditionCheckFailure(all)
                    .build()).build();
        }
        return action.toBuilder().conditionCheck(action.conditionCheck().toBuilder()
                .returnValuesOnConditionCheckFailure(all).build()).build();
    }
}
