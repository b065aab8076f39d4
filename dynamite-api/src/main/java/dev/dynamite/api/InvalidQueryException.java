package dev.dynamite.api;

/**
 * Thrown when query options contradict each other or are out of range (a negative limit, both
 * {@code withTrashed()} and {@code onlyTrashed()}, …), before any request is sent. Problems with one field of a
 * filter are {@link ModelValidationException}s, {@link UnknownFieldException}s and {@link UnknownOperatorException}s.
 */
public final class InvalidQueryException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do
     */
    public InvalidQueryException(String message) {
        super(message);
    }
}
