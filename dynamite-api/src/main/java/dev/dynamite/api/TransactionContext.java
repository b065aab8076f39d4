package dev.dynamite.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The writes of one transaction, queued until the transaction commits them atomically with one
 * {@code TransactWriteItems}. Given to the callback of {@code Dynamite.tx}, and to model writes through
 * {@code MutationOptions.tx(tx)} or their {@code tx} overloads.
 *
 * <p>Each {@code add…} checks the limits at once: more actions than the limit (DynamoDB's 100, or the configured
 * {@code maxTransactionItems}), more than 4 MB, or a second action on the same item throws before anything is sent.
 * Items, keys and values are plain Java values (strings, numbers, booleans, binaries, lists, maps, sets) or
 * {@code AttributeValue}s. Not thread-safe: use a context from the thread that runs its callback.
 *
 * <pre>{@code
 * dynamite.tx(tx -> {
 *     Expression debit = Expression.of("SET #b = #b - :x").name("#b", "balance").value(":x", 10);
 *     Expression covered = Expression.of("#b >= :x").name("#b", "balance").value(":x", 10);
 *     tx.addUpdate("accounts", Map.of("id", "a"), debit, covered);
 *     tx.addUpdate("accounts", Map.of("id", "b"),
 *             Expression.of("SET #b = #b + :x").name("#b", "balance").value(":x", 10));
 *     return null;
 * });
 * }</pre>
 */
public interface TransactionContext {

    /**
     * Queues a put of a whole item.
     *
     * @param tableName the table
     * @param item the item
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already written by this transaction, or it was committed
     */
    void addPut(String tableName, Map<String, ?> item);

    /**
     * Queues a put on a condition.
     *
     * @param tableName the table
     * @param item the item
     * @param condition the condition the stored item must meet
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already written by this transaction, or it was committed
     */
    void addPut(String tableName, Map<String, ?> item, Expression condition);

    /**
     * Queues an update.
     *
     * @param tableName the table
     * @param key the item's key
     * @param update the update expression
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already written by this transaction, or it was committed
     */
    void addUpdate(String tableName, Map<String, ?> key, Expression update);

    /**
     * Queues an update on a condition.
     *
     * @param tableName the table
     * @param key the item's key
     * @param update the update expression
     * @param condition the condition the stored item must meet
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already written by this transaction, or it was committed
     */
    void addUpdate(String tableName, Map<String, ?> key, Expression update, Expression condition);

    /**
     * Queues a delete.
     *
     * @param tableName the table
     * @param key the item's key
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already written by this transaction, or it was committed
     */
    void addDelete(String tableName, Map<String, ?> key);

    /**
     * Queues a delete on a condition.
     *
     * @param tableName the table
     * @param key the item's key
     * @param condition the condition the stored item must meet
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already written by this transaction, or it was committed
     */
    void addDelete(String tableName, Map<String, ?> key, Expression condition);

    /**
     * Queues a check of an item that the transaction does not write: the commit fails unless it holds.
     *
     * @param tableName the table
     * @param key the item's key
     * @param condition the condition
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already in this transaction, or it was committed
     */
    void addConditionCheck(String tableName, Map<String, ?> key, Expression condition);

    /**
     * Queues a prepared action; what model writes use. {@code afterCommit} runs only once the commit succeeded
     * (after-hooks, entity state), {@code afterFailure} if it did not (or was never sent).
     *
     * @param action the action
     * @param key the key of the item it concerns, to refuse a second action on it
     * @param model the model class, to name it in a cancellation reason, or null
     * @param afterCommit what to do after a successful commit, or null
     * @param afterFailure what to do when the transaction does not commit, or null
     * @throws TransactionLimitException if the transaction would exceed its limits
     * @throws InvalidTransactionException if the item is already in this transaction, or it was committed
     */
    void add(TransactWriteItem action, Map<String, AttributeValue> key,
             @Nullable Class<?> model, @Nullable Runnable afterCommit, @Nullable Runnable afterFailure);

    /**
     * Queues a read of one item in the transaction's snapshot: reads queued together run in one
     * {@code TransactGetItems} (up to 100) when the first of them is asked for its value, so they are consistent with
     * each other. Use it before queuing the writes that depend on it.
     *
     * <pre>{@code
     * dynamite.tx(tx -> {
     *     TransactionRead<Wallet> from = tx.get(Wallet.model, "w1");
     *     TransactionRead<Wallet> to = tx.get(Wallet.model, "w2");
     *     Wallet a = from.get().orElseThrow();   // one TransactGetItems reads both
     *     ...
     * });
     * }</pre>
     *
     * @param model the model (a {@code Model} handle)
     * @param partitionKey the partition key value
     * @param <T> the entity type
     * @return the pending read
     * @throws TransactionLimitException if more than 100 reads are pending
     * @throws ModelValidationException if the key does not fit the model
     */
    <T> TransactionRead<T> get(ItemReader<T> model, Object partitionKey);

    /**
     * Queues a read of one item of a model with a sort key; see {@link #get(ItemReader, Object)}.
     *
     * @param model the model
     * @param partitionKey the partition key value
     * @param sortKey the sort key value
     * @param <T> the entity type
     * @return the pending read
     * @throws TransactionLimitException if more than 100 reads are pending
     */
    <T> TransactionRead<T> get(ItemReader<T> model, Object partitionKey, Object sortKey);

    /**
     * Commits every queued action with one {@code TransactWriteItems}, then runs the after-commit actions.
     * {@code Dynamite.tx} calls it when the callback returns; call it yourself only on a context you made.
     *
     * @throws TransactionCanceledException if DynamoDB cancelled the transaction: nothing was written
     * @throws InvalidTransactionException if the context was committed already
     */
    void commit();

    /**
     * Returns how many actions are queued.
     *
     * @return the number of actions
     */
    int size();
}
