package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.write.Expr;
import dev.dynamite.core.internal.TableCatalog;
import dev.dynamite.api.ItemAlreadyExistsException;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.core.internal.mapping.EntityMapper;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.ModelRules.HookKind;
import dev.dynamite.core.internal.write.Limits;
import dev.dynamite.core.internal.write.Receipt;
import dev.dynamite.core.internal.write.WriteCall;
import dev.dynamite.core.internal.write.WriteModel;
import dev.dynamite.core.internal.write.WriteOp;
import dev.dynamite.core.internal.model.ModelRules.Managed;
import dev.dynamite.schema.AttributeField;
import dev.dynamite.schema.EntityMetadata;
import dev.dynamite.spi.AttributeCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import dev.dynamite.api.TransactionContext;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The reads and writes of one model on one client, for one call: what {@code Model} and {@code Table} delegate to.
 * Cheap to create (the mapper and rules are cached per class); not kept between calls, so a globally bound handle
 * always uses the current global client.
 *
 * <p>Writes never lose data: creates are conditional puts, updates send only the changed attributes with
 * {@code UpdateItem} conditioned on the item existing (and on its version with {@code @Version}), and a failed
 * condition is diagnosed with a consistent read into {@link ItemNotFoundException} or
 * {@link OptimisticLockException}.
 *
 * @param <T> the model type
 */
public final class Session<T> {
    /** Which soft-deleted items a read sees. */
    public enum Trash { EXCLUDE, INCLUDE, ONLY }

    private static final Clock CLOCK = Clock.systemUTC();

    private final Owner owner;
    private final Class<T> type;
    private final DynamoDbClient client;
    private final boolean hooksByDefault;
    private final boolean idempotentByDefault;
    private final EntityMapper<T> mapper;
    private final ModelRules rules;
    private final EntityMetadata metadata;
    private final String table;
    private final GlobalRegistry.Binding binding;
    private final WriteModel writeModel;

    /**
     * Prepares the operations of a model on a client.
     *
     * @param type the model class
     * @param owner whose client entities will remember
     * @param binding the client, table prefix, mappers and hook default to use (the owner's, now)
     */
    public Session(Class<T> type, Owner owner, GlobalRegistry.Binding binding) {
        this.owner = owner;
        this.binding = binding;
        this.type = type;
        this.client = binding.client();
        this.hooksByDefault = binding.hooksByDefault();
        this.idempotentByDefault = binding.idempotentWrites();
        this.mapper = binding.mappers().mapper(type);
        this.rules = ModelRules.of(type);
        this.metadata = mapper.metadata();
        this.table = binding.tablePrefix() + metadata.tableName();
        this.writeModel = new WriteModel(type, table, metadata.partitionKey().attributeName(),
                attributeOf(rules.version), attributeOf(rules.updatedAt), attributeOf(rules.deleteAt));
    }

    private static @Nullable String attributeOf(@Nullable FieldRule rule) {
        return rule == null ? null : rule.attributeName;
    }

    // ================================================================== create

    /**
     * Creates an entity from a map of Java field names to values, then creates its item.
     *
     * @param attributes the values; converted to the fields' types where that is lossless
     * @param options hooks on or off
     * @return the created entity
     */
    public T create(Map<String, ?> attributes, MutationOptions options) {
        T entity = mapper.newInstance();
        for (Map.Entry<String, ?> entry : attributes.entrySet()) {
            String field = entry.getKey();
            FieldRule rule = assignable(field, "create");
            mapper.set(entity, field, coerce(rule, entry.getValue()));
        }
        return create(entity, options);
    }

    /**
     * Creates an entity with the no-arg constructor, lets {@code init} fill it, then creates its item.
     *
     * @param init fills the new entity
     * @param options hooks on or off
     * @return the created entity
     */
    public T create(Consumer<T> init, MutationOptions options) {
        T entity = mapper.newInstance();
        init.accept(entity);
        return create(entity, options);
    }

    /**
     * Creates the item of an entity: defaults, before-create hooks, write transforms, timestamps and version,
     * validation, then a put conditioned on the key not existing, then after-create hooks.
     *
     * @param entity the entity; changed in place
     * @param options hooks on or off
     * @return the entity
     * @throws ItemAlreadyExistsException if an item with its key exists (it is left unchanged)
     * @throws ModelValidationException if a key is missing or a value is invalid; nothing is written
     */
    public T create(T entity, MutationOptions options) {
        boolean hooks = options.runHooks(hooksByDefault);
        for (FieldRule rule : rules.fields) {
            if (rule.hasDefault && mapper.get(entity, rule.name) == null) {
                mapper.set(entity, rule.name, rule.defaultValue(type));
            }
        }
        if (hooks) {
            rules.runHooks(HookKind.BEFORE_CREATE, entity, null);
        }
        Instant now = now();
        for (FieldRule rule : rules.fields) {
            switch (rule.managed) {
                case CREATED, UPDATED -> mapper.set(entity, rule.name, rule.timestamp(now));
                case DELETED -> mapper.set(entity, rule.name, null);
                case VERSION -> mapper.set(entity, rule.name, 1L);
                case NONE -> {
                    if (rule.hasWriteTransforms()) {
                        mapper.set(entity, rule.name, rule.applyWrite(type, mapper.get(entity, rule.name)));
                    }
                }
            }
        }
        Map<String, AttributeValue> key = mapper.key(entity);
        for (FieldRule rule : rules.fields) {
            rule.validate(type, mapper.get(entity, rule.name));
        }
        Map<String, AttributeValue> item = mapper.toItem(entity);
        checkSize(item, "create");
        WriteOp op = WriteOp.put(writeModel, key, item).mustNotExist().build();
        // in a transaction the entity becomes persisted, and its after-hooks run, only once it commits
        WriteCall.Result result = WriteCall.submit(client, op, options.transaction().orElse(null), false,
                new WriteCall.Hooks(returned -> {
                    applyRead(entity, null);
                    EntityAccess.setState(entity, new EntityState(owner, Collections.unmodifiableMap(item)));
                    if (hooks) {
                        rules.runHooks(HookKind.AFTER_CREATE, entity, null);
                    }
                }, () -> { }, null));
        if (!result.written()) {
            throw new ItemAlreadyExistsException(type, table, keyValues(key), result.cause());
        }
        return entity;
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
        Map<String, AttributeValue> key = itemKey(partitionKey, sortKey);
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
        return isTrashed(item) ? null : load(item, null);
    }

    /**
     * Returns the stored key of an item from its key values, converted to the key fields' types.
     *
     * @param partitionKey the partition key value
     * @param sortKey the sort key value, or null
     * @return the key
     */
    public Map<String, AttributeValue> itemKey(Object partitionKey, @Nullable Object sortKey) {
        Objects.requireNonNull(partitionKey, "partitionKey");
        AttributeField partition = metadata.partitionKey();
        Object pk = coerce(rules.field(partition.name()), partitionKey);
        Object sk = null;
        if (sortKey != null) {
            AttributeField sort = metadata.sortKey().orElse(null);
            sk = sort == null ? sortKey : coerce(rules.field(sort.name()), sortKey);
        } else if (metadata.sortKey().isPresent()) {
            throw new ModelValidationException(type, metadata.sortKey().get().name(), "the model has a sort key;"
                    + " find(partitionKey, sortKey) needs its value too");
        }
        return mapper.key(Objects.requireNonNull(pk), sk);
    }

    /**
     * Starts a query of this model.
     *
     * @return a new query, with no filter
     */
    public Search<T> query() {
        return new Search<>(this);
    }

    /**
     * Lists the items matching filters (the full filter language).
     *
     * @param filters Java field names to values or operator maps
     * @param trash which soft-deleted items to see
     * @return the entities
     */
    public List<T> list(Map<String, ?> filters, Trash trash) {
        Search<T> query = query().where(filters);
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
        Search<T> query = query().where(filters);
        return new Guard.Targets<>(query.list(), query.guard());
    }

    /**
     * Creates an entity from a stored item: no setter, default, validator or hook runs; {@code @Get} applies.
     *
     * @param item the item as read
     * @param projectedFields the Java fields the read loaded, or null for all
     */
    T load(Map<String, AttributeValue> item, @Nullable Set<String> projectedFields) {
        T entity = mapper.fromItem(item);
        applyRead(entity, null);
        Set<String> unloaded = java.util.Set.of();
        if (projectedFields != null) {
            unloaded = new HashSet<>();
            for (FieldRule rule : rules.fields) {
                if (!projectedFields.contains(rule.name)) {
                    unloaded.add(rule.attributeName);
                }
            }
        }
        EntityAccess.setState(entity, new EntityState(owner, item, unloaded));
        return entity;
    }

    // ================================================================== update

    /**
     * Writes an entity: creates it if Dynamite never persisted it, else sends the changed attributes only.
     *
     * @param entity the entity
     * @param options hooks on or off
     * @return true if something was written
     */
    public boolean save(T entity, MutationOptions options) {
        EntityState state = EntityAccess.state(entity);
        if (state == null) {
            create(entity, options);
            return true;
        }
        return update(entity, state, options, null, null);
    }

    /**
     * Assigns values to a persisted entity's fields and saves it.
     *
     * @param entity the entity
     * @param changes Java field names to new values; keys and managed fields are refused
     * @param options hooks on or off
     * @return true if something was written
     */
    public boolean update(T entity, Map<String, ?> changes, MutationOptions options) {
        return update(entity, changes, options, null, null);
    }

    /**
     * Assigns values to a persisted entity's fields and saves it on a guard: outside a transaction, an item that no
     * longer matches (or is gone) is left alone and {@code false} returned; inside one, the commit is cancelled.
     *
     * @param entity the entity
     * @param changes Java field names to new values, checked by {@link #checkChanges}
     * @param options hooks on or off, the transaction
     * @param guard the conditions the stored item must still meet, or null for none
     * @param receipt confirmed as soon as DynamoDB confirms the write, or null
     * @return true if something was written (or queued)
     */
    public boolean update(T entity, Map<String, ?> changes, MutationOptions options, @Nullable Guard guard,
                          @Nullable Receipt receipt) {
        Map<String, Object> values = checkChanges(changes);
        EntityState state = requirePersisted(entity, "update");
        values.forEach((field, value) -> mapper.set(entity, field, value));
        return update(entity, state, options, guard, receipt);
    }

    /**
     * Checks a map of changes: every field exists, is neither a key nor managed, and its value fits.
     *
     * @param changes Java field names to new values
     * @return the values converted to the fields' types, in the map's order
     */
    public Map<String, Object> checkChanges(Map<String, ?> changes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : changes.entrySet()) {
            String field = entry.getKey();
            FieldRule rule = assignable(field, "update");
            if (mapper.isKey(field)) {
                throw new ModelValidationException(type, field, "is a key field, and keys cannot be changed by an"
                        + " update; create a new item and destroy this one");
            }
            values.put(field, coerce(rule, entry.getValue()));
        }
        return values;
    }

    private boolean update(T entity, EntityState state, MutationOptions options, @Nullable Guard guard,
                           @Nullable Receipt receipt) {
        Map<String, AttributeValue> stored = state.stored();
        restoreManaged(entity, stored);
        checkKeyUnchanged(entity, stored);
        List<FieldRule> changed = changedFields(entity, state);
        if (changed.isEmpty()) {
            return false;
        }
        boolean hooks = options.runHooks(hooksByDefault);
        if (hooks && rules.hasHooks(HookKind.BEFORE_UPDATE)) {
            rules.runHooks(HookKind.BEFORE_UPDATE, entity, changes(entity, changed));
            restoreManaged(entity, stored);
            checkKeyUnchanged(entity, stored);
            changed = changedFields(entity, state);
            if (changed.isEmpty()) {
                return false;
            }
        }
        for (FieldRule rule : changed) {
            Object value = rule.applyWrite(type, mapper.get(entity, rule.name));
            rule.validate(type, value);
            mapper.set(entity, rule.name, value);
        }
        Map<String, Object> written = changes(entity, changed);
        Map<String, AttributeValue> key = mapper.key(entity);
        WriteOp.Builder write = WriteOp.update(writeModel, key).mustExist();
        for (FieldRule rule : changed) {
            AttributeValue value = encoded(entity, rule);
            if (value == null) {
                write.remove(rule.attributeName);
            } else {
                write.set(rule.attributeName, value);
            }
        }
        stamp(entity, write);
        Long expected = version(entity, write);
        guard(write, guard);
        WriteOp op = write.build();
        Map<String, AttributeValue> next = op.applyTo(stored);
        checkSize(next, "update");
        List<FieldRule> writtenFields = changed;
        Runnable updated = () -> {
            Set<String> unloaded = new HashSet<>(state.unloaded());
            writtenFields.forEach(rule -> unloaded.remove(rule.attributeName));
            EntityAccess.setState(entity, state.next(Collections.unmodifiableMap(next), unloaded));
            applyRead(entity, writtenFields);
            if (hooks) {
                rules.runHooks(HookKind.AFTER_UPDATE, entity, written);
            }
        };
        return submitExisting(op, expected, "update", options, updated, versionBack(entity, expected), guard,
                receipt);
    }

    // ================================================================== delete and restore

    /**
     * Deletes an entity's item: soft (sets the {@code @DeleteAt} field) where the model has one and {@code force} is
     * false, else hard.
     *
     * @param entity the entity; its key must be set
     * @param force true to delete the item even if the model soft-deletes
     * @param options hooks on or off
     */
    public void destroy(T entity, boolean force, MutationOptions options) {
        destroy(entity, force, options, null, null);
    }

    /**
     * Deletes an entity's item on a guard: outside a transaction, an item that no longer matches (or is gone) is left
     * alone and {@code false} returned; inside one, the commit is cancelled.
     *
     * @param entity the entity; its key must be set
     * @param force true to delete the item even if the model soft-deletes
     * @param options hooks on or off, the transaction
     * @param guard the conditions the stored item must still meet, or null for none
     * @param receipt confirmed as soon as DynamoDB confirms the write, or null
     * @return true if the item was deleted (or the deletion queued)
     */
    public boolean destroy(T entity, boolean force, MutationOptions options, @Nullable Guard guard,
                           @Nullable Receipt receipt) {
        Map<String, AttributeValue> key = mapper.key(entity);
        EntityState state = EntityAccess.state(entity);
        boolean soft = !force && rules.deleteAt != null;
        if (soft && state != null && isTrashed(state.stored())) {
            return false;   // already soft-deleted: keep the original deletion time
        }
        boolean hooks = options.runHooks(hooksByDefault);
        if (hooks) {
            rules.runHooks(HookKind.BEFORE_DESTROY, entity, null);
        }
        String operation = force ? "forceDestroy" : "destroy";
        Runnable afterHooks = () -> {
            if (hooks) {
                rules.runHooks(HookKind.AFTER_DESTROY, entity, null);
            }
        };
        if (soft) {
            FieldRule deleteAt = rules.deleteAt;
            Object deletedAt = deleteAt.timestamp(now());
            mapper.set(entity, deleteAt.name, deletedAt);
            WriteOp.Builder write = WriteOp.update(writeModel, key).mustExist()
                    .softDelete(mapper.encode(deleteAt.name, deletedAt));
            Long expected = version(entity, write);
            guard(write, guard);
            WriteOp op = write.build();
            Runnable versionBack = versionBack(entity, expected);
            return submitExisting(op, expected, operation, options, () -> {
                if (state != null) {
                    EntityAccess.setState(entity, state.next(Collections.unmodifiableMap(op.applyTo(state.stored())),
                            state.unloaded()));
                }
                afterHooks.run();
            }, () -> {
                mapper.set(entity, deleteAt.name, null);
                versionBack.run();
            }, guard, receipt);
        }
        WriteOp.Builder write = WriteOp.delete(writeModel, key).mustExist();
        Long expected = expectedVersion(entity);
        if (expected != null) {
            write.version(expected);
        }
        guard(write, guard);
        return submitExisting(write.build(), expected, operation, options, () -> {
            EntityAccess.setState(entity, null);
            afterHooks.run();
        }, () -> { }, guard, receipt);
    }

    /**
     * Undoes a soft delete: removes the {@code @DeleteAt} attribute.
     *
     * @param entity the entity; its key must be set
     * @param options the transaction to queue it in, if any
     */
    public void restore(T entity, MutationOptions options) {
        FieldRule deleteAt = rules.deleteAt;
        if (deleteAt == null) {
            throw new ModelValidationException(type, null, "has no @DeleteAt field, so its items are never"
                    + " soft-deleted and there is nothing to restore");
        }
        EntityState state = EntityAccess.state(entity);
        WriteOp.Builder write = WriteOp.update(writeModel, mapper.key(entity)).mustExist().restore();
        Long expected = version(entity, write);
        WriteOp op = write.build();
        submitExisting(op, expected, "restore", options, () -> {
            mapper.set(entity, deleteAt.name, null);
            if (state != null) {
                EntityAccess.setState(entity, state.next(Collections.unmodifiableMap(op.applyTo(state.stored())),
                        state.unloaded()));
            }
        }, versionBack(entity, expected), null, null);
    }

    // ================================================================== counters

    /**
     * Adds to a numeric field atomically ({@code ADD}), never creating a missing item, and refreshes the entity's
     * value (and its {@code @UpdatedAt} and {@code @Version}) from what DynamoDB returns.
     *
     * @param entity the entity; its key must be set
     * @param field the numeric field
     * @param by the amount, negative to subtract
     */
    public void increment(T entity, String field, Number by) {
        increment(entity, field, by, MutationOptions.defaults());
    }

    /**
     * Adds to a numeric field atomically, or queues the addition in the options' transaction (then the entity's
     * value is updated by the same amount once the transaction commits: a transaction returns no values).
     *
     * @param entity the entity; its key must be set
     * @param field the numeric field
     * @param by the amount, negative to subtract
     * @param options the transaction to queue it in, if any
     */
    public void increment(T entity, String field, Number by, MutationOptions options) {
        increment(entity, field, by, options, null, null);
    }

    /**
     * Adds to a numeric field atomically. The update is conditioned on the item existing, on the stored value staying
     * inside the field's Java type, and either on the entity's {@code @Version} (an instance counter of a loaded
     * entity) or on a guard (a counter by filter: the item must still match; no version, as {@code ADD} needs none).
     *
     * @param entity the entity; its key must be set
     * @param field the numeric field
     * @param by the amount, negative to subtract
     * @param options the transaction to queue it in, if any
     * @param guard the conditions the stored item must still meet, or null for an instance counter
     * @param receipt confirmed as soon as DynamoDB confirms the write, or null
     * @return true if the item was changed (or the change queued); false if a guarded item no longer matched
     * @throws ItemNotFoundException if there is no item (unguarded)
     * @throws OptimisticLockException if a loaded entity of a {@code @Version} model is stale
     * @throws ModelValidationException if the stored value would leave the field's type; nothing is written
     */
    public boolean increment(T entity, String field, Number by, MutationOptions options, @Nullable Guard guard,
                             @Nullable Receipt receipt) {
        FieldRule rule = counter(field, by);
        Map<String, AttributeValue> key = mapper.key(entity);
        String amount = amount(rule, by);
        WriteOp.Builder write = WriteOp.update(writeModel, key).mustExist()
                .add(rule.attributeName, AttributeValue.fromN(amount)).bumpVersion().returnNew();
        Object updatedAt = rules.updatedAt == null ? null : rules.updatedAt.timestamp(now());
        if (updatedAt != null) {
            write.stamp(mapper.encode(rules.updatedAt.name, updatedAt));
        }
        // an instance counter of a loaded entity holds its version; a counter by filter holds its guard instead
        Long expected = guard == null && EntityAccess.state(entity) != null ? expectedVersion(entity) : null;
        if (expected != null) {
            write.expectVersion(expected);
        }
        guard(write, guard);
        String bound = Counters.bound(rule, new java.math.BigDecimal(amount), write.expr());
        if (bound != null) {
            write.conditions().clause(bound);
        }
        // a transaction and an idempotent one-action transaction return no values: the entity moves by the amount
        WriteCall.Result result = WriteCall.submit(client, write.build(), options.transaction().orElse(null),
                options.idempotent(idempotentByDefault), new WriteCall.Hooks(returned -> {
                    if (returned.isEmpty()) {
                        addLocally(entity, rule, by, updatedAt);
                    } else {
                        refresh(entity, returned);
                    }
                }, () -> { }, receipt));
        if (result.written()) {
            return true;
        }
        return counterRefused(key, rule, by, result.stored(), guard, expected, Objects.requireNonNull(result.cause()));
    }

    /** After a direct counter: the entity's fields (and remembered item) take the values DynamoDB returned. */
    private void refresh(T entity, Map<String, AttributeValue> returned) {
        EntityState state = EntityAccess.state(entity);
        Map<String, AttributeValue> next = state == null ? null : new HashMap<>(state.stored());
        for (Map.Entry<String, AttributeValue> attribute : returned.entrySet()) {
            String name = fieldOfAttribute(attribute.getKey());
            if (name != null) {
                mapper.set(entity, name, mapper.decode(name, attribute.getValue()));
                if (next != null) {
                    next.put(attribute.getKey(), attribute.getValue());
                }
            }
        }
        if (state != null) {
            Set<String> unloaded = new HashSet<>(state.unloaded());
            unloaded.removeAll(returned.keySet());
            EntityAccess.setState(entity, state.next(Collections.unmodifiableMap(next), unloaded));
        }
    }

    /**
     * Explains a counter whose condition failed: false if a guarded item no longer matches; else the item is gone,
     * the entity's version is stale, or the sum would leave the field's type. Nothing was written.
     */
    private boolean counterRefused(Map<String, AttributeValue> key, FieldRule rule, Number by,
                                   @Nullable Map<String, AttributeValue> stored, @Nullable Guard guard,
                                   @Nullable Long expected, RuntimeException cause) {
        if (guard != null && (stored == null || !guard.matches(this, stored))) {
            return false;
        }
        if (stored == null) {
            throw new ItemNotFoundException(type, table, keyValues(key), "increment(" + rule.name + ") needs an"
                    + " existing item, and there is none; nothing was written (counters never create items)", cause);
        }
        if (expected != null && !Objects.equals(storedVersion(stored), expected)) {
            throw new OptimisticLockException(type, table, keyValues(key), expected, storedVersion(stored), cause);
        }
        AttributeValue current = stored.get(rule.attributeName);
        throw new ModelValidationException(type, rule.name, "adding " + by + " to the stored value "
                + (current == null ? "(none)" : current.n()) + " would leave the range of "
                + Counters.range(rule) + "; nothing was written", cause);
    }

    /**
     * After a committed transactional increment: the entity's counter, version and {@code @UpdatedAt} move as the
     * update moved them (a transaction returns no values), and so does the remembered stored item, so that a later
     * save does not write them again.
     */
    private void addLocally(T entity, FieldRule rule, Number by, @Nullable Object updatedAt) {
        Object current = mapper.get(entity, rule.name);
        java.math.BigDecimal sum = new java.math.BigDecimal(String.valueOf(current == null ? 0 : current))
                .add(new java.math.BigDecimal(by.toString()));
        mapper.set(entity, rule.name, Values.coerce(sum, rule.type));
        if (rules.version != null) {
            mapper.set(entity, rules.version.name, expectedVersion(entity) + 1);
        }
        if (updatedAt != null) {
            mapper.set(entity, rules.updatedAt.name, updatedAt);
        }
        EntityState state = EntityAccess.state(entity);
        if (state != null) {
            Map<String, AttributeValue> next = new HashMap<>(state.stored());
            for (FieldRule moved : new FieldRule[] {rule, rules.version, rules.updatedAt}) {
                if (moved != null) {
                    next.put(moved.attributeName, mapper.encode(moved.name,
                            Objects.requireNonNull(mapper.get(entity, moved.name))));
                }
            }
            EntityAccess.setState(entity, state.next(Collections.unmodifiableMap(next),
                    state.unloaded()));
        }
    }

    // ================================================================== maps and JSON

    /**
     * Returns an entity's persisted fields and loaded relations by Java field name, nulls left out.
     *
     * @param entity the entity
     * @return a new, modifiable map in declaration order
     */
    public Map<String, Object> toMap(T entity) {
        Map<String, Object> map = mapper.toMap(entity);
        for (Map.Entry<String, Object> relation : rules.relationValues(entity).entrySet()) {
            Object value = relation.getValue();
            if (value instanceof Collection<?> related) {
                List<Object> maps = new ArrayList<>(related.size());
                for (Object element : related) {
                    maps.add(element == null ? null : nestedMap(element));
                }
                map.put(relation.getKey(), maps);
            } else {
                map.put(relation.getKey(), nestedMap(value));
            }
        }
        return map;
    }

    /**
     * Returns an entity as a JSON object: its fields as {@link #toMap} gives them, with related entities as objects and values the
     * JSON writer does not know (nested POJOs of the Jackson codec, say) as the JSON form of their stored attribute.
     *
     * @param entity the entity
     * @return the JSON text
     */
    public String toJson(T entity) {
        StringBuilder out = new StringBuilder();
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : mapper.toMap(entity).entrySet()) {
            first = member(out, entry.getKey(), first);
            int mark = out.length();
            if (!Json.value(out, entry.getValue(), this::nestedJson)) {
                out.setLength(mark);
                Json.attribute(out, mapper.encode(entry.getKey(), entry.getValue()));
            }
        }
        for (Map.Entry<String, Object> relation : rules.relationValues(entity).entrySet()) {
            first = member(out, relation.getKey(), first);
            if (!Json.value(out, relation.getValue(), this::nestedJson)) {
                throw new ModelValidationException(type, relation.getKey(), "holds a "
                        + relation.getValue().getClass().getName() + ", which is not a related entity");
            }
        }
        return out.append('}').toString();
    }

    private static boolean member(StringBuilder out, String name, boolean first) {
        if (!first) {
            out.append(',');
        }
        Json.string(out, name);
        out.append(':');
        return false;
    }

    private String nestedJson(Object entity) {
        return nested(entity).toJsonUnchecked(entity);
    }

    private Map<String, Object> nestedMap(Object entity) {
        return nested(entity).toMapUnchecked(entity);
    }

    /** The session of a related entity: its own model, on this session's client. */
    private Session<?> nested(Object entity) {
        EntityState state = EntityAccess.state(entity);
        return new Session<>(entity.getClass(), state != null ? state.owner() : owner, binding);
    }

    private String toJsonUnchecked(Object entity) {
        return toJson(type.cast(entity));
    }

    private Map<String, Object> toMapUnchecked(Object entity) {
        return toMap(type.cast(entity));
    }

    // ================================================================== for the query classes

    Class<T> type() {
        return type;
    }

    EntityMapper<T> mapper() {
        return mapper;
    }

    /**
     * Returns the key attributes of an entity, as stored.
     *
     * @param entity the entity; its key must be set
     * @return the key
     */
    public Map<String, AttributeValue> keyOf(T entity) {
        return mapper.key(entity);
    }

    ModelRules rules() {
        return rules;
    }

    String tableName() {
        return table;
    }

    Filters filters() {
        return new Filters(this);
    }

    Planner planner() {
        return new Planner(this);
    }

    /** A session of a related model on the same client; its entities remember the same binding. */
    <R> Session<R> related(Class<R> other) {
        return new Session<>(other, owner, binding);
    }

    DynamoDbClient client() {
        return client;
    }

    /** How long batch reads and writes retry what DynamoDB left unprocessed. */
    Duration batchDeadline() {
        return binding.batchDeadline();
    }

    /** The value of a persisted field of an entity of this model, given untyped. */
    @Nullable Object fieldValue(Object entity, String field) {
        return mapper.get(type.cast(entity), field);
    }

    /**
     * Puts fields that a read loaded only to join relations back to their constructor values and marks them unloaded,
     * as if the projection had left them out: the user asked for other attributes.
     */
    void forget(List<T> entities, Set<String> fields) {
        if (fields.isEmpty() || entities.isEmpty()) {
            return;
        }
        T fresh = mapper.newInstance();
        for (T entity : entities) {
            EntityState state = EntityAccess.state(entity);
            if (state == null) {
                continue;
            }
            Set<String> unloaded = new HashSet<>(state.unloaded());
            for (String field : fields) {
                mapper.set(entity, field, mapper.get(fresh, field));
                unloaded.add(rules.field(field).attributeName);
            }
            EntityAccess.setState(entity, state.next(state.stored(), unloaded));
        }
    }

    String tablePrefix() {
        return binding.tablePrefix();
    }

    EntityMetadata metadata() {
        return metadata;
    }

    List<TableCatalog.Index> indexesOf(String tableName) {
        return binding.catalog().indexes(client, tableName);
    }

    /**
     * Links an entity to a related item through their many-to-many pivot table; idempotent.
     *
     * @param entity the entity
     * @param other the related model
     * @param relatedId the related item's key (its {@code relatedPK} field)
     * @param pivotData extra attributes of the pivot row; they cannot name the pivot's keys
     * @param tx the transaction to queue the write in, or null to write at once
     */
    public void attach(T entity, Class<?> other, Object relatedId, Map<String, ?> pivotData,
                       @Nullable TransactionContext tx) {
        Pivots.of(this, other).attach(entity, relatedId, pivotData, tx);
    }

    /**
     * Removes the link between an entity and a related item.
     *
     * @param entity the entity
     * @param other the related model
     * @param relatedId the related item's key
     * @param tx the transaction to queue the removal in, or null to remove at once
     * @return whether there was a link
     */
    public boolean detach(T entity, Class<?> other, Object relatedId, @Nullable TransactionContext tx) {
        return Pivots.of(this, other).detach(entity, relatedId, tx);
    }

    /**
     * Makes an entity's links to a related model exactly the given keys.
     *
     * @param entity the entity
     * @param other the related model
     * @param relatedIds the related items' keys
     * @param tx the transaction to queue the writes in, or null to write at once
     */
    public void sync(T entity, Class<?> other, java.util.Collection<?> relatedIds, @Nullable TransactionContext tx) {
        Pivots.of(this, other).sync(entity, relatedIds, tx);
    }

    Reader<T> reader() {
        return new Reader<>(this, client);
    }

    List<TableCatalog.Index> indexes() {
        return binding.catalog().indexes(client, table);
    }

    @Nullable String sortAttribute() {
        return metadata.sortKey().map(AttributeField::attributeName).orElse(null);
    }

    /** The Java field stored under an attribute name; the attribute must be declared. */
    String fieldOf(String attribute) {
        return Objects.requireNonNull(fieldOfAttribute(attribute), attribute);
    }

    Object coerceTo(FieldRule rule, Object value) {
        return Objects.requireNonNull(coerce(rule, value));
    }

    java.lang.reflect.Field javaField(String field) {
        return Objects.requireNonNull(EntityMapper.persistedFields(type).get(field), field);
    }

    AttributeCodec<Object> codecFor(java.lang.reflect.Type type) {
        return binding.mappers().codecs().codecFor(type);
    }

    /** The table key of an item: its partition and sort key attributes. */
    Map<String, AttributeValue> tableKey(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        key.put(partitionAttribute(), item.get(partitionAttribute()));
        String sort = sortAttribute();
        if (sort != null) {
            key.put(sort, item.get(sort));
        }
        return key;
    }

    /** A projection expression of the table's keys and the given fields, with its own names. */
    record Projection(String expression, Map<String, String> names) {
    }

    Projection projectionOf(Set<String> fields) {
        Expr expr = new Expr();
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add(partitionAttribute());
        if (sortAttribute() != null) {
            attributes.add(sortAttribute());
        }
        for (String field : fields) {
            attributes.add(rules.field(field).attributeName);
        }
        List<String> names = new ArrayList<>();
        for (String attribute : attributes) {
            names.add(expr.name(attribute));
        }
        return new Projection(String.join(", ", names), Objects.requireNonNull(expr.names()));
    }

    // ================================================================== helpers

    /** The field a map may assign, or a typed error: unknown, relation, or managed by Dynamite. */
    private FieldRule assignable(String field, String operation) {
        FieldRule rule = filterable(field);
        if (rule.managed != Managed.NONE) {
            throw new ModelValidationException(type, field, "is managed by Dynamite (" + rule.managed.annotation
                    + ") and cannot be set by " + operation + "; leave it out of the map");
        }
        return rule;
    }

    /** A persisted field, or a typed error for an unknown or relation field. */
    FieldRule filterable(String field) {
        FieldRule rule = rules.field(field);
        if (rule == null) {
            if (rules.isRelation(field)) {
                throw new ModelValidationException(type, field, "is a relation, not a stored attribute; it cannot be"
                        + " assigned or filtered on");
            }
            throw new UnknownFieldException(type, field, mapper.fieldNames());
        }
        return rule;
    }

    private @Nullable Object coerce(@Nullable FieldRule rule, @Nullable Object value) {
        assert rule != null;
        try {
            return Values.coerce(value, rule.type);
        } catch (IllegalArgumentException e) {
            throw new ModelValidationException(type, rule.name, e.getMessage(), e);
        }
    }

    private EntityState requirePersisted(T entity, String operation) {
        EntityState state = EntityAccess.state(entity);
        if (state == null) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put(metadata.partitionKey().name(), mapper.get(entity, metadata.partitionKey().name()));
            throw new ItemNotFoundException(type, table, key, operation + "() needs an entity that was created or"
                    + " loaded; call create() or save() first", null);
        }
        return state;
    }

    /** Puts the managed fields back to their stored values: a later save never changes them from user code. */
    private void restoreManaged(T entity, Map<String, AttributeValue> stored) {
        for (FieldRule rule : new FieldRule[] {rules.createdAt, rules.updatedAt, rules.deleteAt, rules.version}) {
            if (rule == null) {
                continue;
            }
            AttributeValue value = stored.get(rule.attributeName);
            if (value == null || Boolean.TRUE.equals(value.nul())) {
                mapper.set(entity, rule.name, rule.type.isPrimitive() ? Values.coerce(0, rule.type) : null);
            } else {
                mapper.set(entity, rule.name, mapper.decode(rule.name, value));
            }
        }
    }

    private void checkKeyUnchanged(T entity, Map<String, AttributeValue> stored) {
        for (Map.Entry<String, AttributeValue> key : mapper.key(entity).entrySet()) {
            if (!key.getValue().equals(stored.get(key.getKey()))) {
                String field = Objects.requireNonNull(fieldOfAttribute(key.getKey()));
                throw new ModelValidationException(type, field, "is a key field and was changed since the item was"
                        + " read; keys cannot be changed: create a new item and destroy this one");
            }
        }
    }

    /**
     * The non-key, unmanaged fields whose value differs from the stored one (as the user would read it). A field a
     * projection did not load is compared with the value the constructor gives it: only an assignment counts.
     */
    private List<FieldRule> changedFields(T entity, EntityState state) {
        Map<String, AttributeValue> stored = state.stored();
        T fresh = state.unloaded().isEmpty() ? null : mapper.newInstance();
        List<FieldRule> changed = new ArrayList<>();
        for (FieldRule rule : rules.fields) {
            if (rule.managed != Managed.NONE || mapper.isKey(rule.name)) {
                continue;
            }
            if (fresh != null && state.unloaded().contains(rule.attributeName)) {
                if (!same(encoded(entity, rule), encoded(fresh, rule))) {
                    changed.add(rule);
                }
                continue;
            }
            AttributeValue storedValue = stored.get(rule.attributeName);
            if (storedValue != null && Boolean.TRUE.equals(storedValue.nul())) {
                storedValue = null;
            }
            boolean differs;
            if (rule.hasReadTransforms()) {
                Object shown = storedValue == null ? null
                        : rule.applyRead(type, mapper.decode(rule.name, storedValue));
                differs = !Objects.deepEquals(mapper.get(entity, rule.name), shown);
            } else {
                differs = !same(encoded(entity, rule), storedValue);
            }
            if (differs) {
                changed.add(rule);
            }
        }
        return changed;
    }

    private Map<String, Object> changes(T entity, List<FieldRule> changed) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (FieldRule rule : changed) {
            changes.put(rule.name, mapper.get(entity, rule.name));
        }
        return Collections.unmodifiableMap(changes);
    }

    /** The stored form of a field's value; null for null or an empty set (DynamoDB stores neither). */
    private @Nullable AttributeValue encoded(T entity, FieldRule rule) {
        Object value = mapper.get(entity, rule.name);
        if (value == null || value instanceof Set<?> set && set.isEmpty()) {
            return null;
        }
        return mapper.encode(rule.name, value);
    }

    private static boolean same(@Nullable AttributeValue a, @Nullable AttributeValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.hasSs() && b.hasSs()) {
            return new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
        } else if (a.hasNs() && b.hasNs()) {
            return new HashSet<>(a.ns()).equals(new HashSet<>(b.ns()));
        } else if (a.hasBs() && b.hasBs()) {
            return new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
        }
        return a.equals(b);
    }

    /** Applies the {@code @Get} transforms to the given fields (all when null): the entity shows what reads show. */
    private void applyRead(T entity, @Nullable List<FieldRule> only) {
        for (FieldRule rule : only == null ? rules.fields : only) {
            if (rule.hasReadTransforms()) {
                mapper.set(entity, rule.name, rule.applyRead(type, mapper.get(entity, rule.name)));
            }
        }
    }

    boolean isTrashed(Map<String, AttributeValue> item) {
        if (rules.deleteAt == null) {
            return false;
        }
        AttributeValue value = item.get(rules.deleteAt.attributeName);
        return value != null && !Boolean.TRUE.equals(value.nul());
    }

    String partitionAttribute() {
        return metadata.partitionKey().attributeName();
    }

    /**
     * Submits a write to an existing item, then runs {@code after}; when it does not happen (its condition failed, or
     * its transaction did not commit) runs {@code undo}. A failed condition is explained from the item as stored: a
     * guarded item that no longer matches is skipped ({@code false}); else the item is gone or its version moved.
     */
    private boolean submitExisting(WriteOp op, @Nullable Long expected, String operation, MutationOptions options,
                                   Runnable after, Runnable undo, @Nullable Guard guard, @Nullable Receipt receipt) {
        WriteCall.Result result = WriteCall.submit(client, op, options.transaction().orElse(null), false,
                new WriteCall.Hooks(returned -> after.run(), undo, receipt));
        if (result.written()) {
            return true;
        }
        Map<String, AttributeValue> stored = result.stored();
        if (guard != null && (stored == null || !guard.matches(this, stored))) {
            return false;
        }
        throw conflict(op.key(), expected, operation, stored, Objects.requireNonNull(result.cause()));
    }

    /** The {@code @UpdatedAt} step: the entity and the write take the time of the change. */
    private void stamp(T entity, WriteOp.Builder write) {
        if (rules.updatedAt != null) {
            Object now = rules.updatedAt.timestamp(now());
            mapper.set(entity, rules.updatedAt.name, now);
            write.stamp(mapper.encode(rules.updatedAt.name, now));
        }
    }

    /** The {@code @Version} step: the write expects the entity's version and stores the next; returns the expected. */
    private @Nullable Long version(T entity, WriteOp.Builder write) {
        Long expected = expectedVersion(entity);
        if (expected != null) {
            mapper.set(entity, rules.version.name, expected + 1);
            write.version(expected);
        }
        return expected;
    }

    /** A bulk write's guard: the item is not soft-deleted and still matches the filters when the write applies. */
    private void guard(WriteOp.Builder write, @Nullable Guard guard) {
        if (guard != null) {
            write.notTrashed();
            write.conditions().clause(guard.expression(write.expr()));
        }
    }

    /**
     * Refuses an item over DynamoDB's 400 KB before any request, naming its largest attribute. After an update the
     * item is known only as far as it was loaded, so the check then sees a lower bound.
     */
    private void checkSize(Map<String, AttributeValue> item, String operation) {
        long size = Limits.itemBytes(item);
        if (size <= Limits.MAX_ITEM_BYTES) {
            return;
        }
        String largest = null;
        long largestSize = -1;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            long attributeSize = Limits.itemBytes(Map.of(attribute.getKey(), attribute.getValue()));
            if (attributeSize > largestSize) {
                largest = attribute.getKey();
                largestSize = attributeSize;
            }
        }
        String field = largest == null ? null : fieldOfAttribute(largest);
        throw new ModelValidationException(type, field, operation + "() would store an item of " + size + " bytes,"
                + " over DynamoDB's limit of " + Limits.MAX_ITEM_BYTES + " bytes (400 KB); its largest attribute, '"
                + largest + "', takes " + largestSize + " bytes; nothing was written");
    }

    /** Puts an entity's version back after a write that did not happen. */
    private Runnable versionBack(T entity, @Nullable Long expected) {
        return () -> {
            if (expected != null) {
                mapper.set(entity, rules.version.name, expected);
            }
        };
    }

    /** The version the entity holds, which a write expects to find stored; null for a model without version. */
    private @Nullable Long expectedVersion(T entity) {
        if (rules.version == null) {
            return null;
        }
        Object version = mapper.get(entity, rules.version.name);
        return version == null ? 0L : (Long) version;
    }

    /**
     * Checks that a field can be incremented by an amount.
     *
     * @param field the field
     * @param by the amount
     * @throws ModelValidationException if the field is not a numeric, unmanaged, non-key field, or the amount does
     *     not fit it
     */
    public void checkCounter(String field, Number by) {
        amount(counter(field, by), by);
    }

    private FieldRule counter(String field, Number by) {
        Objects.requireNonNull(by, "by");
        FieldRule rule = filterable(field);
        if (!Values.isNumeric(rule.type) || mapper.isKey(field) || rule.managed != Managed.NONE) {
            throw new ModelValidationException(type, field, "is not a counter: increment and decrement need a"
                    + " numeric field that is neither a key nor managed by Dynamite");
        }
        return rule;
    }

    private String amount(FieldRule rule, Number by) {
        Object value = coerce(rule, by);
        return mapper.encode(rule.name, Objects.requireNonNull(value)).n();
    }

    private @Nullable String fieldOfAttribute(String attribute) {
        for (FieldRule rule : rules.fields) {
            if (rule.attributeName.equals(attribute)) {
                return rule.name;
            }
        }
        return null;
    }

    private Map<String, Object> keyValues(Map<String, AttributeValue> key) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : key.entrySet()) {
            String field = Objects.requireNonNull(fieldOfAttribute(attribute.getKey()));
            values.put(field, mapper.decode(field, attribute.getValue()));
        }
        return values;
    }

    /**
     * Explains a failed write condition with a consistent read: the item is gone, or (with {@code @Version}) another
     * writer changed it.
     */
    private RuntimeException conflict(Map<String, AttributeValue> key, @Nullable Long expected, String operation,
                                      @Nullable Map<String, AttributeValue> stored,
                                      RuntimeException cause) {
        if (stored == null) {
            return new ItemNotFoundException(type, table, keyValues(key), operation + "() found no item: it was"
                    + " deleted or never created; nothing was written", cause);
        }
        return new OptimisticLockException(type, table, keyValues(key), expected == null ? 0 : expected,
                storedVersion(stored), cause);
    }

    /** The version of a stored item, or null for a model without version or an item without one. */
    private @Nullable Long storedVersion(Map<String, AttributeValue> stored) {
        if (rules.version == null) {
            return null;
        }
        AttributeValue value = stored.get(rules.version.attributeName);
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }

    private static Instant now() {
        return CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
