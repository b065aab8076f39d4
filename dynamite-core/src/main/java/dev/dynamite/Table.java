package dev.dynamite;

import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.TransactionContext;
import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.entity.CounterWrites;
import dev.dynamite.core.internal.entity.EntityWrites;
import dev.dynamite.core.internal.entity.Views;
import dev.dynamite.core.internal.model.EntityAccess;
import dev.dynamite.core.internal.model.EntityState;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.relation.Pivots;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The base class of model classes: {@code public class User extends Table<User> { … }}.
 *
 * <p>A model class declares its fields with the annotations of {@code dev.dynamite.annotation}, has a public no-arg
 * constructor, and lives in a package its module opens to {@code dev.dynamite.core}. Its instances (entities) know
 * whether they are persisted and which attribute values were stored when they were last read or written, so that
 * {@link #save()} writes only what changed. An entity keeps the client of the model handle it was loaded or created
 * through; an entity created with {@code new} uses the global client. Entities are not thread-safe.
 *
 * <pre>{@code
 * User user = User.model.find("42").orElseThrow();
 * user.email = "ada@example.com";
 * user.save();        // UpdateItem of email (and @UpdatedAt) only
 * user.destroy();     // soft delete where the model has @DeleteAt
 * user.restore();
 * }</pre>
 *
 * @param <T> the model class itself
 */
public abstract class Table<T extends Table<T>> {
    static {
        EntityAccess.install(new EntityAccess.Accessor() {
            @Override
            public Class<?> baseClass() {
                return Table.class;
            }

            @Override
            public @Nullable EntityState get(Object entity) {
                return ((Table<?>) entity).dynamiteState;
            }

            @Override
            public void set(Object entity, @Nullable EntityState state) {
                ((Table<?>) entity).dynamiteState = state;
            }
        });
    }

    /** Dynamite's bookkeeping; transient, so never persisted or serialized. */
    private transient @Nullable EntityState dynamiteState;

    /** Creates an instance; for subclasses. */
    protected Table() {
    }

    /**
     * Returns a handle on a model class bound to the global client, resolved at each call.
     *
     * <pre>{@code
     * public class User extends Table<User> {
     *     public static final Model<User> model = Table.model(User.class);
     *     @PrimaryKey public String id;
     * }
     * }</pre>
     *
     * @param type the model class
     * @param <T> the model type
     * @return the handle; creating it needs no client
     */
    public static <T extends Table<T>> Model<T> model(Class<T> type) {
        return DefaultModel.of(type, Owner.global());
    }

    /**
     * Writes this entity: creates its item if it was never persisted (a conditional put, as
     * {@link Model#create(Object)}), else sends an {@code UpdateItem} of the changed attributes only, conditioned on
     * the item existing (and on its version with {@code @Version}). Before-update hooks receive the changed fields;
     * write transforms and validators run on them; {@code @UpdatedAt} is set. Managed fields reassigned by user
     * code ({@code @CreatedAt} and the others) are put back to their stored values. Attributes the model does not
     * declare are left untouched.
     *
     * @return true if something was written, false if nothing had changed
     * @throws dev.dynamite.api.ItemAlreadyExistsException if a new entity's key is taken
     * @throws dev.dynamite.api.ItemNotFoundException if the item was deleted since it was read; nothing is written
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item since it was read
     * @throws dev.dynamite.api.ModelValidationException if a value is invalid or a key field was changed
     */
    public boolean save() {
        return save(MutationOptions.defaults());
    }

    /**
     * Writes this entity with options; see {@link #save()}.
     *
     * @param options whether hooks run
     * @return true if something was written
     * @throws dev.dynamite.api.ItemNotFoundException if the item was deleted since it was read
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    public boolean save(MutationOptions options) {
        return new EntityWrites<>(context()).save(self(), Objects.requireNonNull(options, "options"));
    }

    /**
     * Assigns the given fields and saves this persisted entity; see {@link #save()}.
     *
     * <pre>{@code
     * user.update(Map.of("name", "Ada Lovelace"));
     * }</pre>
     *
     * @param changes Java field names to new values; keys and managed fields are refused
     * @return true if something was written
     * @throws dev.dynamite.api.UnknownFieldException if a name is not a persisted field
     * @throws dev.dynamite.api.ModelValidationException if a name is a key or managed field, or a value is invalid
     * @throws dev.dynamite.api.ItemNotFoundException if the entity was never persisted or its item was deleted
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    public boolean update(Map<String, ?> changes) {
        return update(changes, MutationOptions.defaults());
    }

    /**
     * Assigns the given fields and saves, with options; see {@link #update(Map)}.
     *
     * @param changes Java field names to new values
     * @param options whether hooks run
     * @return true if something was written
     * @throws dev.dynamite.api.ItemNotFoundException if the entity was never persisted or its item was deleted
     */
    public boolean update(Map<String, ?> changes, MutationOptions options) {
        return new EntityWrites<>(context()).update(self(), Objects.requireNonNull(changes, "changes"),
                Objects.requireNonNull(options, "options"));
    }

    /**
     * Deletes this entity's item: a soft delete (sets the {@code @DeleteAt} field) where the model has one, else a
     * {@code DeleteItem}; either way conditioned on the item existing (and on its version). Runs the destroy hooks.
     * Destroying an entity that is already soft-deleted changes nothing.
     *
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     * @throws dev.dynamite.api.ModelValidationException if a key field is null
     */
    public void destroy() {
        destroy(MutationOptions.defaults());
    }

    /**
     * Deletes this entity's item, with options; see {@link #destroy()}.
     *
     * @param options whether hooks run
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     */
    public void destroy(MutationOptions options) {
        new EntityWrites<>(context()).destroy(self(), false, Objects.requireNonNull(options, "options"));
    }

    /**
     * Deletes this entity's item for good, even where the model soft-deletes; see {@link #destroy()}.
     *
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    public void forceDestroy() {
        forceDestroy(MutationOptions.defaults());
    }

    /**
     * Deletes this entity's item for good, with options; see {@link #forceDestroy()}.
     *
     * @param options whether hooks run
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     */
    public void forceDestroy(MutationOptions options) {
        new EntityWrites<>(context()).destroy(self(), true, Objects.requireNonNull(options, "options"));
    }

    /**
     * Undoes a soft delete: removes the {@code @DeleteAt} attribute, so reads see the item again.
     *
     * @throws dev.dynamite.api.ModelValidationException if the model has no {@code @DeleteAt} field
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     * @throws dev.dynamite.api.OptimisticLockException if another writer changed a versioned item
     */
    public void restore() {
        restore(MutationOptions.defaults());
    }

    /**
     * Undoes a soft delete, with options (a transaction to queue it in); see {@link #restore()}.
     *
     * @param options the options
     * @throws dev.dynamite.api.ModelValidationException if the model has no {@code @DeleteAt} field
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     */
    public void restore(MutationOptions options) {
        new EntityWrites<>(context()).restore(self(), Objects.requireNonNull(options, "options"));
    }

    /**
     * Queues this entity's save in a transaction: {@code save(MutationOptions.tx(tx))}. It is validated (and its
     * before-hooks run) now; it is written, marked persisted and its after-hooks run when the transaction commits.
     *
     * @param tx the transaction
     * @return true if something changed and was queued
     * @throws dev.dynamite.api.TransactionLimitException if the transaction is full
     */
    public boolean save(TransactionContext tx) {
        return save(MutationOptions.tx(tx));
    }

    /**
     * Queues an update of this entity in a transaction; see {@link #update(Map)} and {@link #save(TransactionContext)}.
     *
     * @param changes Java field names to new values
     * @param tx the transaction
     * @return true if something changed and was queued
     */
    public boolean update(Map<String, ?> changes, TransactionContext tx) {
        return update(changes, MutationOptions.tx(tx));
    }

    /**
     * Queues this entity's deletion (soft where the model has {@code @DeleteAt}) in a transaction.
     *
     * @param tx the transaction
     */
    public void destroy(TransactionContext tx) {
        destroy(MutationOptions.tx(tx));
    }

    /**
     * Queues this entity's hard deletion in a transaction.
     *
     * @param tx the transaction
     */
    public void forceDestroy(TransactionContext tx) {
        forceDestroy(MutationOptions.tx(tx));
    }

    /**
     * Queues the undoing of this entity's soft delete in a transaction.
     *
     * @param tx the transaction
     */
    public void restore(TransactionContext tx) {
        restore(MutationOptions.tx(tx));
    }

    /**
     * Queues an atomic addition to a numeric field in a transaction; the field moves by {@code by} once the
     * transaction commits.
     *
     * @param field the numeric field
     * @param by the amount, negative to subtract
     * @param tx the transaction
     */
    public void increment(String field, Number by, TransactionContext tx) {
        new CounterWrites<>(context()).increment(self(), field, by, MutationOptions.tx(tx));
    }

    /**
     * Adds one to a numeric field atomically; see {@link #increment(String, Number)}.
     *
     * @param field the numeric field
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     */
    public void increment(String field) {
        increment(field, 1);
    }

    /**
     * Adds an amount to a numeric field with one atomic {@code UpdateItem} ({@code ADD}), conditioned on the item
     * existing (a counter never creates an item), on the stored value staying inside the field's Java type, and, for
     * a loaded entity of a {@code @Version} model, on its version; then refreshes the field from the stored result.
     * Concurrent increments all count. Hooks do not run.
     *
     * <p><b>Lost responses.</b> If DynamoDB applies the addition but its response is lost, the SDK retries the
     * request and the counter moves twice: an {@code ADD} cannot tell its own retry from another increment. Pass
     * {@link MutationOptions#idempotent()} (or configure {@code DynamiteConfig.idempotentWrites(true)}) to send it as
     * a one-action {@code TransactWriteItems} with a {@code ClientRequestToken}, which DynamoDB applies once however
     * often the SDK retries it.
     *
     * <pre>{@code
     * post.increment("views");
     * }</pre>
     *
     * @param field the numeric field
     * @param by the amount, negative to subtract
     * @throws dev.dynamite.api.ModelValidationException if the field is not a numeric, unmanaged, non-key field, or
     *     the stored value would leave its type (nothing is written)
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     * @throws dev.dynamite.api.OptimisticLockException if this entity's {@code @Version} is stale
     */
    public void increment(String field, Number by) {
        new CounterWrites<>(context()).increment(self(), field, by);
    }

    /**
     * Adds an amount to a numeric field atomically, with options: {@link MutationOptions#idempotent()} to apply it
     * exactly once even when its response is lost, or a transaction. See {@link #increment(String, Number)}.
     *
     * <pre>{@code
     * account.increment("balance", 40, MutationOptions.idempotent());
     * }</pre>
     *
     * @param field the numeric field
     * @param by the amount, negative to subtract
     * @param options idempotence, the transaction
     * @throws dev.dynamite.api.ModelValidationException if the field is not a counter or the sum leaves its type
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     * @throws dev.dynamite.api.OptimisticLockException if this entity's {@code @Version} is stale
     */
    public void increment(String field, Number by, MutationOptions options) {
        new CounterWrites<>(context()).increment(self(), field, by, options);
    }

    /**
     * Subtracts one from a numeric field atomically; see {@link #increment(String, Number)}.
     *
     * @param field the numeric field
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     */
    public void decrement(String field) {
        decrement(field, 1);
    }

    /**
     * Subtracts an amount from a numeric field atomically; see {@link #increment(String, Number)}.
     *
     * @param field the numeric field
     * @param by the amount to subtract
     * @throws dev.dynamite.api.ItemNotFoundException if there is no item with this key
     */
    public void decrement(String field, Number by) {
        new CounterWrites<>(context()).increment(self(), field, DefaultModel.negate(by));
    }

    /**
     * Links this entity to a related item through their {@code @ManyToMany} pivot table; see
     * {@link #attach(Class, Object, Map)}.
     *
     * @param related the related model
     * @param id the related item's key (its {@code relatedPK} field)
     * @param <R> the related model type
     * @throws dev.dynamite.api.ModelValidationException if this model has no (or more than one) many-to-many
     *     relation to {@code related}, or a key is null or does not fit
     */
    public <R extends Table<R>> void attach(Class<R> related, Object id) {
        attach(related, id, Map.of());
    }

    /**
     * Links this entity to a related item through their {@code @ManyToMany} pivot table, with extra data on the
     * link. Idempotent: the pivot row's key is made from the pair, so attaching twice, or from the other side of the
     * relation, writes the same row (the last pivot data wins).
     *
     * <pre>{@code
     * user.attach(Project.class, project.id, Map.of("role", "owner"));
     * }</pre>
     *
     * @param related the related model
     * @param id the related item's key
     * @param pivotData extra attributes of the pivot row (strings, numbers, booleans, lists, maps)
     * @param <R> the related model type
     * @throws dev.dynamite.api.ModelValidationException if pivot data names a key of the pivot table, or see
     *     {@link #attach(Class, Object)}
     */
    public <R extends Table<R>> void attach(Class<R> related, Object id, Map<String, ?> pivotData) {
        Pivots.of(context(), Objects.requireNonNull(related, "related")).attach(self(), id,
                Objects.requireNonNull(pivotData, "pivotData"), null);
    }

    /**
     * Queues a link in a transaction; see {@link #attach(Class, Object, Map)}.
     *
     * @param related the related model
     * @param id the related item's key
     * @param pivotData extra attributes of the pivot row
     * @param tx the transaction
     * @param <R> the related model type
     */
    public <R extends Table<R>> void attach(Class<R> related, Object id, Map<String, ?> pivotData,
                                            TransactionContext tx) {
        Pivots.of(context(), Objects.requireNonNull(related, "related")).attach(self(), id,
                Objects.requireNonNull(pivotData, "pivotData"), Objects.requireNonNull(tx, "tx"));
    }

    /**
     * Queues a link in a transaction; see {@link #attach(Class, Object)}.
     *
     * @param related the related model
     * @param id the related item's key
     * @param tx the transaction
     * @param <R> the related model type
     */
    public <R extends Table<R>> void attach(Class<R> related, Object id, TransactionContext tx) {
        attach(related, id, Map.of(), tx);
    }

    /**
     * Queues the removal of a link in a transaction, if there is one (read now, consistently); see
     * {@link #detach(Class, Object)}.
     *
     * @param related the related model
     * @param id the related item's key
     * @param tx the transaction
     * @param <R> the related model type
     * @return true if there was a link and its removal was queued
     */
    public <R extends Table<R>> boolean detach(Class<R> related, Object id, TransactionContext tx) {
        return Pivots.of(context(), Objects.requireNonNull(related, "related")).detach(self(), id,
                Objects.requireNonNull(tx, "tx"));
    }

    /**
     * Queues the writes that make this entity's links exactly the given keys in a transaction; see
     * {@link #sync(Class, Collection)}.
     *
     * @param related the related model
     * @param ids the related items' keys
     * @param tx the transaction
     * @param <R> the related model type
     * @throws dev.dynamite.api.TransactionLimitException if the difference needs more actions than the transaction
     *     can hold
     */
    public <R extends Table<R>> void sync(Class<R> related, Collection<?> ids, TransactionContext tx) {
        Pivots.of(context(), Objects.requireNonNull(related, "related"))
                .sync(self(), Objects.requireNonNull(ids, "ids"), Objects.requireNonNull(tx, "tx"));
    }

    /**
     * Removes the link between this entity and a related item.
     *
     * @param related the related model
     * @param id the related item's key
     * @param <R> the related model type
     * @return true if there was a link, false if there was none (nothing changes)
     * @throws dev.dynamite.api.ModelValidationException if this model has no many-to-many relation to
     *     {@code related}
     */
    public <R extends Table<R>> boolean detach(Class<R> related, Object id) {
        return Pivots.of(context(), Objects.requireNonNull(related, "related")).detach(self(), id, null);
    }

    /**
     * Makes this entity's links to a related model exactly the given keys: reads the current links with one pivot
     * query, then adds and removes the difference with {@code BatchWriteItem}.
     *
     * @param related the related model
     * @param ids the related items' keys
     * @param <R> the related model type
     * @throws dev.dynamite.api.ModelValidationException if this model has no many-to-many relation to
     *     {@code related}
     */
    public <R extends Table<R>> void sync(Class<R> related, Collection<?> ids) {
        Pivots.of(context(), Objects.requireNonNull(related, "related"))
                .sync(self(), Objects.requireNonNull(ids, "ids"), null);
    }

    /**
     * Returns this entity's persisted fields, and its relations where loaded (as maps), keyed by Java field name;
     * null values are left out.
     *
     * @return a new, modifiable map in declaration order
     */
    public Map<String, Object> toMap() {
        return new Views<>(context()).toMap(self());
    }

    /**
     * Returns this entity as a JSON object: the fields of {@link #toMap()}, loaded relations as nested objects;
     * timestamps, UUIDs and enums as strings, binary values in base64, nested objects of codec plugins as the JSON
     * form of their stored value.
     *
     * @return the JSON text
     */
    public String toJson() {
        return new Views<>(context()).toJson(self());
    }

    /**
     * Tells whether this entity's item exists as far as this entity knows: true after it was created, saved or
     * loaded, false for a new entity and after a hard delete (a soft-deleted entity is still persisted).
     *
     * @return true if the entity is persisted
     */
    public boolean isPersisted() {
        return dynamiteState != null;
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    @SuppressWarnings("unchecked")
    private ModelContext<T> context() {
        EntityState state = dynamiteState;
        Owner owner = state != null ? state.owner() : Owner.global();
        return ModelContext.of((Class<T>) getClass(), owner, owner.binding());
    }
}
