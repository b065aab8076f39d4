package dev.dynamite.api;

/**
 * What a client does with a query whose plan is a {@code Scan} (no key condition applies, so every item of the table
 * is read): set with {@code DynamiteConfig.Builder.scans(...)}, overridden per query with {@code allowScan()}.
 */
public enum ScanPolicy {
    /** Scans run silently. */
    ALLOW,
    /**
     * Scans run, and the first scan of each model and filter shape logs one WARNING (logger {@code dev.dynamite.query})
     * naming the filter and the key or index that would have served it. The default.
     */
    WARN,
    /**
     * A scan is refused with {@link ScanRefusedException} before any request, unless the query says
     * {@code allowScan()}.
     */
    REFUSE
}
