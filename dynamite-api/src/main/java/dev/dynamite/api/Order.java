package dev.dynamite.api;

/**
 * The order of query results: by sort key on a {@code Query}; on a {@code Scan}, by partition key then sort key,
 * sorted in memory after every page was read.
 */
public enum Order {
    /** Ascending: smallest key first. */
    ASC,
    /** Descending: largest key first. */
    DESC
}
