package dev.dynamite.tx;

import dev.dynamite.api.TransactionCallbackException;
import dev.dynamite.api.TransactionCanceledException;
import dev.dynamite.api.TransactionContext;
import dev.dynamite.tx.internal.DefaultTransactionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs transactions: a fresh context per call, committed with one {@code TransactWriteItems} when the callback
 * returns, nothing sent when it throws. {@code Dynamite.tx} uses it; so can code that holds only an SDK client.
 * Thread-safe; each call has its own context.
 */
public final class Transactions {
    private Transactions() {
    }

    /**
     * Creates a context to queue actions on and {@link TransactionContext#commit() commit} by hand.
     *
     * @param client the SDK client
     * @param options the options
     * @return a new, empty context
     */
    public static TransactionContext open(DynamoDbClient client, TransactionOptions options) {
        return new DefaultTransactionContext(client, options);
    }

    /**
     * Runs a callback in a new transaction and commits what it queued.
     *
     * <pre>{@code
     * User user = Transactions.run(client, TransactionOptions.defaults(), tx -> {
     *     User u = User.model.create(Map.of("name", "Ada"), tx);
     *     Order.model.create(Map.of("userId", u.id, "total", 10), tx);
     *     return u;
     * });
     * }</pre>
     *
     * @param client the SDK client
     * @param options the options
     * @param callback the work
     * @param <R> the result type
     * @return what the callback returned
     * @throws TransactionCanceledException if DynamoDB cancelled the commit: nothing was written
     * @throws TransactionCallbackException if the callback threw a checked exception: nothing was written
     * @throws RuntimeException what the callback threw, unchanged: nothing was written
     */
    public static <R> R run(DynamoDbClient client, TransactionOptions options, TransactionCallback<R> callback) {
        DefaultTransactionContext tx = new DefaultTransactionContext(client, options);
        R result;
        try {
            result = callback.call(tx);
        } catch (RuntimeException | Error e) {
            tx.abandon();
            throw e;
        } catch (Exception e) {
            tx.abandon();
            throw new TransactionCallbackException(e);
        }
        tx.commit();
        return result;
    }
}
