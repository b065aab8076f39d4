package dev.dynamite;

import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.TransactionContext;
import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.core.internal.entity.CounterWrites;
import dev.dynamite.core.internal.entity.EntityWrites;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.Shape;
import dev.dynamite.core.internal.model.Tracking;
import dev.dynamite.core.internal.model.Trash;
import dev.dynamite.core.internal.query.Guard;
import dev.dynamite.core.internal.query.Reads;
import dev.dynamite.core.internal.query.Search;
import dev.dynamite.core.internal.write.BulkWrite;
import dev.dynamite.core.internal.write.Receipt;
import dev.dynamite.meta.Filter;
import dev.dynamite.meta.Update;
import dev.dynamite.schema.EntityMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The model handle: bound to one {@code Dynamite} or to the global client at each call, as its {@link Owner} says.
 * Every operation resolves the binding once into a {@link ModelContext} and runs on it.
 *
 * <p>The runtime works on entities of type {@code E}: the model class itself, or, for a record, {@link
 * dev.dynamite.core.internal.mapping.Draft}s that the {@link Shape} turns into records on the way out and back into
 * drafts on the way in.
 *
 * @param <T> the model type
 * @param <E> the type of the runtime's entities
 */
final class DefaultModel<T, E> implements Model<T> {
    private final Class<T> type;
    private final Owner owner;
    private final Shape<T, E> shape;

    private DefaultModel(Class<T> type, Owner owner, Shape<T, E> shape) {
        this.type = type;
        this.owner = owner;
        this.shape = shape;
    }

    /** The handle of a model class, of either kind. */
    static <T> DefaultModel<T, Object> of(Class<T> type, Owner owner) {
        return new DefaultModel<>(Objects.requireNonNull(type, "type"), owner, Shape.of(type));
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public EntityMetadata metadata() {
        return EntityMetadata.of(type);
    }

    @Override
    public String tableName() {
        return binding().tablePrefix() + metadata().tableName();
    }

    @Override
    public Map<String, AttributeValue> itemKey(Object partitionKey, @Nullable Object sortKey) {
        return context().itemKey(partitionKey, sortKey);
    }

    @Override
    public @Nullable T fromItem(Map<String, AttributeValue> item) {
        E entity = new Reads<>(context()).fromItem(item);
        return entity == null ? null : shape.out(entity);
    }

    @Override
    public DynamoDbClient client() {
        return binding().client();
    }

    /** The binding this handle uses now; throws {@code NoClientException} for a global handle with no client. */
    private GlobalRegistry.Binding binding() {
        return owner.binding();
    }

    /** This model on the binding in force now. */
    @SuppressWarnings("unchecked")
    private ModelContext<E> context() {
        return (ModelContext<E>) ModelContext.any(type, owner, binding());
    }

    private DefaultQuery<T, E> query(ModelContext<E> context) {
        return new DefaultQuery<>(new Search<>(context), type, shape);
    }

    /**
     * What a write hands back of its runtime entity. In a transaction the entity shows its {@code @Get} transforms
     * only when the commit applies them, after a value model's new value was handed back: that value is made of a
     * copy shown as reads show it, so it shows what a value written outside a transaction shows.
     */
    private T written(ModelContext<E> context, E entity, MutationOptions options) {
        if (shape.immutable() && options.transaction().isPresent()) {
            Tracking<E> tracking = new Tracking<>(context);
            return shape.outAsRead(entity, view -> tracking.applyRead(view, null));
        }
        return shape.out(entity);
    }

    /**
     * An instance write: {@code write} writes the runtime entity of the one given; hands back the entity given (a
     * mutable model's, changed in place) or the value the write made (a value model's).
     */
    private T write(T entity, MutationOptions options, BiConsumer<EntityWrites<E>, E> write) {
        Objects.requireNonNull(options, "options");
        E runtime = in(entity);
        ModelContext<E> context = context();
        write.accept(new EntityWrites<>(context), runtime);
        return shape.immutable() ? written(context, runtime, options) : entity;
    }

    @Override
    public T create(Map<String, ?> attributes) {
        return create(attributes, MutationOptions.defaults());
    }

    @Override
    public T create(Map<String, ?> attributes, MutationOptions options) {
        ModelContext<E> context = context();
        return written(context, new EntityWrites<>(context).create(Objects.requireNonNull(attributes,
                "attributes"), options), options);
    }

    @Override
    public T create(Map<String, ?> attributes, TransactionContext tx) {
        return create(attributes, MutationOptions.tx(tx));
    }

    @Override
    public T create(Consumer<T> init) {
        return create(init, MutationOptions.defaults());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T create(Consumer<T> init, MutationOptions options) {
        Objects.requireNonNull(init, "init");
        if (shape.immutable()) {
            throw Failures.modelValidation(type, null, "is " + (type.isRecord() ? "a record" : "immutable")
                    + ", which cannot be filled in place;"
                    + " call create(Map) or create(new " + type.getSimpleName() + "(...)) instead");
        }
        return shape.out(new EntityWrites<>(context()).create((Consumer<E>) init, options));
    }

    @Override
    public T create(T entity) {
        return create(entity, MutationOptions.defaults());
    }

    @Override
    public T create(T entity, MutationOptions options) {
        ModelContext<E> context = context();
        return written(context, new EntityWrites<>(context).create(in(entity), options), options);
    }

    @Override
    public Optional<T> find(Object partitionKey) {
        return shape.out(new Reads<>(context()).find(partitionKey, null));
    }

    @Override
    public Optional<T> find(Object partitionKey, Object sortKey) {
        return shape.out(new Reads<>(context()).find(partitionKey, Objects.requireNonNull(sortKey, "sortKey")));
    }

    @Override
    public Optional<T> find(Object partitionKey, QueryOptions options) {
        ModelContext<E> context = context();
        EntityMetadata metadata = metadata();
        if (metadata.sortKey().isPresent()) {
            throw Failures.modelValidation(type, metadata.sortKey().get().name(), "the model has a sort key;"
                    + " find(partitionKey, sortKey, options) needs its value too");
        }
        Objects.requireNonNull(partitionKey, "partitionKey");
        return context.observe("find", () -> query(context).where(metadata.partitionKey().name(), partitionKey)
                .options(options).first());
    }

    @Override
    public Optional<T> find(Object partitionKey, Object sortKey, QueryOptions options) {
        ModelContext<E> context = context();
        EntityMetadata metadata = metadata();
        String sort = metadata.sortKey().orElseThrow(() -> new ModelValidationException(type, null, "has no sort"
                + " key, but a sort key value was given: " + sortKey)).name();
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        return context.observe("find", () -> query(context).where(metadata.partitionKey().name(), partitionKey)
                .where(sort, sortKey).options(options).first());
    }

    @Override
    public List<T> where(Map<String, ?> filters) {
        return query(context()).where(filters).list();
    }

    @Override
    public List<T> where(Map<String, ?> filters, QueryOptions options) {
        return query(context()).where(filters).options(options).list();
    }

    @Override
    public List<T> where(String field, @Nullable Object value) {
        return query(context()).where(field, value).list();
    }

    @Override
    public List<T> where(String field, String operator, @Nullable Object value) {
        return query(context()).where(field, operator, value).list();
    }

    @Override
    public Optional<T> first(Map<String, ?> filters) {
        return query(context()).where(filters).first();
    }

    @Override
    public Optional<T> first(Map<String, ?> filters, QueryOptions options) {
        return query(context()).where(filters).options(options).first();
    }

    @Override
    public Optional<T> last(Map<String, ?> filters) {
        return query(context()).where(filters).last();
    }

    @Override
    public Optional<T> last(Map<String, ?> filters, QueryOptions options) {
        return query(context()).where(filters).options(options).last();
    }

    @Override
    public long count(Map<String, ?> filters) {
        return query(context()).where(filters).count();
    }

    @Override
    public QueryPlan explain(Map<String, ?> filters, QueryOptions options) {
        return query(context()).where(filters).options(options).explain();
    }

    @Override
    public T save(T entity) {
        return save(entity, MutationOptions.defaults());
    }

    @Override
    public T save(T entity, MutationOptions options) {
        return write(entity, options, (writes, written) -> writes.save(written, options));
    }

    @Override
    public T save(T entity, TransactionContext tx) {
        return save(entity, MutationOptions.tx(tx));
    }

    @Override
    public T update(T entity, Map<String, ?> changes) {
        return update(entity, changes, MutationOptions.defaults());
    }

    @Override
    public T update(T entity, Map<String, ?> changes, MutationOptions options) {
        Objects.requireNonNull(changes, "changes");
        return write(entity, options, (writes, written) -> writes.update(written, changes, options));
    }

    @Override
    public T update(T entity, Map<String, ?> changes, TransactionContext tx) {
        return update(entity, changes, MutationOptions.tx(tx));
    }

    @Override
    public T delete(T entity) {
        return delete(entity, MutationOptions.defaults());
    }

    @Override
    public T delete(T entity, MutationOptions options) {
        return destroy(entity, false, options);
    }

    @Override
    public T delete(T entity, TransactionContext tx) {
        return delete(entity, MutationOptions.tx(tx));
    }

    @Override
    public T forceDestroy(T entity) {
        return forceDestroy(entity, MutationOptions.defaults());
    }

    @Override
    public T forceDestroy(T entity, MutationOptions options) {
        return destroy(entity, true, options);
    }

    @Override
    public T forceDestroy(T entity, TransactionContext tx) {
        return forceDestroy(entity, MutationOptions.tx(tx));
    }

    /** Deletes an entity's item, softly unless {@code force}; hands back the entity, or the value as deleted. */
    private T destroy(T entity, boolean force, MutationOptions options) {
        return write(entity, options, (writes, deleted) -> {
            // the value given is the application's handle of the item: once the deletion happens (now, or at the
            // commit) it no longer stands for a live item either, so it takes the deleted state with the value
            // returned
            shape.tie(deleted, entity);
            writes.destroy(deleted, force, options);
        });
    }

    @Override
    public T restore(T entity) {
        return restore(entity, MutationOptions.defaults());
    }

    @Override
    public T restore(T entity, MutationOptions options) {
        return write(entity, options, (writes, restored) -> writes.restore(restored, options));
    }

    @Override
    public T restore(T entity, TransactionContext tx) {
        return restore(entity, MutationOptions.tx(tx));
    }

    /** The runtime's entity for one the application gives. */
    private E in(T entity) {
        return shape.in(type.cast(Objects.requireNonNull(entity, "entity")));
    }

    @Override
    public List<T> putAll(Collection<T> entities) {
        return putAll(entities, MutationOptions.defaults());
    }

    @Override
    public List<T> putAll(Collection<T> entities, MutationOptions options) {
        List<E> written = new EntityWrites<>(context()).putAll(shape.in(Objects.requireNonNull(entities,
                "entities")), Objects.requireNonNull(options, "options"));
        return shape.out(written);
    }

    @Override
    public List<T> findAll(Collection<?> keys) {
        return findAll(keys, QueryOptions.none());
    }

    @Override
    public List<T> findAll(Collection<?> keys, QueryOptions options) {
        return shape.out(new Reads<>(context()).findAll(Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(options, "options")));
    }

    @Override
    public Page<T> page(Map<String, ?> filters, QueryOptions options, int size) {
        return query(context()).where(filters).options(options).page(size);
    }

    @Override
    public Query<T> query() {
        return DefaultQuery.start(new Search<>(context()), type, shape);
    }

    @Override
    public List<T> withTrashed(Map<String, ?> filters) {
        return shape.out(new Reads<>(context()).list(filters, Trash.INCLUDE));
    }

    @Override
    public List<T> onlyTrashed(Map<String, ?> filters) {
        return shape.out(new Reads<>(context()).list(filters, Trash.ONLY));
    }

    @Override
    public int update(Map<String, ?> changes, Map<String, ?> filters) {
        return update(changes, filters, MutationOptions.defaults());
    }

    @Override
    public int update(Map<String, ?> changes, Map<String, ?> filters, MutationOptions options) {
        requireFilters(filters, "update", "updateAll(changes)");
        return updateMatching(changes, reads -> reads.targets(filters, options), options);
    }

    @Override
    public int update(Map<String, ?> changes, Map<String, ?> filters, TransactionContext tx) {
        return update(changes, filters, MutationOptions.tx(tx));
    }

    @Override
    public int updateAll(Map<String, ?> changes) {
        MutationOptions options = MutationOptions.defaults();
        return updateMatching(changes, reads -> reads.targets(Map.of(), options), options);
    }

    /** Reads the targets of a bulk write, by the map form or a typed filter. */
    private interface Targeting<E> {
        Guard.Targets<E> read(Reads<E> reads);
    }

    private int updateMatching(Map<String, ?> changes, Targeting<E> targeting, MutationOptions options) {
        ModelContext<E> context = context();
        EntityWrites<E> writes = new EntityWrites<>(context);
        Map<String, Object> checked = writes.checkChanges(changes);
        return context.observe("bulkUpdate", () -> {
            Guard.Targets<E> targets = targeting.read(new Reads<>(context));
            // the filters are the write's condition: an item changed since the read so that it no longer matches is
            // skipped (outside a transaction) or cancels the transaction
            return bulk(context, "update", targets, options,
                    (entity, receipt) -> writes.update(entity, checked, options, targets.guard(), receipt));
        });
    }

    @Override
    public int delete(Map<String, ?> filters) {
        return delete(filters, MutationOptions.defaults());
    }

    @Override
    public int delete(Map<String, ?> filters, MutationOptions options) {
        requireFilters(filters, "delete", "deleteAll()");
        return deleteMatching(reads -> reads.targets(filters, options), options);
    }

    @Override
    public int delete(Map<String, ?> filters, TransactionContext tx) {
        return delete(filters, MutationOptions.tx(tx));
    }

    @Override
    public int deleteAll() {
        MutationOptions options = MutationOptions.defaults();
        return deleteMatching(reads -> reads.targets(Map.of(), options), options);
    }

    private int deleteMatching(Targeting<E> targeting, MutationOptions options) {
        ModelContext<E> context = context();
        EntityWrites<E> writes = new EntityWrites<>(context);
        return context.observe("bulkDelete", () -> {
            Guard.Targets<E> targets = targeting.read(new Reads<>(context));
            return bulk(context, "delete", targets, options,
                    (entity, receipt) -> writes.destroy(entity, false, options, targets.guard(), receipt));
        });
    }

    @Override
    public int increment(String field, Number by, Map<String, ?> filters) {
        return increment(field, by, filters, MutationOptions.defaults());
    }

    @Override
    public int increment(String field, Number by, Map<String, ?> filters, TransactionContext tx) {
        return increment(field, by, filters, MutationOptions.tx(tx));
    }

    @Override
    public int decrement(String field, Number by, Map<String, ?> filters, TransactionContext tx) {
        return increment(field, negate(by), filters, MutationOptions.tx(tx));
    }

    private int increment(String field, Number by, Map<String, ?> filters, MutationOptions options) {
        requireFilters(filters, "increment", null);
        return incrementMatching(field, by, reads -> reads.targets(filters, options), options);
    }

    private int incrementMatching(String field, Number by, Targeting<E> targeting, MutationOptions options) {
        ModelContext<E> context = context();
        CounterWrites<E> counters = new CounterWrites<>(context);
        counters.checkCounter(field, by);
        return context.observe("bulkIncrement", () -> {
            Guard.Targets<E> targets = targeting.read(new Reads<>(context));
            return bulk(context, "increment(" + field + ")", targets, options,
                    (entity, receipt) -> counters.increment(entity, field, by, options, targets.guard(), receipt));
        });
    }

    /**
     * Writes each target: in a transaction, queued one after the other (nothing is sent before the commit); outside
     * one, with the client's write concurrency, and a failure part-way reported as a {@link
     * dev.dynamite.api.PartialWriteException}.
     */
    private int bulk(ModelContext<E> context, String operation, Guard.Targets<E> targets, MutationOptions options,
                     BulkWrite.Action<E> write) {
        if (options.transaction().isPresent()) {
            int queued = 0;
            for (E entity : targets.entities()) {
                if (write.write(entity, new Receipt())) {
                    queued++;
                }
            }
            return queued;
        }
        return new BulkWrite<E>(type, context.tableName(), operation, context::keyOf)
                .run(targets.entities(), context.binding().writeConcurrency(), write);
    }

    @Override
    public int decrement(String field, Number by, Map<String, ?> filters) {
        return increment(field, negate(by), filters);
    }

    /**
     * Returns the negation of an amount, for decrements.
     *
     * @param by the amount
     * @return minus the amount, of a type that holds it exactly
     */
    static Number negate(Number by) {
        return new java.math.BigDecimal(Objects.requireNonNull(by, "by").toString()).negate();
    }

    /** Refuses an empty filter map, which would mean every item; {@code instead} names the explicit form, if any. */
    private void requireFilters(Map<String, ?> filters, String operation, @Nullable String instead) {
        if (Objects.requireNonNull(filters, "filters").isEmpty()) {
            throw Failures.modelValidation(type, null, operation + " with no filter would change every item;"
                    + " give a filter" + (instead == null ? "" : ", or call " + instead + " to mean every item"));
        }
    }

    // ------------------------------------------------------------------ typed filters and updates

    @Override
    public List<T> where(Filter<T> filter) {
        return query(context()).where(filter).list();
    }

    @Override
    public List<T> where(Filter<T> filter, QueryOptions options) {
        return query(context()).where(filter).options(options).list();
    }

    @Override
    public Optional<T> first(Filter<T> filter) {
        return query(context()).where(filter).first();
    }

    @Override
    public long count(Filter<T> filter) {
        return query(context()).where(filter).count();
    }

    @Override
    public QueryPlan explain(Filter<T> filter, QueryOptions options) {
        return query(context()).where(filter).options(options).explain();
    }

    @Override
    public Page<T> page(Filter<T> filter, QueryOptions options, int size) {
        return query(context()).where(filter).options(options).page(size);
    }

    @Override
    public T update(T entity, Update<T> changes) {
        return update(entity, changes, MutationOptions.defaults());
    }

    @Override
    public T update(T entity, Update<T> changes, MutationOptions options) {
        Objects.requireNonNull(options, "options");
        Update.Change counter = counter(changes);
        if (counter == null) {
            return update(entity, assignments(changes), options);
        }
        if (shape.immutable() && options.transaction().isPresent()) {
            // a transaction returns no values: the counter's sum is known only at the commit, after the new value
            // was handed back, and a value cannot change then
            throw Failures.modelValidation(type, counter.field(), "is added to in a transaction, but "
                    + type.getSimpleName() + " is " + (type.isRecord() ? "a record" : "immutable") + ", whose value"
                    + " handed back could not show the sum, known only at the commit; queue increment(\""
                    + counter.field() + "\", by, filters, tx) instead, or add outside the transaction");
        }
        E written = in(entity);
        new CounterWrites<>(context()).increment(written, counter.field(), (Number) Objects.requireNonNull(
                counter.value()), options);
        return shape.immutable() ? shape.out(written) : entity;
    }

    @Override
    public T update(T entity, Update<T> changes, TransactionContext tx) {
        return update(entity, changes, MutationOptions.tx(tx));
    }

    @Override
    public int update(Update<T> changes, Filter<T> filter) {
        return update(changes, filter, MutationOptions.defaults());
    }

    @Override
    public int update(Update<T> changes, Filter<T> filter, MutationOptions options) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(options, "options");
        Targeting<E> targeting = reads -> reads.targets(filter, options);
        Update.Change counter = counter(changes);
        if (counter == null) {
            return updateMatching(assignments(changes), targeting, options);
        }
        return incrementMatching(counter.field(), (Number) Objects.requireNonNull(counter.value()), targeting,
                options);
    }

    @Override
    public int update(Update<T> changes, Filter<T> filter, TransactionContext tx) {
        return update(changes, filter, MutationOptions.tx(tx));
    }

    @Override
    public int delete(Filter<T> filter) {
        return delete(filter, MutationOptions.defaults());
    }

    @Override
    public int delete(Filter<T> filter, MutationOptions options) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(options, "options");
        return deleteMatching(reads -> reads.targets(filter, options), options);
    }

    @Override
    public int delete(Filter<T> filter, TransactionContext tx) {
        return delete(filter, MutationOptions.tx(tx));
    }

    /**
     * The addition of a typed update that adds to a counter, or null for one that sets and removes. An addition is
     * an atomic {@code ADD} written alone, so it is refused alongside other changes.
     */
    private Update.@Nullable Change counter(Update<T> changes) {
        List<Update.Change> all = Objects.requireNonNull(changes, "changes").changes();
        for (Update.Change change : all) {
            if (change.kind() == Update.Kind.ADD && all.size() > 1) {
                throw Failures.modelValidation(type, change.field(), "is added to in an update that also"
                        + " changes other fields; an addition is an atomic counter written alone, so send it as its"
                        + " own update");
            }
        }
        return all.get(0).kind() == Update.Kind.ADD ? all.get(0) : null;
    }

    /** A typed update of sets and removals as the map form's changes: removal is a change to null. */
    private static Map<String, @Nullable Object> assignments(Update<?> changes) {
        Map<String, @Nullable Object> assigned = new java.util.LinkedHashMap<>();
        for (Update.Change change : changes.changes()) {
            assigned.put(change.field(), change.kind() == Update.Kind.REMOVE ? null : change.value());
        }
        return assigned;
    }

    @Override
    public String toString() {
        return "Model[" + type.getName() + ", " + owner.description() + "]";
    }
}
