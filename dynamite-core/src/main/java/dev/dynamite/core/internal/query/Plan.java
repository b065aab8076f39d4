package dev.dynamite.core.internal.query;

import dev.dynamite.core.internal.model.Trash;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A planned read, ready to run: the operation and everything its requests carry.
 *
 * @param operation what DynamoDB call answers the query
 * @param table the table name
 * @param index the index queried, or null
 * @param keys the whole primary keys: one for {@code GET_ITEM}, any number for {@code BATCH_GET_ITEM}; else empty
 * @param keyCondition the key condition of a {@code QUERY}; for {@code BATCH_GET_ITEM}, the keys as a condition, to
 *     explain the plan
 * @param filter the filter expression, or null
 * @param projection the projection expression, or null for every attribute
 * @param names the expression attribute names
 * @param values the expression attribute values
 * @param projectedFields the Java fields requested, or null for all
 * @param fetchFull whether items found on the index are then read from the table by key
 * @param forward ascending key order on a Query
 * @param sortInMemory whether every page is read and the items sorted by key (an ordered Scan)
 * @param limit the most matching items to return, or null
 * @param skip matching items to skip
 * @param trashedInMemory for {@code GET_ITEM} and {@code BATCH_GET_ITEM}, which soft-deleted state the items must
 *     have; null to take any
 * @param residual conditions on the queried key attributes that the key condition cannot hold (a second sort-key
 *     condition, {@code <>}, {@code in}, …): DynamoDB refuses key attributes in a Query's filter, so they are
 *     evaluated on the items returned
 * @param position the attributes that say where an item stands in the read, which a page resumes after (its
 *     {@code ExclusiveStartKey}): the table's keys, and before them the index's keys on an index
 */
record Plan(Plan.Operation operation, String table, @Nullable String index,
            List<Map<String, AttributeValue>> keys, @Nullable String keyCondition, @Nullable String filter,
            @Nullable String projection, @Nullable Map<String, String> names,
            @Nullable Map<String, AttributeValue> values, @Nullable Set<String> projectedFields, boolean fetchFull,
            boolean forward, boolean sortInMemory, @Nullable Integer limit, int skip,
            @Nullable Trash trashedInMemory, List<Condition> residual, List<String> position) {

    /** The DynamoDB operation a plan runs; the public plan's operation of the same name. */
    enum Operation { GET_ITEM, BATCH_GET_ITEM, QUERY, SCAN, NONE }

    Explanation describe() {
        return describe(null, 1);
    }

    Explanation describe(@Nullable String scanPolicy, int segments) {
        return new Explanation(operation.name(), table, index, keyCondition, filter, projection,
                names == null ? Map.of() : names, values == null ? Map.of() : values, fetchFull, sortInMemory,
                operation == Operation.SCAN ? scanPolicy : null, operation == Operation.SCAN ? segments : 1);
    }

    /** Whether the server returns exactly the matching items, so that {@code Limit} can be pushed down. */
    boolean exactPages() {
        return filter == null && !sortInMemory && residual.isEmpty();
    }
}
