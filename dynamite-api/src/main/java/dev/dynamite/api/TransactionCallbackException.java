package dev.dynamite.api;

/**
 * Wraps a checked exception thrown by a transaction's callback; nothing was written. Unchecked exceptions propagate
 * unchanged.
 */
public final class TransactionCallbackException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param cause what the callback threw
     */
    public TransactionCallbackException(Exception cause) {
        super("The transaction's callback threw " + cause + "; nothing was written", cause);
    }
}
