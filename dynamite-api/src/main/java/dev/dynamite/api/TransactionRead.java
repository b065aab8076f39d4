package dev.dynamite.api;

import java.util.Optional;

/**
 * One item read in a transaction's snapshot: {@link TransactionContext#get} queues it, and the first {@link #get()} of
 * any queued read runs them all in one {@code TransactGetItems}, so their values are consistent with each other.
 *
 * @param <T> the entity type
 */
public interface TransactionRead<T> {

    /**
     * Returns the item, reading the snapshot first if it was not read yet.
     *
     * @return the entity, or empty if there is no such item (or it is soft-deleted)
     * @throws TransactionCanceledException if DynamoDB cancelled the read (a conflicting transaction)
     */
    Optional<T> get();
}
