package dev.dynamite.api;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thrown when DynamoDB kept returning some keys of a batch read as unprocessed until the retry deadline passed. The
 * message and {@link #missingKeys()} say which; nothing is silently left out.
 */
public final class IncompleteBatchException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final transient List<Map<String, AttributeValue>> missingKeys;

    /**
     * Creates the exception.
     *
     * @param tableName the table read
     * @param missingKeys the keys still unprocessed
     * @param attempts how many requests were made
     */
    public IncompleteBatchException(String tableName, List<Map<String, AttributeValue>> missingKeys, int attempts) {
        super("BatchGetItem on " + tableName + " left " + missingKeys.size() + " key(s) unprocessed after " + attempts
                + " attempts: " + missingKeys.stream().limit(10).toList() + (missingKeys.size() > 10 ? " …" : "")
                + "; the table's read capacity is probably exhausted: retry later or raise it");
        this.tableName = tableName;
        this.missingKeys = List.copyOf(missingKeys);
    }

    /**
     * Returns the table read.
     *
     * @return the table name
     */
    public String tableName() {
        return tableName;
    }

    /**
     * Returns the keys that were never read.
     *
     * @return the missing keys
     */
    public List<Map<String, AttributeValue>> missingKeys() {
        return missingKeys;
    }
}
