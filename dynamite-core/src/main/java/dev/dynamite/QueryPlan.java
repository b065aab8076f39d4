package dev.dynamite;

import dev.dynamite.api.ScanPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How Dynamite answers a query, as {@link Model#explain} reports it without running it: the DynamoDB operation, the
 * index, the key condition, the filter and the projection, with their placeholders and values.
 *
 * <p>{@link #toString()} gives a readable form with the names and values put in, for logs and tests:
 * {@code Query orders index GSI1_user_id key [user_id = "u1"] filter [status = "pending"]}. Immutable.
 */
public final class QueryPlan {
    /** The DynamoDB operation a query runs. */
    public enum Operation {
        /** One {@code GetItem}: the filters fix the whole primary key and nothing else. */
        GET_ITEM,
        /**
         * {@code BatchGetItem} of the keys the filters list ({@code in} on the key attributes, and nothing else), 100
         * keys a request; the items are returned in key order.
         */
        BATCH_GET_ITEM,
        /** {@code Query} pages on the table or one index: the filters fix a partition key. */
        QUERY,
        /** {@code Scan} pages with a filter: no key is fixed, so every item is read. */
        SCAN,
        /** No request at all: the filters cannot match (an empty {@code in} list). */
        NONE
    }

    private final Operation operation;
    private final String tableName;
    private final @Nullable String index;
    private final @Nullable String keyCondition;
    private final @Nullable String filter;
    private final @Nullable String projection;
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final boolean fetchesFullItems;
    private final boolean sortsInMemory;
    private final @Nullable ScanPolicy scanPolicy;
    private final int segments;

    /**
     * Creates a plan; Dynamite's planner does this.
     *
     * @param operation the operation
     * @param tableName the table, prefix included
     * @param index the index queried, or null for the table
     * @param keyCondition the {@code KeyConditionExpression}; for {@link Operation#BATCH_GET_ITEM}, the keys read, as a
     *     condition on the key attributes; or null
     * @param filter the {@code FilterExpression}, or null
     * @param projection the {@code ProjectionExpression}, or null for every attribute
     * @param names the {@code ExpressionAttributeNames}
     * @param values the {@code ExpressionAttributeValues}
     * @param fetchesFullItems true when the index does not project every requested attribute, so the items are then
     *     read from the table by key ({@code BatchGetItem})
     * @param sortsInMemory true when a requested order can only be had by reading every page and sorting (a Scan)
     */
    public QueryPlan(Operation operation, String tableName, @Nullable String index, @Nullable String keyCondition,
                     @Nullable String filter, @Nullable String projection, Map<String, String> names,
                     Map<String, AttributeValue> values, boolean fetchesFullItems, boolean sortsInMemory) {
        this(operation, tableName, index, keyCondition, filter, projection, names, values, fetchesFullItems,
                sortsInMemory, null, 1);
    }

    /**
     * Creates a plan with the scan policy's verdict and the scan's segments; Dynamite's planner does this.
     *
     * @param operation the operation
     * @param tableName the table, prefix included
     * @param index the index queried, or null for the table
     * @param keyCondition the {@code KeyConditionExpression}, or null
     * @param filter the {@code FilterExpression}, or null
     * @param projection the {@code ProjectionExpression}, or null for every attribute
     * @param names the {@code ExpressionAttributeNames}
     * @param values the {@code ExpressionAttributeValues}
     * @param fetchesFullItems true when the items found on the index are then read from the table by key
     * @param sortsInMemory true when a requested order can only be had by reading every page and sorting (a Scan)
     * @param scanPolicy for a {@code SCAN}, the policy that applies to it ({@code ALLOW} when the query says
     *     {@code allowScan()}); null for any other operation
     * @param segments the segments a {@code SCAN} runs in parallel, 1 for one scan
     */
    public QueryPlan(Operation operation, String tableName, @Nullable String index, @Nullable String keyCondition,
                     @Nullable String filter, @Nullable String projection, Map<String, String> names,
                     Map<String, AttributeValue> values, boolean fetchesFullItems, boolean sortsInMemory,
                     @Nullable ScanPolicy scanPolicy, int segments) {
        this.scanPolicy = scanPolicy;
        this.segments = segments;
        this.operation = operation;
        this.tableName = tableName;
        this.index = index;
        this.keyCondition = keyCondition;
        this.filter = filter;
        this.projection = projection;
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.fetchesFullItems = fetchesFullItems;
        this.sortsInMemory = sortsInMemory;
    }

    /**
     * Returns the operation.
     *
     * @return {@code GET_ITEM}, {@code QUERY}, {@code SCAN} or {@code NONE}
     */
    public Operation operation() {
        return operation;
    }

    /**
     * Returns the table read.
     *
     * @return the table name, prefix included
     */
    public String tableName() {
        return tableName;
    }

    /**
     * Returns the index queried.
     *
     * @return the index name, or empty when the table itself is read
     */
    public Optional<String> index() {
        return Optional.ofNullable(index);
    }

    /**
     * Returns the key condition of a {@code Query}, or the keys a {@code BatchGetItem} reads, as a condition such as
     * {@code #n0 IN (:v0, :v1)}.
     *
     * @return the expression with placeholders, or empty
     */
    public Optional<String> keyCondition() {
        return Optional.ofNullable(keyCondition);
    }

    /**
     * Returns the filter applied to what is read.
     *
     * @return the expression with placeholders, or empty
     */
    public Optional<String> filter() {
        return Optional.ofNullable(filter);
    }

    /**
     * Returns the projection.
     *
     * @return the expression with placeholders, or empty for every attribute
     */
    public Optional<String> projection() {
        return Optional.ofNullable(projection);
    }

    /**
     * Returns the placeholders of attribute names.
     *
     * @return {@code #n0} and the like to attribute names
     */
    public Map<String, String> names() {
        return names;
    }

    /**
     * Returns the placeholders of values.
     *
     * @return {@code :v0} and the like to values
     */
    public Map<String, AttributeValue> values() {
        return values;
    }

    /**
     * Tells whether the items found on an index are then read whole from the table.
     *
     * @return true when the index projection lacks requested attributes
     */
    public boolean fetchesFullItems() {
        return fetchesFullItems;
    }

    /**
     * Tells whether every page is read and the results sorted in memory (an ordered Scan).
     *
     * @return true for an ordered Scan
     */
    public boolean sortsInMemory() {
        return sortsInMemory;
    }

    /**
     * Returns what the client's scan policy does with this plan, where it is a scan.
     *
     * @return {@code ALLOW}, {@code WARN} (runs, logging once per filter shape) or {@code REFUSE} (throws
     *     {@code ScanRefusedException} when run); empty when the plan is no scan
     */
    public Optional<ScanPolicy> scanPolicy() {
        return Optional.ofNullable(scanPolicy);
    }

    /**
     * Returns the segments a scan reads in parallel ({@code Query.parallel(n)}).
     *
     * @return 1 for one scan, or for any other operation
     */
    public int segments() {
        return segments;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(switch (operation) {
            case GET_ITEM -> "GetItem";
            case BATCH_GET_ITEM -> "BatchGetItem";
            case QUERY -> "Query";
            case SCAN -> "Scan";
            case NONE -> "None";
        }).append(' ').append(tableName);
        if (index != null) {
            out.append(" index ").append(index);
        }
        if (keyCondition != null) {
            out.append(" key [").append(readable(keyCondition)).append(']');
        }
        if (filter != null) {
            out.append(" filter [").append(readable(filter)).append(']');
        }
        if (projection != null) {
            out.append(" projection [").append(readable(projection)).append(']');
        }
        if (fetchesFullItems) {
            out.append(" then BatchGetItem");
        }
        if (sortsInMemory) {
            out.append(" sorted in memory");
        }
        if (segments > 1) {
            out.append(" in ").append(segments).append(" parallel segments");
        }
        if (scanPolicy != null) {
            out.append(" (scan policy ").append(scanPolicy).append(')');
        }
        return out.toString();
    }

    private String readable(String expression) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '#' || c == ':') {
                int end = i + 1;
                while (end < expression.length() && Character.isLetterOrDigit(expression.charAt(end))) {
                    end++;
                }
                String placeholder = expression.substring(i, end);
                if (c == '#' && names.containsKey(placeholder)) {
                    out.append(names.get(placeholder));
                } else if (c == ':' && values.containsKey(placeholder)) {
                    out.append(show(values.get(placeholder)));
                } else {
                    out.append(placeholder);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String show(AttributeValue value) {
        return switch (value.type()) {
            case S -> "\"" + value.s() + "\"";
            case N -> value.n();
            case BOOL -> value.bool().toString();
            case NUL -> "null";
            default -> value.toString();
        };
    }
}
