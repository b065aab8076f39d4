/**
 * Atomic transactions: every write queued in a {@code tx()} is committed with one {@code TransactWriteItems}, or none
 * is. Limits are checked as actions are added, never worked around by splitting.
 */
module dev.dynamite.tx {
    requires transitive dev.dynamite.api;
    requires static transitive org.jspecify;

    exports dev.dynamite.tx;
}
