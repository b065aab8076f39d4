package dev.dynamite.api;

/**
 * Thrown when an action would take a transaction past its limits: more actions than DynamoDB's 100 (or the configured
 * {@code maxTransactionItems}), or more than 4 MB. It is thrown by the {@code add…} call that overflows, before any
 * request is sent; Dynamite never splits a transaction into several.
 */
public final class TransactionLimitException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final int limit;

    /**
     * Creates the exception.
     *
     * @param message what overflowed, and the limit
     * @param limit the limit that was reached (actions or bytes)
     */
    public TransactionLimitException(String message, int limit) {
        super(message);
        this.limit = limit;
    }

    /**
     * Returns the limit that was reached.
     *
     * @return the number of actions or bytes
     */
    public int limit() {
        return limit;
    }
}
