package dev.dynamite.core.internal.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The reads of one model by key and by filter that hand back entities: {@code find}, {@code fromItem}, the lists of
 * {@code withTrashed}/{@code onlyTrashed}, and the targets of a bulk write.
 *
 * @param <T> the model type
 */
public final class Reads<T> extends OnModel<T> {
    private final Tracking<T> tracking;

    Reads(ModelContext<T> context) {
        super(context);
        this.tracking = new Tracking<>(context);
    }

    // ================================================================== read

    /**
     * Reads one item by its key; a soft-deleted item is not found.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value, or null for a model without sort key
     * @return the entity, or empty
     */
    public Optional<T> find(Object partitionKey, @Nullable Object sortKey) {
        Map<String, AttributeValue> key = context.itemKey(partitionKey, sortKey);
        GetItemResponse response = client.getItem(b -> b.tableName(table).key(key));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(fromItem(response.item()));
    }

    /**
     * Returns an entity from a stored item as a read would, or null for a soft-deleted item.
     *
     * @param item the stored item
     * @return the entity, or null
     */
    public @Nullable T fromItem(Map<String, AttributeValue> item) {
        return context.isTrashed(item) ? null : tracking.load(item, null);
    }

    /**
     * Lists the items matching filters (the full filter language).
     *
     * @param filters Java field names to values or operator maps
     * @param trash which soft-deleted items to see
     * @return the entities
     */
    public List<T> list(Map<String, ?> filters, Trash trash) {
        Search<T> query = context.query().where(filters);
        if (trash == Trash.INCLUDE) {
            query.withTrashed();
        } else if (trash == Trash.ONLY) {
            query.onlyTrashed();
        }
        return query.list();
    }

    /**
     * Reads the targets of a bulk write: the entities matching the filters now, and the guard that makes each write
     * hold only if its item still matches when the write is applied.
     *
     * @param filters Java field names to values or operator maps
     * @return the entities and the guard
     */
    public Guard.Targets<T> targets(Map<String, ?> filters) {
        Search<T> query = context.query().where(filters);
        if (filters.isEmpty()) {
            query.allowScan();   // only updateAll and deleteAll come without filters: they mean every item
        }
        return new Guard.Targets<>(query.list(), query.guard());
    }
}
