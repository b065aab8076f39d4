package dev.dynamite.api;

/**
 * Thrown when a paged query is given a cursor it cannot resume from, before any request is sent: the cursor is not
 * one Dynamite made (not URL-safe Base64, truncated, of an unknown version, its checksum or signature wrong), it was
 * made by another query (another model, index, filters, order, projection or soft-delete mode), or it is unsigned
 * where the client signs its cursors ({@code DynamiteConfig.cursorSigningKey}). A web API can answer it with 400.
 */
public final class InvalidCursorException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the cursor
     */
    public InvalidCursorException(String message) {
        super(message);
    }
}
