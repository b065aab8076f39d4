package dev.dynamite.core.internal.entity;

import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.MutationOptions;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.core.internal.model.EntityAccess;
import dev.dynamite.core.internal.model.EntityState;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.ModelRules.Managed;
import dev.dynamite.core.internal.model.OnModel;
import dev.dynamite.core.internal.model.Tracking;
import dev.dynamite.core.internal.model.Values;
import dev.dynamite.core.internal.query.Guard;
import dev.dynamite.core.internal.write.Receipt;
import dev.dynamite.core.internal.write.WriteCall;
import dev.dynamite.core.internal.write.WriteModel;
import dev.dynamite.core.internal.write.WriteOp;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The atomic counters of one model ({@code ADD}): conditioned on the item existing, on the stored value staying inside
 * the field's Java type, and on the entity's {@code @Version} (an instance counter) or on a bulk write's guard.
 *
 * @param <T> the model type
 */
public final class CounterWrites<T> extends OnModel<T> {
    private final Tracking<T> tracking;
    private final WriteModel writeModel;
    private final boolean idempotentByDefault;

    public CounterWrites(ModelContext<T> context) {
        super(context);
        this.tracking = new Tracking<>(context);
        this.writeModel = context.writeModel();
        this.idempotentByDefault = context.binding().idempotentWrites();
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
        return context.observe("increment", () -> incrementNow(entity, field, by, options, guard, receipt));
    }

    private boolean incrementNow(T entity, String field, Number by, MutationOptions options, @Nullable Guard guard,
                                 @Nullable Receipt receipt) {
        FieldRule rule = counter(field, by);
        Map<String, AttributeValue> key = mapper.key(entity);
        String amount = amount(rule, by);
        // an instance counter of a loaded entity holds its version; a counter by filter holds its guard instead
        EntityState state = EntityAccess.state(entity);
        Long expected = guard == null && state != null ? context.expectedVersion(entity) : null;
        WriteOp.Builder write = WriteOp.update(writeModel, key).mustExist();
        if (expected != null && rules.version != null && !state.unloaded().contains(rule.attributeName)) {
            // the write holds the version it read, so the stored counter it adds to is the one read with it: the
            // sums it leaves are known, and a retry after a lost response recognizes them
            write.add(rule.attributeName, AttributeValue.fromN(amount), state.stored().get(rule.attributeName))
                    .bumpVersionFrom(expected);
        } else {
            write.add(rule.attributeName, AttributeValue.fromN(amount)).bumpVersion();
            if (expected != null) {
                write.expectVersion(expected);
            }
        }
        write.returnNew();
        Object updatedAt = rules.updatedAt == null ? null : rules.updatedAt.timestamp(ModelContext.now());
        if (updatedAt != null) {
            write.stamp(mapper.encode(rules.updatedAt.name, updatedAt));
        }
        Guard.onto(write, guard);
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
        return counterRefused(key, rule, by, result.stored(), guard, expected,
                Objects.requireNonNull(result.cause()));
    }

    /** After a direct counter: the entity's fields (and remembered item) take the values DynamoDB returned. */
    private void refresh(T entity, Map<String, AttributeValue> returned) {
        EntityState state = EntityAccess.state(entity);
        Map<String, AttributeValue> next = state == null ? null : new HashMap<>(state.stored());
        for (Map.Entry<String, AttributeValue> attribute : returned.entrySet()) {
            String name = context.fieldOfAttribute(attribute.getKey());
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
        if (guard != null && (stored == null || !guard.matches(context, stored))) {
            return false;
        }
        if (stored == null) {
            throw new ItemNotFoundException(type, table, context.keyValues(key), "increment(" + rule.name + ") needs an"
                    + " existing item, and there is none; nothing was written (counters never create items)", cause);
        }
        if (expected != null && !Objects.equals(context.storedVersion(stored), expected)) {
            throw new OptimisticLockException(type, table, context.keyValues(key), expected,
                    context.storedVersion(stored), cause);
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
            mapper.set(entity, rules.version.name, context.expectedVersion(entity) + 1);
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
        FieldRule rule = context.filterable(field);
        if (!Values.isNumeric(rule.type) || mapper.isKey(field) || rule.managed != Managed.NONE) {
            throw new ModelValidationException(type, field, "is not a counter: increment and decrement need a"
                    + " numeric field that is neither a key nor managed by Dynamite");
        }
        return rule;
    }

    private String amount(FieldRule rule, Number by) {
        Object value = context.coerce(rule, by);
        return mapper.encode(rule.name, Objects.requireNonNull(value)).n();
    }
}
