package dev.dynamite.tx;

import dev.dynamite.api.TransactionContext;

/**
 * The work of one transaction: queue writes on the context and return a result. May throw any exception; then
 * nothing is written.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface TransactionCallback<R> {

    /**
     * Queues the transaction's writes.
     *
     * @param tx the transaction
     * @return the result {@code tx()} returns after the commit
     * @throws Exception to abort the transaction: nothing is written
     */
    R call(TransactionContext tx) throws Exception;
}
