package dev.dynamite.api;

/**
 * Thrown when a transaction is used wrongly: a second action on an item the transaction already touches (DynamoDB
 * refuses that), or an action added to a transaction that was committed. Thrown at queue time, before anything is
 * sent.
 */
public final class InvalidTransactionException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, naming the item
     */
    public InvalidTransactionException(String message) {
        super(message);
    }
}
