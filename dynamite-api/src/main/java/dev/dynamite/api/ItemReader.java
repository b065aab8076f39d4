package dev.dynamite.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A model as a transaction reads it: its table, how key values become a stored key, and how a stored item becomes an
 * entity. {@code Model} implements it, so {@code tx.get(User.model, id)} reads a user in a transaction's snapshot.
 *
 * @param <T> the entity type
 */
public interface ItemReader<T> {

    /**
     * Returns the table the items are in.
     *
     * @return the table name, prefix included
     */
    String tableName();

    /**
     * Returns the stored key of an item.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value, or null for a model without sort key
     * @return the key as DynamoDB stores it
     * @throws ModelValidationException if a value does not fit, or the number of values does not match the key
     */
    Map<String, AttributeValue> itemKey(Object partitionKey, @Nullable Object sortKey);

    /**
     * Returns the entity of a stored item, as a {@code find} would; null if a {@code find} would not see it
     * (soft-deleted).
     *
     * @param item the stored item
     * @return the entity, or null
     */
    @Nullable T fromItem(Map<String, AttributeValue> item);
}
