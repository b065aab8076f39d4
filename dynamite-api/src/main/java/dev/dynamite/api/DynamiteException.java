package dev.dynamite.api;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Dynamite throws; unchecked.
 *
 * <p>Errors reported by DynamoDB itself are either rethrown unchanged (as the AWS SDK's exceptions) or kept as this
 * exception's cause, so their AWS error code stays readable.
 */
public abstract class DynamiteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, where, and what to do
     */
    protected DynamiteException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, where, and what to do
     * @param cause the underlying failure, kept as it is
     */
    protected DynamiteException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
