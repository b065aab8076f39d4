package dev.dynamite.api;

/**
 * Thrown before any request when a query would scan the whole table and the client's scan policy is
 * {@link ScanPolicy#REFUSE}. The message names the model, the filter and the keys or indexes a query could use
 * instead; a query that means to scan says so with {@code allowScan()}.
 */
public final class ScanRefusedException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /** The model whose table would have been scanned. */
    private final transient Class<?> model;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param message what would have been scanned and what to do instead
     */
    public ScanRefusedException(Class<?> model, String message) {
        super(message);
        this.model = model;
    }

    /**
     * Returns the model whose table would have been scanned.
     *
     * @return the model class
     */
    public Class<?> model() {
        return model;
    }
}
