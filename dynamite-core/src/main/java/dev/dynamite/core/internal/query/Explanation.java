package dev.dynamite.core.internal.query;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a query will send, as {@code explain()} shows it; the public plan is made from it.
 *
 * @param operation the name of the DynamoDB operation ({@code GET_ITEM}, {@code BATCH_GET_ITEM}, {@code QUERY},
 *     {@code SCAN} or {@code NONE})
 * @param table the table name
 * @param index the index queried, or null
 * @param keyCondition the key condition, or null
 * @param filter the filter expression, or null
 * @param projection the projection expression, or null
 * @param names the expression attribute names
 * @param values the expression attribute values
 * @param fetchFull whether items found on the index are then read from the table
 * @param sortInMemory whether every page is read and the items sorted in memory
 * @param scanPolicy for a scan, the name of the policy that applies to it; null for any other operation
 * @param segments the segments a scan reads in parallel, 1 for one
 */
public record Explanation(String operation, String table, @Nullable String index, @Nullable String keyCondition,
                          @Nullable String filter, @Nullable String projection, Map<String, String> names,
                          Map<String, AttributeValue> values, boolean fetchFull, boolean sortInMemory,
                          @Nullable String scanPolicy, int segments) {
}
