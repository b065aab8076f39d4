package dev.dynamite.api;

import java.time.Duration;

/**
 * Thrown by {@code sync()} when a table or index it created or waited for did not become {@code ACTIVE} in time.
 *
 * <p>Nothing is rolled back: DynamoDB may still finish the work, and a later {@code sync()} picks up where this one
 * stopped.
 */
public final class SyncTimeoutException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final String table;

    /**
     * Creates the exception.
     *
     * @param table the table waited for
     * @param what what was not ready, e.g. "index GSI1_userId is CREATING"
     * @param waited how long sync waited
     */
    public SyncTimeoutException(String table, String what, Duration waited) {
        super("Table '" + table + "' not ready after " + waited.toMillis() + " ms: " + what
                + "; raise DynamiteConfig.syncTimeout or call sync() again later");
        this.table = table;
    }

    /**
     * Returns the table that was not ready.
     *
     * @return the table name
     */
    public String table() {
        return table;
    }
}
