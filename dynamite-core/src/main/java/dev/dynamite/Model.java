package dev.dynamite;

import dev.dynamite.api.ItemReader;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.NoClientException;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.TransactionContext;
import dev.dynamite.meta.Filter;
import dev.dynamite.meta.Update;
import dev.dynamite.schema.EntityMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A handle on one model class, bound either to the global client ({@link Table#model(Class)}) or to one
 * {@link Dynamite} ({@link Dynamite#model(Class)}).
 *
 * <p>A handle is cheap, immutable and thread-safe, and may be created before any client is connected: the idiom is a
 * static field in the model class, {@code public static final Model<User> model = Table.model(User.class);}. Which
 * client a globally bound handle uses is decided at each call, so a later {@code connect()} of another client takes
 * effect at once.
 *
 * @param <T> the model type
 */
public interface Model<T> extends ItemReader<T> {

    /**
     * Returns the model class.
     *
     * @return the class this handle operates on
     */
    Class<T> type();

    /**
     * Returns the model's metadata: table name, keys, attributes and relations.
     *
     * @return the metadata, read once per class
     * @throws dev.dynamite.api.ModelNotRegisteredException if the class has no partition key
     * @throws dev.dynamite.api.InvalidModelException if its annotations are inconsistent
     */
    EntityMetadata metadata();

    /**
     * Returns the name of the model's table as the bound client sees it, table prefix included.
     *
     * @return the full table name
     * @throws NoClientException if the handle is bound to the global client and none is set
     * @throws dev.dynamite.api.ModelNotRegisteredException if the class has no partition key
     */
    @Override
    String tableName();

    /**
     * Returns the stored key of an item from its key values, as a {@code find} would build it.
     *
     * @param partitionKey the partition key value, of the key field's type (or convertible to it)
     * @param sortKey the sort key value, or null for a model without sort key
     * @return the key as DynamoDB stores it
     * @throws dev.dynamite.api.ModelValidationException if a value does not fit or the number of values is wrong
     */
    @Override
    Map<String, AttributeValue> itemKey(Object partitionKey, @Nullable Object sortKey);

    /**
     * Returns the entity of a stored item, as a {@code find} would: no setter, default or validator runs; null for a
     * soft-deleted item.
     *
     * @param item the stored item
     * @return the entity, bound to this handle's client, or null
     */
    @Override
    @Nullable T fromItem(Map<String, AttributeValue> item);

    /**
     * Returns the DynamoDB client this handle uses now.
     *
     * @return the bound client, or the current global client
     * @throws NoClientException if no client is available
     */
    DynamoDbClient client();

    // ------------------------------------------------------------------ create

    /**
     * Creates an item from a map of Java field names to values.
     *
     * <p>Applies {@code @Default}s to null fields, runs the before-create hooks, the write transforms
     * ({@code @Set}, {@code @Mutate}), sets {@code @CreatedAt}/{@code @UpdatedAt} and {@code @Version}, validates
     * ({@code @NotNull}, {@code @Validate}), then puts the item on the condition that no item has its key, and runs
     * the after-create hooks. Values are converted to the fields' types where that is lossless (an {@code Integer}
     * for a {@code long} field, an ISO-8601 string for an {@code Instant}).
     *
     * <pre>{@code
     * User user = User.model.create(Map.of("name", "Ada", "email", "ada@example.com"));
     * }</pre>
     *
     * @param attributes Java field names to values; keys may be given, managed fields may not
     * @return the created entity, persisted
     * @throws dev.dynamite.api.ItemAlreadyExistsException if an item with the same key exists; it is left unchanged
     * @throws dev.dynamite.api.UnknownFieldException if a name is not a persisted field
     * @throws dev.dynamite.api.ModelValidationException if a value does not fit its field, a managed field
     *     ({@code @CreatedAt}, {@code @UpdatedAt}, {@code @DeleteAt}, {@code @Version}) is given, a key is missing,
     *     or a validator refuses a value; nothing is written
     * @throws NoClientException if no client is available
     */
    T create(Map<String, ?> attributes);

    /**
     * Creates an item from a map, with options; see {@link #create(Map)}.
     *
     * @param attributes Java field names to values
     * @param options whether hooks run
     * @return the created entity
     * @throws dev.dynamite.api.ItemAlreadyExistsException if an item with the same key exists
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid; nothing is written
     */
    T create(Map<String, ?> attributes, MutationOptions options);

    /**
     * Queues the creation of an item in a transaction: validated (and its before-hooks run) now, written when the
     * transaction commits, after which the entity is persisted and its after-hooks run.
     *
     * <pre>{@code
     * dynamite.tx(tx -> {
     *     User user = User.model.create(Map.of("name", "Ada"), tx);
     *     Order.model.create(Map.of("userId", user.id, "total", 10), tx);
     *     return user;
     * });
     * }</pre>
     *
     * @param attributes Java field names to values
     * @param tx the transaction
     * @return the entity, persisted once the transaction commits
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid: nothing is queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     */
    T create(Map<String, ?> attributes, TransactionContext tx);

    /**
     * Creates an entity with the model's no-arg constructor, lets {@code init} fill it, and creates its item; see
     * {@link #create(Map)}.
     *
     * <pre>{@code
     * User user = User.model.create(u -> { u.name = "Ada"; u.email = "ada@example.com"; });
     * }</pre>
     *
     * @param init fills the new entity
     * @return the created entity
     * @throws dev.dynamite.api.ItemAlreadyExistsException if an item with the same key exists
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid; nothing is written
     */
    T create(Consumer<T> init);

    /**
     * Creates an entity filled by {@code init}, with options; see {@link #create(Consumer)}.
     *
     * @param init fills the new entity
     * @param options whether hooks run
     * @return the created entity
     * @throws dev.dynamite.api.ItemAlreadyExistsException if an item with the same key exists
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid; nothing is written
     */
    T create(Consumer<T> init, MutationOptions options);

    /**
     * Creates the item of an entity the caller built; see {@link #create(Map)}. The entity is changed in place
     * (defaults, transforms, timestamps) and returned.
     *
     * @param entity the entity
     * @return the same entity, persisted
     * @throws dev.dynamite.api.ItemAlreadyExistsException if an item with the same key exists
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid; nothing is written
     */
    T create(T entity);

    /**
     * Creates the item of an entity, with options; see {@link #create(Object)}.
     *
     * @param entity the entity
     * @param options whether hooks run
     * @return the same entity, persisted
     * @throws dev.dynamite.api.ItemAlreadyExistsException if an item with the same key exists
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid; nothing is written
     */
    T create(T entity, MutationOptions options);

    // ------------------------------------------------------------------ read

    /**
     * Reads the item with this partition key ({@code GetItem}), for a model without sort key. A soft-deleted item
     * is not found. Reading never runs setters, defaults, validators or hooks; {@code @Get} transforms apply.
     *
     * @param partitionKey the key value, of the key field's type (or convertible to it)
     * @return the entity, or empty
     * @throws dev.dynamite.api.ModelValidationException if the model has a sort key, or the value does not fit
     * @throws NoClientException if no client is available
     */
    Optional<T> find(Object partitionKey);

    /**
     * Reads the item with this full key ({@code GetItem}); a soft-deleted item is not found.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value
     * @return the entity, or empty
     * @throws dev.dynamite.api.ModelValidationException if the model has no sort key, or a value does not fit
     */
    Optional<T> find(Object partitionKey, Object sortKey);

    /**
     * Reads the item with this partition key ({@code GetItem}), with options: the relations to include and the
     * attributes to load.
     *
     * <pre>{@code
     * Optional<User> user = User.model.find(id, QueryOptions.builder().include("orders").build());
     * }</pre>
     *
     * @param partitionKey the key value
     * @param options the options; limit, skip and order do not apply to one item
     * @return the entity with its included relations, or empty
     * @throws dev.dynamite.api.ModelValidationException if the model has a sort key, a value does not fit, or an
     *     include names no relation
     */
    Optional<T> find(Object partitionKey, QueryOptions options);

    /**
     * Reads the item with this full key, with options; see {@link #find(Object, QueryOptions)}.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value
     * @param options the options
     * @return the entity with its included relations, or empty
     * @throws dev.dynamite.api.ModelValidationException if the model has no sort key or a value does not fit
     */
    Optional<T> find(Object partitionKey, Object sortKey, QueryOptions options);

    /**
     * Lists the items matching filters, soft-deleted items excluded.
     *
     * <p>A filter maps a Java field name to a value (equality; {@code null} means "the attribute is absent", never "no
     * condition") or to a map of operators: {@code = != <> < <= > >= in include between beginsWith $exists
     * $notExists} and the aliases {@code $eq $ne $lt $lte $gt $gte $in $include contains $contains $between
     * $beginsWith}. Filters are ANDed. Values are converted to the field's type and encoded by its codec, so an
     * {@code Instant} compares as stored. The read runs on the cheapest call that answers it: {@code GetItem} for the
     * whole primary key, {@code Query} for the partition key of the table or of an index, else {@code Scan} (see
     * {@link #explain}); every page is followed.
     *
     * <pre>{@code
     * List<User> adults = User.model.where(Map.of("age", Map.of(">=", 18, "<", 65), "status", "active"));
     * }</pre>
     *
     * @param filters Java field names to values or operator maps; empty for every item
     * @return the matching entities
     * @throws dev.dynamite.api.UnknownFieldException if a name is not a persisted field
     * @throws dev.dynamite.api.UnknownOperatorException if an operator map holds an unknown operator
     * @throws dev.dynamite.api.ModelValidationException if a name is a relation or a value does not fit its field
     *     or operator; all checked before any request
     */
    List<T> where(Map<String, ?> filters);

    /**
     * Lists the items matching filters, with options: limit, skip, order, attributes, trash, and the relations to
     * include. Included relations load for all the results together, level by level: HasMany and HasOne with one
     * {@code Query} per distinct parent key (on the related table's index, concurrently), BelongsTo with
     * {@code BatchGetItem} of the distinct foreign keys; never a Scan, never one sequential request per parent.
     *
     * @param filters as for {@link #where(Map)}
     * @param options the options
     * @return the matching entities, after skip and limit
     * @throws dev.dynamite.api.ModelValidationException if a filter or an attribute name is invalid, or an include
     *     names no relation (includes of @ManyToMany relations load in a later release)
     */
    List<T> where(Map<String, ?> filters, QueryOptions options);

    /**
     * Lists the items whose field equals a value; see {@link #where(Map)}.
     *
     * @param field the Java field name
     * @param value the value; {@code null} for "absent"
     * @return the matching entities
     * @throws dev.dynamite.api.UnknownFieldException if the name is not a persisted field
     */
    List<T> where(String field, @Nullable Object value);

    /**
     * Lists the items whose field compares to a value with an operator; see {@link #where(Map)}. The three
     * arguments are taken by position: a value that spells an operator is a value.
     *
     * <pre>{@code
     * List<Order> big = Order.model.where("total", ">", 100);
     * List<User> some = User.model.where("role", "in", List.of("admin", "owner"));
     * }</pre>
     *
     * @param field the Java field name
     * @param operator the operator
     * @param value its operand
     * @return the matching entities
     * @throws dev.dynamite.api.UnknownOperatorException if the operator is unknown
     */
    List<T> where(String field, String operator, @Nullable Object value);

    /**
     * Returns the first matching item in key order.
     *
     * @param filters as for {@link #where(Map)}
     * @return the first match, or empty
     */
    Optional<T> first(Map<String, ?> filters);

    /**
     * Returns the first matching item in the order of the options (key order by default).
     *
     * @param filters as for {@link #where(Map)}
     * @param options the options
     * @return the first match, or empty
     */
    Optional<T> first(Map<String, ?> filters, QueryOptions options);

    /**
     * Returns the last matching item in key order.
     *
     * @param filters as for {@link #where(Map)}
     * @return the last match, or empty
     */
    Optional<T> last(Map<String, ?> filters);

    /**
     * Returns the last matching item in the order of the options (key order by default).
     *
     * @param filters as for {@link #where(Map)}
     * @param options the options
     * @return the last match, or empty
     */
    Optional<T> last(Map<String, ?> filters, QueryOptions options);

    /**
     * Counts the matching items ({@code Select COUNT}: items are not transferred).
     *
     * @param filters as for {@link #where(Map)}
     * @return the number of matching items, soft-deleted ones excluded
     */
    long count(Map<String, ?> filters);

    /**
     * Returns how a query would run, without running it: {@code GetItem}, {@code Query} (on which index, with which
     * key condition) or {@code Scan}, the filter and the projection. Reading the table's indexes may take one
     * {@code DescribeTable}, once per table.
     *
     * @param filters as for {@link #where(Map)}
     * @param options the options
     * @return the plan
     */
    QueryPlan explain(Map<String, ?> filters, QueryOptions options);

    /**
     * Writes an entity: creates its item if Dynamite never persisted it (as {@link #create(Object)}), else sends the
     * attributes that changed since it was read or written, conditioned on the item existing (and on its
     * {@code @Version}). The instance-style write of a model that does not extend {@link Table}; it works on
     * {@code Table} entities too.
     *
     * <pre>{@code
     * Invoice invoice = invoices.find(id).orElseThrow();
     * invoice.total = invoice.total.add(fee);
     * invoices.save(invoice);
     * }</pre>
     *
     * @param entity the entity; changed in place (timestamps, version)
     * @return the entity
     * @throws dev.dynamite.api.ItemNotFoundException if the item was deleted since it was read
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    T save(T entity);

    /**
     * Writes an entity with options (hooks, transaction); see {@link #save(Object)}. With a transaction the write is
     * queued, and what {@link #save(Object, TransactionContext)} says of the value returned holds.
     *
     * @param entity the entity
     * @param options hooks on or off, the transaction
     * @return the entity (for a record or an immutable class, the new value)
     * @throws dev.dynamite.api.ItemAlreadyExistsException if a new entity's key is taken
     * @throws dev.dynamite.api.ItemNotFoundException if the item was deleted since it was read
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid; nothing is written
     */
    T save(T entity, MutationOptions options);

    /**
     * Queues an entity's save in a transaction: {@code save(entity, MutationOptions.tx(tx))}. It is validated (and
     * its before-hooks run) now; it is written, and its after-hooks run, when the transaction commits.
     *
     * <p><b>The value returned inside a transaction.</b> A mutable entity is changed in place now (timestamps,
     * version) and takes its stored state at the commit; if the transaction does not commit, its version is put
     * back. For a record or an immutable class the new value is returned at once, holding what the write will
     * store; it takes the stored state when the transaction commits, so that the next write after the commit starts
     * from it. If the transaction does not commit, nothing was written and the value returned is not what the table
     * holds: go on from the value given, which is unchanged. The same holds for every instance write queued in a
     * transaction.
     *
     * <pre>{@code
     * Order paid = dynamite.tx(tx -> orders.save(order, tx));
     * }</pre>
     *
     * @param entity the entity
     * @param tx the transaction
     * @return the entity (for a record or an immutable class, the new value, persisted once the transaction
     *     commits)
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid; nothing is queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     * @throws dev.dynamite.api.InvalidTransactionException if the transaction already holds an action on this item
     */
    T save(T entity, TransactionContext tx);

    /**
     * Assigns values to a persisted entity's fields and saves it; see {@link #save(Object)}.
     *
     * @param entity an entity Dynamite read or wrote
     * @param changes Java field names to new values; keys and managed fields are refused
     * @return the entity (for a record or an immutable class, the new value, from which the next write starts)
     * @throws dev.dynamite.api.ItemNotFoundException if Dynamite never persisted the entity, or its item is gone
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     * @throws dev.dynamite.api.ModelValidationException if a change names an unknown, key or managed field, or does
     *     not fit it; nothing is written
     */
    T update(T entity, Map<String, ?> changes);

    /**
     * Assigns values to a persisted entity's fields and saves it, with options (hooks, transaction); see
     * {@link #update(Object, Map)}.
     *
     * <pre>{@code
     * Order paid = orders.update(order, Map.of("status", "paid"), MutationOptions.skipHooks());
     * }</pre>
     *
     * @param entity an entity Dynamite read or wrote
     * @param changes Java field names to new values; keys and managed fields are refused
     * @param options hooks on or off, the transaction
     * @return the entity (for a record or an immutable class, the new value)
     * @throws dev.dynamite.api.ItemNotFoundException if Dynamite never persisted the entity, or its item is gone
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     * @throws dev.dynamite.api.ModelValidationException if a change is invalid; nothing is written
     */
    T update(T entity, Map<String, ?> changes, MutationOptions options);

    /**
     * Queues the update of a persisted entity in a transaction: {@code update(entity, changes,
     * MutationOptions.tx(tx))}; see {@link #update(Object, Map)}, and {@link #save(Object, TransactionContext)} for
     * what the value returned means before the commit.
     *
     * <pre>{@code
     * dynamite.tx(tx -> {
     *     orders.update(order, Map.of("status", "paid"), tx);
     *     orders.delete(draft, tx);
     *     return null;
     * });
     * }</pre>
     *
     * @param entity an entity Dynamite read or wrote
     * @param changes Java field names to new values
     * @param tx the transaction
     * @return the entity (for a record or an immutable class, the new value, persisted once the transaction
     *     commits)
     * @throws dev.dynamite.api.ItemNotFoundException if Dynamite never persisted the entity; nothing is queued
     * @throws dev.dynamite.api.ModelValidationException if a change is invalid; nothing is queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     */
    T update(T entity, Map<String, ?> changes, TransactionContext tx);

    /**
     * Deletes an entity's item: soft (sets its {@code @DeleteAt} field) where the model has one, else hard;
     * conditioned on the item existing (and on its {@code @Version}). Runs the destroy hooks. Deleting an entity
     * that is already soft-deleted changes nothing.
     *
     * <p>A mutable entity is changed in place: a soft delete sets its {@code @DeleteAt} field (and moves its
     * version), a hard delete leaves it no longer persisted. For a record or an immutable class the value returned
     * is new: after a soft delete, the trashed value with its deletion time and new version, from which
     * {@link #restore(Object)} follows; after a hard delete, the value as it was deleted, no longer persisted (saving
     * it creates the item again). The value given takes the same state (it no longer stands for a live item), but
     * keeps its components.
     *
     * <pre>{@code
     * Order trashed = orders.delete(order);
     * Order live = orders.restore(trashed);
     * }</pre>
     *
     * @param entity the entity; its key must be set
     * @return the entity (for a record or an immutable class, the value as deleted)
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     * @throws dev.dynamite.api.ModelValidationException if a key field is null
     */
    T delete(T entity);

    /**
     * Deletes an entity's item, with options (hooks, transaction); see {@link #delete(Object)}.
     *
     * @param entity the entity; its key must be set
     * @param options hooks on or off, the transaction
     * @return the entity (for a record or an immutable class, the value as deleted)
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    T delete(T entity, MutationOptions options);

    /**
     * Queues the deletion of an entity's item (soft where the model has {@code @DeleteAt}) in a transaction:
     * {@code delete(entity, MutationOptions.tx(tx))}. Its before-hooks run now, its after-hooks at the commit, and
     * the value given and the one returned take the deleted state then; see {@link #save(Object,
     * TransactionContext)} for what the value returned means before the commit.
     *
     * @param entity the entity; its key must be set
     * @param tx the transaction
     * @return the entity (for a record or an immutable class, the value as deleted once the transaction commits)
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     * @throws dev.dynamite.api.InvalidTransactionException if the transaction already holds an action on this item
     */
    T delete(T entity, TransactionContext tx);

    /**
     * Deletes an entity's item for good ({@code DeleteItem}), even where the model soft-deletes; conditioned on the
     * item existing (and on its {@code @Version}). Runs the destroy hooks. A trashed item is deleted too.
     *
     * @param entity the entity; its key must be set
     * @return the entity, no longer persisted (for a record or an immutable class, the value as deleted; the value
     *     given is no longer persisted either)
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     * @throws dev.dynamite.api.ModelValidationException if a key field is null
     */
    T forceDestroy(T entity);

    /**
     * Deletes an entity's item for good, with options (hooks, transaction); see {@link #forceDestroy(Object)}.
     *
     * @param entity the entity; its key must be set
     * @param options hooks on or off, the transaction
     * @return the entity (for a record or an immutable class, the value as deleted)
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    T forceDestroy(T entity, MutationOptions options);

    /**
     * Queues the hard deletion of an entity's item in a transaction; see {@link #forceDestroy(Object)} and
     * {@link #delete(Object, TransactionContext)}.
     *
     * @param entity the entity; its key must be set
     * @param tx the transaction
     * @return the entity (for a record or an immutable class, the value as deleted once the transaction commits)
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     * @throws dev.dynamite.api.InvalidTransactionException if the transaction already holds an action on this item
     */
    T forceDestroy(T entity, TransactionContext tx);

    /**
     * Undoes a soft delete: removes the item's {@code @DeleteAt} attribute, so reads see it again; conditioned on the
     * item existing (and on its {@code @Version}, which moves). No hook runs.
     *
     * <pre>{@code
     * Order trashed = orders.onlyTrashed(Map.of("id", id)).get(0);
     * Order live = orders.restore(trashed);
     * }</pre>
     *
     * @param entity the entity, as deleted or read from the trash; its key must be set
     * @return the entity with its {@code @DeleteAt} field cleared (for a record or an immutable class, the new value,
     *     from which the next write starts)
     * @throws dev.dynamite.api.ModelValidationException if the model has no {@code @DeleteAt} field
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    T restore(T entity);

    /**
     * Undoes a soft delete, with options (the transaction); see {@link #restore(Object)}.
     *
     * @param entity the entity; its key must be set
     * @param options the options; hooks do not apply (a restore runs none)
     * @return the entity with its {@code @DeleteAt} field cleared (for a record or an immutable class, the new value)
     * @throws dev.dynamite.api.ModelValidationException if the model has no {@code @DeleteAt} field
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    T restore(T entity, MutationOptions options);

    /**
     * Queues the undoing of a soft delete in a transaction; see {@link #restore(Object)}, and {@link #save(Object,
     * TransactionContext)} for what the value returned means before the commit.
     *
     * @param entity the entity; its key must be set
     * @param tx the transaction
     * @return the entity with its {@code @DeleteAt} field cleared (for a record or an immutable class, the new value,
     *     persisted once the transaction commits)
     * @throws dev.dynamite.api.ModelValidationException if the model has no {@code @DeleteAt} field
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     */
    T restore(T entity, TransactionContext tx);

    /**
     * Writes many new or <em>replacement</em> items with {@code BatchWriteItem}: 25 a request, several requests at
     * once ({@code DynamiteConfig.writeConcurrency}), the items DynamoDB leaves unprocessed retried with backoff until
     * the batch deadline. Each entity is prepared as {@link #create(Object)} prepares it (defaults, before-create
     * hooks, setters, validators, timestamps, version 1), and all of them are prepared before the first request: one
     * invalid entity means nothing is written. A batch write takes no condition, so unlike {@code create} an existing
     * item with the same key is replaced, not refused.
     *
     * <pre>{@code
     * List<Product> loaded = Product.model.putAll(productsFromCsv);
     * }</pre>
     *
     * @param entities the entities, no two with the same key; changed in place
     * @return the entities, now persisted, in the order given
     * @throws dev.dynamite.api.ModelValidationException if an entity is invalid or two share a key; nothing is written
     * @throws dev.dynamite.api.PartialWriteException if a request failed part-way: it lists the keys written, not
     *     written and in doubt; running the same call again converges
     */
    List<T> putAll(Collection<T> entities);

    /**
     * Writes many new or replacement items with options (hooks on or off); see {@link #putAll(Collection)}.
     *
     * @param entities the entities, no two with the same key
     * @param options hooks on or off; a transaction is refused (a batch write cannot be part of one)
     * @return the entities, now persisted, in the order given
     */
    List<T> putAll(Collection<T> entities, MutationOptions options);

    /**
     * Reads many items by key with {@code BatchGetItem}, 100 keys a request, several requests at once
     * ({@code DynamiteConfig.readConcurrency}), retrying the keys DynamoDB leaves unprocessed until the batch
     * deadline. Each key is read once however often it is given; the items found come back in the order their keys
     * were first given, and keys without an item are left out. Soft-deleted items are left out.
     *
     * <pre>{@code
     * List<User> users = User.model.findAll(List.of("u1", "u2", "u3"));
     * List<Reading> readings = Reading.model.findAll(List.of(Key.of("s1", "10:00"), Key.of("s1", "10:05")));
     * }</pre>
     *
     * @param keys partition key values, or {@link dev.dynamite.api.Key}s for a model with a sort key
     * @return the entities found, in key order
     * @throws dev.dynamite.api.ModelValidationException if a key is null, does not fit the key's type, or is not a
     *     {@code Key} on a model with a sort key; before any request
     * @throws dev.dynamite.api.IncompleteBatchException if keys stayed unprocessed until the deadline: it lists every
     *     key not read
     */
    List<T> findAll(Collection<?> keys);

    /**
     * Reads many items by key, with options: the attributes to load and the soft-delete mode; see
     * {@link #findAll(Collection)}.
     *
     * @param keys partition key values, or {@link dev.dynamite.api.Key}s for a model with a sort key
     * @param options attributes, {@code withTrashed} or {@code onlyTrashed}; nothing else
     * @return the entities found, in key order
     * @throws dev.dynamite.api.InvalidQueryException if the options hold a limit, skip, order, include or cursor
     */
    List<T> findAll(Collection<?> keys, QueryOptions options);

    /**
     * Reads one page of the items matching filters: at most {@code size} of them, after the options' cursor
     * ({@link QueryOptions.Builder#after(String)}) if any; see {@link Query#page(int)}.
     *
     * <pre>{@code
     * Page<Order> page = Order.model.page(Map.of("userId", id),
     *         QueryOptions.builder().order(Order.DESC).after(cursor).build(), 20);
     * }</pre>
     *
     * @param filters as for {@link #where(Map)}
     * @param options the options: no limit or skip (the page takes their place)
     * @param size the most items, at least 1
     * @return the page
     * @throws dev.dynamite.api.InvalidQueryException as {@link Query#page(int)} does
     * @throws dev.dynamite.api.InvalidCursorException if the options' cursor is not one of this query's
     */
    Page<T> page(Map<String, ?> filters, QueryOptions options, int size);

    /**
     * Starts a query built step by step.
     *
     * <pre>{@code
     * List<User> page = User.model.query().where("age", ">=", 18).orderBy(Order.DESC).limit(10).list();
     * }</pre>
     *
     * @return a new query
     */
    Query<T> query();

    /**
     * Lists the matching items, soft-deleted ones included; see {@link #where(Map)}.
     *
     * @param filters Java field names to values
     * @return the matching entities
     */
    List<T> withTrashed(Map<String, ?> filters);

    /**
     * Lists the matching items that are soft-deleted, and only those; see {@link #where(Map)}.
     *
     * @param filters Java field names to values
     * @return the matching soft-deleted entities
     */
    List<T> onlyTrashed(Map<String, ?> filters);

    // ------------------------------------------------------------------ bulk writes

    /**
     * Updates every item matching the filters: each is read, changed like {@code entity.update(changes)} (hooks,
     * transforms, validators, {@code @UpdatedAt}), and written with its own {@code UpdateItem} conditioned on the item
     * still existing (and on its version with {@code @Version}). Items deleted in between are skipped.
     *
     * @param changes Java field names to new values; keys and managed fields are refused
     * @param filters equality filters as for {@link #where(Map)}; must not be empty (see {@link #updateAll(Map)})
     * @return the number of items updated
     * @throws dev.dynamite.api.ModelValidationException if the filters are empty or a change is invalid; checked
     *     before anything is read or written
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item in between; the
     *     items before it stay updated
     */
    int update(Map<String, ?> changes, Map<String, ?> filters);

    /**
     * Updates the matching items, with options; see {@link #update(Map, Map)}.
     *
     * @param changes Java field names to new values
     * @param filters equality filters; must not be empty
     * @param options whether hooks run
     * @return the number of items updated
     */
    int update(Map<String, ?> changes, Map<String, ?> filters, MutationOptions options);

    /**
     * Queues the update of every matching item in a transaction (read now, written atomically at commit); see
     * {@link #update(Map, Map)}.
     *
     * @param changes Java field names to new values
     * @param filters the filters; must not be empty
     * @param tx the transaction
     * @return the number of items queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction cannot hold them all
     */
    int update(Map<String, ?> changes, Map<String, ?> filters, TransactionContext tx);

    /**
     * Updates every item of the table (soft-deleted ones excepted); the explicit form of an update without filters.
     *
     * @param changes Java field names to new values
     * @return the number of items updated
     */
    int updateAll(Map<String, ?> changes);

    /**
     * Deletes every item matching the filters, each like {@code entity.destroy()}: soft where the model has a
     * {@code @DeleteAt} field, else hard, each conditioned on the item existing (and on its version).
     *
     * @param filters equality filters as for {@link #where(Map)}; must not be empty (see {@link #deleteAll()})
     * @return the number of items deleted
     * @throws dev.dynamite.api.ModelValidationException if the filters are empty
     */
    int delete(Map<String, ?> filters);

    /**
     * Deletes the matching items, with options; see {@link #delete(Map)}.
     *
     * @param filters equality filters; must not be empty
     * @param options whether hooks run
     * @return the number of items deleted
     */
    int delete(Map<String, ?> filters, MutationOptions options);

    /**
     * Queues the deletion of every matching item in a transaction; see {@link #delete(Map)}.
     *
     * @param filters the filters; must not be empty
     * @param tx the transaction
     * @return the number of items queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction cannot hold them all
     */
    int delete(Map<String, ?> filters, TransactionContext tx);

    /**
     * Deletes every item of the table (soft where the model soft-deletes); the explicit form of a delete without
     * filters.
     *
     * @return the number of items deleted
     */
    int deleteAll();

    /**
     * Adds an amount to a numeric field of every matching item, each with one atomic {@code UpdateItem}
     * ({@code ADD}) conditioned on the item existing: a counter never creates an item.
     *
     * @param field the numeric field
     * @param by the amount
     * @param filters equality filters; must not be empty
     * @return the number of items changed
     * @throws dev.dynamite.api.ModelValidationException if the field is not a numeric, unmanaged, non-key field, or
     *     the filters are empty
     */
    int increment(String field, Number by, Map<String, ?> filters);

    /**
     * Queues an atomic addition to a numeric field of every matching item in a transaction; see
     * {@link #increment(String, Number, Map)}.
     *
     * @param field the numeric field
     * @param by the amount
     * @param filters equality or operator filters; must not be empty
     * @param tx the transaction
     * @return the number of items queued
     */
    int increment(String field, Number by, Map<String, ?> filters, TransactionContext tx);

    /**
     * Queues an atomic subtraction from a numeric field of every matching item in a transaction.
     *
     * @param field the numeric field
     * @param by the amount to subtract
     * @param filters the filters; must not be empty
     * @param tx the transaction
     * @return the number of items queued
     */
    int decrement(String field, Number by, Map<String, ?> filters, TransactionContext tx);

    /**
     * Subtracts an amount from a numeric field of every matching item; see {@link #increment(String, Number, Map)}.
     *
     * @param field the numeric field
     * @param by the amount to subtract
     * @param filters equality filters; must not be empty
     * @return the number of items changed
     */
    int decrement(String field, Number by, Map<String, ?> filters);

    // ------------------------------------------------------------------ typed filters

    /**
     * Lists the items matching a typed filter, soft-deleted items excluded; see {@link #where(Map)} for how the read
     * runs and {@link Query#where(Filter)} for how a typed filter is planned.
     *
     * <pre>{@code
     * List<Order> open = orders.where(Order_.userId.eq(id).and(Order_.status.in("pending", "paid")));
     * }</pre>
     *
     * @param filter the filter, built from the model's metamodel ({@code Order_})
     * @return the matching entities
     * @throws dev.dynamite.api.UnknownFieldException if it names a field that is not persisted
     * @throws dev.dynamite.api.ModelValidationException if a value does not fit its field or operator; all checked
     *     before any request
     */
    List<T> where(Filter<T> filter);

    /**
     * Lists the items matching a typed filter, with options; see {@link #where(Map, QueryOptions)}.
     *
     * @param filter the filter
     * @param options the options
     * @return the matching entities, after skip and limit
     */
    List<T> where(Filter<T> filter, QueryOptions options);

    /**
     * Returns the first item matching a typed filter in key order.
     *
     * @param filter the filter
     * @return the first match, or empty
     */
    Optional<T> first(Filter<T> filter);

    /**
     * Counts the items matching a typed filter ({@code Select COUNT}).
     *
     * @param filter the filter
     * @return the number of matching items, soft-deleted ones excluded
     */
    long count(Filter<T> filter);

    /**
     * Returns how a query with a typed filter would run, without running it; see {@link #explain(Map, QueryOptions)}.
     *
     * @param filter the filter
     * @param options the options
     * @return the plan
     */
    QueryPlan explain(Filter<T> filter, QueryOptions options);

    /**
     * Reads one page of the items matching a typed filter; see {@link #page(Map, QueryOptions, int)}.
     *
     * @param filter the filter
     * @param options the options; {@code after} continues from a cursor
     * @param size the most items, at least 1
     * @return the page
     */
    Page<T> page(Filter<T> filter, QueryOptions options, int size);

    /**
     * Applies typed changes to a persisted entity and writes them: sets and removals as {@link #update(Object, Map)}
     * does; an addition ({@code Order_.logins.add(1)}) as an atomic counter on the item, conditioned on its version.
     *
     * @param entity an entity Dynamite read or wrote
     * @param changes the changes
     * @return the entity (for an immutable model, the new value)
     * @throws dev.dynamite.api.ModelValidationException if a change names an unknown, key or managed field, does not
     *     fit it, or mixes an addition with other changes; nothing is written
     */
    T update(T entity, Update<T> changes);

    /**
     * Applies typed changes to a persisted entity and writes them, with options (hooks, transaction, idempotent
     * counters); see {@link #update(Object, Update)}.
     *
     * @param entity an entity Dynamite read or wrote
     * @param changes the changes
     * @param options hooks on or off, the transaction, {@link MutationOptions#idempotent()} for a counter
     * @return the entity (for an immutable model, the new value)
     * @throws dev.dynamite.api.ModelValidationException if a change names an unknown, key or managed field, does not
     *     fit it, or mixes an addition with other changes; or if an addition to a record or an immutable class is
     *     given a transaction (a transaction returns no values, so the value handed back could not show the sum:
     *     queue {@link #increment(String, Number, Map, TransactionContext)} instead); nothing is written
     */
    T update(T entity, Update<T> changes, MutationOptions options);

    /**
     * Queues typed changes to a persisted entity in a transaction; see {@link #update(Object, Update,
     * MutationOptions)}, and {@link #save(Object, TransactionContext)} for what the value returned means before the
     * commit. An addition to a mutable entity moves its field by the amount at the commit.
     *
     * @param entity an entity Dynamite read or wrote
     * @param changes the changes
     * @param tx the transaction
     * @return the entity (for an immutable model, the new value, persisted once the transaction commits)
     * @throws dev.dynamite.api.ModelValidationException if a change is invalid, or is an addition to a record or an
     *     immutable class; nothing is queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     */
    T update(T entity, Update<T> changes, TransactionContext tx);

    /**
     * Updates every item matching a typed filter; see {@link #update(Map, Map)}. Sets and removals are written as
     * that method writes them; an update that adds to a counter is written as {@link #increment(String, Number,
     * Map)} writes it. Each write is conditioned on the item still matching the filter.
     *
     * <pre>{@code
     * orders.update(Order_.status.set("late"), Order_.status.eq("pending").and(Order_.dueAt.lt(now)));
     * orders.update(Order_.logins.add(1), Order_.userId.eq(id));
     * }</pre>
     *
     * @param changes the changes
     * @param filter the filter
     * @return the number of items updated
     * @throws dev.dynamite.api.ModelValidationException if a change is invalid or mixes an addition with other
     *     changes; checked before anything is read or written
     */
    int update(Update<T> changes, Filter<T> filter);

    /**
     * Updates the items matching a typed filter, with options; see {@link #update(Update, Filter)}.
     *
     * @param changes the changes
     * @param filter the filter
     * @param options hooks, scans, the transaction
     * @return the number of items updated (or queued, in a transaction)
     */
    int update(Update<T> changes, Filter<T> filter, MutationOptions options);

    /**
     * Queues the update of every item matching a typed filter in a transaction; see {@link #update(Update, Filter)}.
     *
     * @param changes the changes
     * @param filter the filter
     * @param tx the transaction
     * @return the number of items queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction cannot hold them all
     */
    int update(Update<T> changes, Filter<T> filter, TransactionContext tx);

    /**
     * Deletes every item matching a typed filter; see {@link #delete(Map)}. Each delete is conditioned on the item
     * still matching.
     *
     * @param filter the filter
     * @return the number of items deleted
     */
    int delete(Filter<T> filter);

    /**
     * Deletes the items matching a typed filter, with options; see {@link #delete(Filter)}.
     *
     * @param filter the filter
     * @param options hooks, scans, the transaction
     * @return the number of items deleted (or queued, in a transaction)
     */
    int delete(Filter<T> filter, MutationOptions options);

    /**
     * Queues the deletion of every item matching a typed filter in a transaction; see {@link #delete(Filter)}.
     *
     * @param filter the filter
     * @param tx the transaction
     * @return the number of items queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction cannot hold them all
     */
    int delete(Filter<T> filter, TransactionContext tx);
}
