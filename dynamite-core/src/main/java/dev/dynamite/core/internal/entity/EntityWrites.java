package dev.dynamite.core.internal.entity;

import dev.dynamite.api.ItemAlreadyExistsException;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.model.EntityAccess;
import dev.dynamite.core.internal.model.EntityState;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.ModelRules.HookKind;
import dev.dynamite.core.internal.model.ModelRules.Managed;
import dev.dynamite.core.internal.model.OnModel;
import dev.dynamite.core.internal.model.Tracking;
import dev.dynamite.core.internal.query.Guard;
import dev.dynamite.core.internal.write.BatchWriter;
import dev.dynamite.core.internal.write.Limits;
import dev.dynamite.core.internal.write.Receipt;
import dev.dynamite.core.internal.write.WriteCall;
import dev.dynamite.core.internal.write.WriteModel;
import dev.dynamite.core.internal.write.WriteOp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writes of one model's entities: create, save and update (only the changed attributes), destroy (soft or hard)
 * and restore. Each builds one {@link WriteOp} with its conditions and managed steps and submits it through
 * {@link WriteCall}; a refused condition is explained from the stored item: a guarded item that no longer matches is
 * skipped, else {@link ItemNotFoundException} or {@link OptimisticLockException}.
 *
 * @param <T> the model type
 */
public final class EntityWrites<T> extends OnModel<T> {
    private final Tracking<T> tracking;
    private final WriteModel writeModel;
    private final Owner owner;
    private final boolean hooksByDefault;

    public EntityWrites(ModelContext<T> context) {
        super(context);
        this.tracking = new Tracking<>(context);
        this.writeModel = context.writeModel();
        this.owner = context.owner();
        this.hooksByDefault = context.binding().hooksByDefault();
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
        return context.observe("create", () -> createFrom(attributes, options));
    }

    private T createFrom(Map<String, ?> attributes, MutationOptions options) {
        T entity = mapper.newInstance();
        for (Map.Entry<String, ?> entry : attributes.entrySet()) {
            String field = entry.getKey();
            FieldRule rule = context.assignable(field, "create");
            mapper.set(entity, field, context.coerce(rule, entry.getValue()));
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
        return context.observe("create", () -> createWith(init, options));
    }

    private T createWith(Consumer<T> init, MutationOptions options) {
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
        return context.observe("create", () -> createNow(entity, options));
    }

    private T createNow(T entity, MutationOptions options) {
        boolean hooks = options.runHooks(hooksByDefault);
        WriteOp op = prepareCreate(entity, hooks, true, "create");
        Map<String, AttributeValue> item = Objects.requireNonNull(op.item());
        // in a transaction the entity becomes persisted, and its after-hooks run, only once it commits
        WriteCall.Result result = WriteCall.submit(client, op, options.transaction().orElse(null), false,
                new WriteCall.Hooks(returned -> created(entity, item, hooks), () -> { }, null));
        if (!result.written()) {
            throw new ItemAlreadyExistsException(type, table, context.keyValues(op.key()), result.cause());
        }
        return entity;
    }

    /**
     * Writes many new or replacement items with {@code BatchWriteItem}: 25 a request, several requests at once (the
     * client's write concurrency), unprocessed items retried until the batch deadline. Each entity is prepared as
     * {@link #create(Object, MutationOptions)} prepares it (defaults, before-create hooks, setters, validators,
     * timestamps, version 1), all of them before the first request, so that one invalid entity means nothing is
     * written. A batch write takes no condition: an existing item with the same key is replaced.
     *
     * @param entities the entities; changed in place
     * @param options hooks on or off; no transaction
     * @return the entities, in the order given
     * @throws ModelValidationException if an entity is invalid, or two share a key; nothing is written
     * @throws dev.dynamite.api.PartialWriteException if a request failed or items stayed unprocessed: it lists the
     *     keys written, not written and in doubt; only the written entities become persisted
     */
    public List<T> putAll(Collection<T> entities, MutationOptions options) {
        return context.observe("putAll", () -> putAllNow(entities, options));
    }

    private List<T> putAllNow(Collection<T> entities, MutationOptions options) {
        if (options.transaction().isPresent()) {
            throw new ModelValidationException(type, null, "putAll writes with BatchWriteItem, which cannot be part"
                    + " of a transaction; create each item in the transaction instead");
        }
        boolean hooks = options.runHooks(hooksByDefault);
        List<T> list = new ArrayList<>(entities.size());
        List<WriteOp> ops = new ArrayList<>(entities.size());
        Map<Map<String, AttributeValue>, Integer> seen = new HashMap<>();
        for (T entity : entities) {
            if (entity == null) {
                throw new ModelValidationException(type, null, "putAll was given a null entity (at position "
                        + list.size() + "); nothing was written");
            }
            WriteOp op = prepareCreate(entity, hooks, false, "putAll");
            Integer earlier = seen.put(op.key(), list.size());
            if (earlier != null) {
                throw new ModelValidationException(type, context.metadata().partitionKey().name(), "putAll was given"
                        + " two entities with the key " + context.keyValues(op.key()) + " (at positions " + earlier
                        + " and " + list.size() + "); nothing was written");
            }
            list.add(entity);
            ops.add(op);
        }
        try {
            BatchWriter.write(client, type, table, "putAll", ops, context.batchDeadline(),
                    context.binding().writeConcurrency());
        } catch (dev.dynamite.api.PartialWriteException e) {
            Set<Map<String, AttributeValue>> written = new HashSet<>(e.written());
            for (int i = 0; i < list.size(); i++) {
                if (written.contains(ops.get(i).key())) {
                    created(list.get(i), Objects.requireNonNull(ops.get(i).item()), hooks);
                }
            }
            throw e;
        }
        for (int i = 0; i < list.size(); i++) {
            created(list.get(i), Objects.requireNonNull(ops.get(i).item()), hooks);
        }
        return list;
    }

    /**
     * Prepares the put of a new entity: defaults, before-create hooks, write transforms, validation, then the item
     * with every managed attribute (which the entity then shows too). Sends nothing.
     *
     * @param mustNotExist whether the put is conditioned on the key not existing (a batch put cannot be)
     */
    private WriteOp prepareCreate(T entity, boolean hooks, boolean mustNotExist, String operation) {
        for (FieldRule rule : rules.fields) {
            if (rule.hasDefault && mapper.get(entity, rule.name) == null) {
                mapper.set(entity, rule.name, rule.defaultValue(type));
            }
        }
        if (hooks) {
            rules.runHooks(HookKind.BEFORE_CREATE, entity, null);
        }
        for (FieldRule rule : rules.fields) {
            if (rule.managed == Managed.NONE && rule.hasWriteTransforms()) {
                mapper.set(entity, rule.name, rule.applyWrite(type, mapper.get(entity, rule.name)));
            }
        }
        Map<String, AttributeValue> key = mapper.key(entity);
        for (FieldRule rule : rules.fields) {
            if (rule.managed == Managed.NONE) {
                rule.validate(type, mapper.get(entity, rule.name));
            }
        }
        Instant now = ModelContext.now();
        WriteOp.Builder put = WriteOp.put(writeModel, key, mapper.toItem(entity))
                .created(encodedTime(rules.createdAt, now), encodedTime(rules.updatedAt, now));
        if (mustNotExist) {
            put.mustNotExist();
        }
        WriteOp op = put.build();
        // the entity shows the managed values the put stores, at once (in a transaction too)
        tracking.restoreManaged(entity, Objects.requireNonNull(op.item()));
        checkSize(op.item(), operation);
        return op;
    }

    /** After a create is applied: the entity is persisted, shows what reads show, and its after-hooks run. */
    private void created(T entity, Map<String, AttributeValue> item, boolean hooks) {
        tracking.applyRead(entity, null);
        EntityAccess.setState(entity, new EntityState(owner, Collections.unmodifiableMap(item)));
        if (hooks) {
            rules.runHooks(HookKind.AFTER_CREATE, entity, null);
        }
    }

    /** A managed time field's stored form of a time, or null for a model without that field. */
    private @Nullable AttributeValue encodedTime(@Nullable FieldRule rule, Instant now) {
        return rule == null ? null : mapper.encode(rule.name, rule.timestamp(now));
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
        return context.observe("save", () -> saveNow(entity, options));
    }

    private boolean saveNow(T entity, MutationOptions options) {
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
        return context.observe("update", () -> updateNow(entity, changes, options, guard, receipt));
    }

    private boolean updateNow(T entity, Map<String, ?> changes, MutationOptions options, @Nullable Guard guard,
                              @Nullable Receipt receipt) {
        Map<String, Object> values = checkChanges(changes);
        EntityState state = tracking.requirePersisted(entity, "update");
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
            FieldRule rule = context.assignable(field, "update");
            if (mapper.isKey(field)) {
                throw new ModelValidationException(type, field, "is a key field, and keys cannot be changed by an"
                        + " update; create a new item and destroy this one");
            }
            values.put(field, context.coerce(rule, entry.getValue()));
        }
        return values;
    }

    private boolean update(T entity, EntityState state, MutationOptions options, @Nullable Guard guard,
                           @Nullable Receipt receipt) {
        Map<String, AttributeValue> stored = state.stored();
        tracking.restoreManaged(entity, stored);
        tracking.checkKeyUnchanged(entity, stored);
        List<FieldRule> changed = tracking.changedFields(entity, state);
        if (changed.isEmpty()) {
            return false;
        }
        boolean hooks = options.runHooks(hooksByDefault);
        if (hooks && rules.hasHooks(HookKind.BEFORE_UPDATE)) {
            rules.runHooks(HookKind.BEFORE_UPDATE, entity, tracking.changes(entity, changed));
            tracking.restoreManaged(entity, stored);
            tracking.checkKeyUnchanged(entity, stored);
            changed = tracking.changedFields(entity, state);
            if (changed.isEmpty()) {
                return false;
            }
        }
        for (FieldRule rule : changed) {
            Object value = rule.applyWrite(type, mapper.get(entity, rule.name));
            rule.validate(type, value);
            mapper.set(entity, rule.name, value);
        }
        Map<String, Object> written = tracking.changes(entity, changed);
        Map<String, AttributeValue> key = mapper.key(entity);
        WriteOp.Builder write = WriteOp.update(writeModel, key).mustExist();
        for (FieldRule rule : changed) {
            AttributeValue value = tracking.encoded(entity, rule);
            if (value == null) {
                write.remove(rule.attributeName);
            } else {
                write.set(rule.attributeName, value);
            }
        }
        stamp(entity, write);
        Long expected = version(entity, write);
        Guard.onto(write, guard);
        WriteOp op = write.build();
        Map<String, AttributeValue> next = op.applyTo(stored);
        checkSize(next, "update");
        List<FieldRule> writtenFields = changed;
        Runnable updated = () -> {
            Set<String> unloaded = new HashSet<>(state.unloaded());
            writtenFields.forEach(rule -> unloaded.remove(rule.attributeName));
            EntityAccess.setState(entity, state.next(Collections.unmodifiableMap(next), unloaded));
            tracking.applyRead(entity, writtenFields);
            if (hooks) {
                rules.runHooks(HookKind.AFTER_UPDATE, entity, written);
            }
        };
        return submitExisting(op, expected, "update", options, updated, tracking.versionBack(entity, expected), guard,
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
        return context.observe(force ? "forceDestroy" : "delete",
                () -> destroyNow(entity, force, options, guard, receipt));
    }

    private boolean destroyNow(T entity, boolean force, MutationOptions options, @Nullable Guard guard,
                               @Nullable Receipt receipt) {
        Map<String, AttributeValue> key = mapper.key(entity);
        EntityState state = EntityAccess.state(entity);
        boolean soft = !force && rules.deleteAt != null;
        if (soft && state != null && context.isTrashed(state.stored())) {
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
            Object deletedAt = deleteAt.timestamp(ModelContext.now());
            mapper.set(entity, deleteAt.name, deletedAt);
            WriteOp.Builder write = WriteOp.update(writeModel, key).mustExist()
                    .softDelete(mapper.encode(deleteAt.name, deletedAt));
            Long expected = version(entity, write);
            Guard.onto(write, guard);
            WriteOp op = write.build();
            Runnable versionBack = tracking.versionBack(entity, expected);
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
        Long expected = context.expectedVersion(entity);
        if (expected != null) {
            write.version(expected);
        }
        Guard.onto(write, guard);
        return submitExisting(write.build(), expected, operation, options, () -> {
            EntityAccess.setState(entity, null);
            afterHooks.run();
        }, () -> { }, guard, receipt);
    }

    /**
     * Undoes a soft delete: removes the {@code @DeleteAt} attribute. As a soft delete sets its field before the write
     * is sent, a restore clears it (and moves the version) before, and puts both back if the write does not happen:
     * in a transaction the entity shows the restored values as soon as the restore is queued.
     *
     * @param entity the entity; its key must be set
     * @param options the transaction to queue it in, if any
     */
    public void restore(T entity, MutationOptions options) {
        context.observe("restore", () -> restoreNow(entity, options));
    }

    private void restoreNow(T entity, MutationOptions options) {
        FieldRule deleteAt = rules.deleteAt;
        if (deleteAt == null) {
            throw new ModelValidationException(type, null, "has no @DeleteAt field, so its items are never"
                    + " soft-deleted and there is nothing to restore");
        }
        EntityState state = EntityAccess.state(entity);
        WriteOp.Builder write = WriteOp.update(writeModel, mapper.key(entity)).mustExist().restore();
        Long expected = version(entity, write);
        WriteOp op = write.build();
        Object deletedAt = mapper.get(entity, deleteAt.name);
        mapper.set(entity, deleteAt.name, null);
        Runnable versionBack = tracking.versionBack(entity, expected);
        submitExisting(op, expected, "restore", options, () -> {
            if (state != null) {
                EntityAccess.setState(entity, state.next(Collections.unmodifiableMap(op.applyTo(state.stored())),
                        state.unloaded()));
            }
        }, () -> {
            mapper.set(entity, deleteAt.name, deletedAt);
            versionBack.run();
        }, null, null);
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
        if (guard != null && (stored == null || !guard.matches(context, stored))) {
            return false;
        }
        throw conflict(op.key(), expected, operation, stored, Objects.requireNonNull(result.cause()));
    }

    /** The {@code @UpdatedAt} step: the entity and the write take the time of the change. */
    private void stamp(T entity, WriteOp.Builder write) {
        if (rules.updatedAt != null) {
            Object now = rules.updatedAt.timestamp(ModelContext.now());
            mapper.set(entity, rules.updatedAt.name, now);
            write.stamp(mapper.encode(rules.updatedAt.name, now));
        }
    }

    /** The {@code @Version} step: the write expects the entity's version and stores the next; returns the expected. */
    private @Nullable Long version(T entity, WriteOp.Builder write) {
        Long expected = context.expectedVersion(entity);
        if (expected != null) {
            mapper.set(entity, rules.version.name, expected + 1);
            write.version(expected);
        }
        return expected;
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
        String field = largest == null ? null : context.fieldOfAttribute(largest);
        throw new ModelValidationException(type, field, operation + "() would store an item of " + size + " bytes,"
                + " over DynamoDB's limit of " + Limits.MAX_ITEM_BYTES + " bytes (400 KB); its largest attribute, '"
                + largest + "', takes " + largestSize + " bytes; nothing was written");
    }

    /**
     * Explains a failed write condition with a consistent read: the item is gone, or (with {@code @Version}) another
     * writer changed it.
     */
    private RuntimeException conflict(Map<String, AttributeValue> key, @Nullable Long expected, String operation,
                                      @Nullable Map<String, AttributeValue> stored,
                                      RuntimeException cause) {
        if (stored == null) {
            return new ItemNotFoundException(type, table, context.keyValues(key), operation + "() found no item: it was"
                    + " deleted or never created; nothing was written", cause);
        }
        return new OptimisticLockException(type, table, context.keyValues(key), expected == null ? 0 : expected,
                context.storedVersion(stored), cause);
    }
}
