package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.ModelRules.Managed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The state Dynamite keeps on an entity (see {@link EntityState}) and the dirty tracking built on it: an entity made
 * from a stored item, the fields that changed since, the managed fields put back to their stored values.
 *
 * @param <T> the model type
 */
public final class Tracking<T> extends OnModel<T> {

    public Tracking(ModelContext<T> context) {
        super(context);
    }

    /**
     * Creates an entity from a stored item: no setter, default, validator or hook runs; {@code @Get} applies.
     *
     * @param item the item as read
     * @param projectedFields the Java fields the read loaded, or null for all
     */
    public T load(Map<String, AttributeValue> item, @Nullable Set<String> projectedFields) {
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
        EntityAccess.setState(entity, new EntityState(context.owner(), item, unloaded));
        return entity;
    }

    /**
     * Puts fields that a read loaded only to join relations back to their constructor values and marks them unloaded,
     * as if the projection had left them out: the user asked for other attributes.
     */
    public void forget(List<T> entities, Set<String> fields) {
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

    public EntityState requirePersisted(T entity, String operation) {
        EntityState state = EntityAccess.state(entity);
        if (state == null) {
            Map<String, Object> key = new LinkedHashMap<>();
            String partition = context.metadata().partitionKey().name();
            key.put(partition, mapper.get(entity, partition));
            throw Failures.itemNotFound(type, table, key, operation + "() needs an entity that was created or"
                    + " loaded; call create() or save() first", null);
        }
        return state;
    }

    /** Puts the managed fields back to their stored values: a later save never changes them from user code. */
    public void restoreManaged(T entity, Map<String, AttributeValue> stored) {
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

    public void checkKeyUnchanged(T entity, Map<String, AttributeValue> stored) {
        for (Map.Entry<String, AttributeValue> key : mapper.key(entity).entrySet()) {
            if (!key.getValue().equals(stored.get(key.getKey()))) {
                String field = Objects.requireNonNull(context.fieldOfAttribute(key.getKey()));
                throw Failures.modelValidation(type, field, "is a key field and was changed since the item was"
                        + " read; keys cannot be changed: create a new item and destroy this one");
            }
        }
    }

    /**
     * The non-key, unmanaged fields whose value differs from the stored one (as the user would read it). A field a
     * projection did not load is compared with the value the constructor gives it: only an assignment counts.
     */
    public List<FieldRule> changedFields(T entity, EntityState state) {
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

    public Map<String, Object> changes(T entity, List<FieldRule> changed) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (FieldRule rule : changed) {
            changes.put(rule.name, mapper.get(entity, rule.name));
        }
        return Collections.unmodifiableMap(changes);
    }

    /** The stored form of a field's value; null for null or an empty set (DynamoDB stores neither). */
    public @Nullable AttributeValue encoded(T entity, FieldRule rule) {
        Object value = mapper.get(entity, rule.name);
        if (value == null || value instanceof Set<?> set && set.isEmpty()) {
            return null;
        }
        return mapper.encode(rule.name, value);
    }

    static boolean same(@Nullable AttributeValue a, @Nullable AttributeValue b) {
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
    public void applyRead(T entity, @Nullable List<FieldRule> only) {
        for (FieldRule rule : only == null ? rules.fields : only) {
            if (rule.hasReadTransforms()) {
                mapper.set(entity, rule.name, rule.applyRead(type, mapper.get(entity, rule.name)));
            }
        }
    }

    /** Puts an entity's version back after a write that did not happen. */
    public Runnable versionBack(T entity, @Nullable Long expected) {
        return () -> {
            if (expected != null) {
                mapper.set(entity, rules.version.name, expected);
            }
        };
    }
}
