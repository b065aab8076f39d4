package dev.dynamite.core.internal.query;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.Key;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.OnModel;
import dev.dynamite.core.internal.model.Tracking;
import dev.dynamite.core.internal.model.Trash;
import dev.dynamite.meta.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The reads of one model by key and by filter that hand back entities: {@code find}, {@code fromItem}, the lists of
 * {@code withTrashed}/{@code onlyTrashed}, and the targets of a bulk write.
 *
 * @param <T> the model type
 */
public final class Reads<T> extends OnModel<T> {
    private final Tracking<T> tracking;

    public Reads(ModelContext<T> context) {
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
        return context.observe("find", () -> findNow(partitionKey, sortKey));
    }

    private Optional<T> findNow(Object partitionKey, @Nullable Object sortKey) {
        Map<String, AttributeValue> key = context.itemKey(partitionKey, sortKey);
        GetItemResponse response = client.getItem(GetItemRequest.builder().tableName(table).key(key).build());
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
     * Reads many items by key with {@code BatchGetItem}: 100 distinct keys a request, requests in flight at once up
     * to the client's read concurrency, unprocessed keys retried until the batch deadline. Each key is read once
     * however often it is given; the items found come back in the order their keys were first given.
     *
     * @param keys partition key values, or {@link Key}s for a model with a sort key
     * @param options soft-delete mode and attributes to load; nothing else
     * @return the entities found
     * @throws ModelValidationException if a key is null, or not a {@link Key} on a model with a sort key, or does
     *     not fit the key's type
     * @throws InvalidQueryException if the options hold anything but attributes and a soft-delete mode
     * @throws dev.dynamite.api.IncompleteBatchException if keys stayed unprocessed until the deadline, listing them
     */
    public List<T> findAll(Collection<?> keys, QueryOptions options) {
        return context.observe("findAll", () -> findAllNow(keys, options));
    }

    private List<T> findAllNow(Collection<?> keys, QueryOptions options) {
        List<String> unsupported = new ArrayList<>();
        if (options.limit().isPresent() || options.skip() > 0) {
            unsupported.add("limit/skip");
        }
        if (options.order().isPresent()) {
            unsupported.add("order (the items come in the order of their keys)");
        }
        if (!options.includes().isEmpty()) {
            unsupported.add("include");
        }
        if (options.after().isPresent()) {
            unsupported.add("after");
        }
        if (!unsupported.isEmpty()) {
            throw Failures.invalidQuery(type.getSimpleName() + ".findAll takes attributes, withTrashed and"
                    + " onlyTrashed; not " + String.join(", ", unsupported));
        }
        boolean composite = context.metadata().sortKey().isPresent();
        Set<Map<String, AttributeValue>> distinct = new LinkedHashSet<>();
        for (Object key : keys) {
            if (key == null) {
                throw Failures.modelValidation(type, context.metadata().partitionKey().name(), "findAll was"
                        + " given a null key");
            }
            if (key instanceof Key both) {
                distinct.add(context.itemKey(both.partition(), both.sort()));
            } else if (composite) {
                throw Failures.modelValidation(type, context.metadata().sortKey().get().name(), "the model has"
                        + " a sort key, so findAll takes Key.of(partition, sort) for each item; got " + key);
            } else {
                distinct.add(context.itemKey(key, null));
            }
        }
        Set<String> projected = new Planner(context).projectedFields(options.attributes());
        ModelContext.Projection projection = projected == null ? null : context.projectionOf(projected);
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = BatchGets.get(client,
                context.batchDeadline(), table, List.copyOf(distinct),
                projection == null ? null : projection.expression(), projection == null ? null : projection.names(),
                context::tableKey, context.readConcurrency());
        List<T> entities = new ArrayList<>(found.size());
        for (Map<String, AttributeValue> key : distinct) {
            Map<String, AttributeValue> item = found.get(key);
            if (item != null && (options.withTrashed() || options.onlyTrashed() == context.isTrashed(item))) {
                entities.add(tracking.load(item, projected));
            }
        }
        return entities;
    }

    /**
     * Lists the items matching filters (the full filter language).
     *
     * @param filters Java field names to values or operator maps
     * @param trash which soft-deleted items to see
     * @return the entities
     */
    public List<T> list(Map<String, ?> filters, Trash trash) {
        Search<T> query = new Search<>(context).where(filters);
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
     * @param options whether the read may scan whatever the scan policy says, in how many parallel segments
     * @return the entities and the guard
     */
    public Guard.Targets<T> targets(Map<String, ?> filters, MutationOptions options) {
        // only updateAll and deleteAll come without filters: they mean every item
        return targets(new Search<>(context).where(filters), filters.isEmpty(), options);
    }

    /**
     * Reads the targets of a bulk write by a typed filter; see {@link #targets(Map, MutationOptions)}.
     *
     * @param filter the filter
     * @param options whether the read may scan, in how many segments
     * @return the entities and the guard
     */
    public Guard.Targets<T> targets(Filter<?> filter, MutationOptions options) {
        return targets(new Search<>(context).where(filter), false, options);
    }

    private Guard.Targets<T> targets(Search<T> query, boolean everyItem, MutationOptions options) {
        query.parallel(options.scanSegments());
        if (everyItem || options.scanAllowed()) {
            query.allowScan();
        }
        return new Guard.Targets<>(query.list(), query.guard());
    }
}
