package dev.dynamite.core.internal.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One write of one item, built once: its key, its item or update expression, and every condition that applies. The
 * same operation becomes a direct request, a transaction action, an idempotent one-action transaction (all in {@link
 * WriteCall}) or, when it has no condition, a {@code BatchWriteItem} entry. The managed attributes are steps on the
 * builder ({@link Builder#version}, {@link Builder#stamp}, {@link Builder#softDelete}, {@link Builder#restore}), not
 * branches in each write. Immutable once built.
 *
 * <pre>{@code
 * WriteOp op = WriteOp.update(model, key).set("title", AttributeValue.fromS("New")).mustExist()
 *         .version(3).stamp(AttributeValue.fromS("2026-12-06T21:00:00Z")).build();
 * }</pre>
 */
public final class WriteOp {
    /** The DynamoDB write an operation is. */
    public enum Kind { PUT, UPDATE, DELETE }

    private final Kind kind;
    private final WriteModel model;
    private final Map<String, AttributeValue> key;
    private final @Nullable Map<String, AttributeValue> item;
    private final @Nullable String update;
    private final @Nullable String condition;
    private final @Nullable Map<String, String> names;
    private final @Nullable Map<String, AttributeValue> values;
    private final Map<String, @Nullable AttributeValue> effect;
    /** The sums the update's additions leave, where the value before is known. */
    private final Map<String, java.math.BigDecimal> sums;
    /** Whether the update adds to an attribute whose value before is not known. */
    private final boolean adds;
    private final boolean returnsNew;

    private WriteOp(Builder builder) {
        this.kind = builder.kind;
        this.model = builder.model;
        this.key = Map.copyOf(builder.key);
        this.item = builder.item == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.item));
        this.update = builder.updateExpression();
        this.condition = builder.conditions.expression();
        this.names = builder.expr.names();
        this.values = builder.expr.values();
        this.effect = Collections.unmodifiableMap(new LinkedHashMap<>(builder.effect));
        this.sums = Map.copyOf(builder.sums);
        this.adds = builder.unknownSums;
        this.returnsNew = builder.returnsNew;
    }

    /**
     * Starts a put of a whole item.
     *
     * @param model the model
     * @param key the item's key attributes
     * @param item the item, key included
     * @return the builder
     */
    public static Builder put(WriteModel model, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        Builder builder = new Builder(Kind.PUT, model, key);
        builder.item = new LinkedHashMap<>(item);
        return builder;
    }

    /**
     * Starts an update of the attributes of one item.
     *
     * @param model the model
     * @param key the item's key
     * @return the builder
     */
    public static Builder update(WriteModel model, Map<String, AttributeValue> key) {
        return new Builder(Kind.UPDATE, model, key);
    }

    /**
     * Starts a delete of one item.
     *
     * @param model the model
     * @param key the item's key
     * @return the builder
     */
    public static Builder delete(WriteModel model, Map<String, AttributeValue> key) {
        return new Builder(Kind.DELETE, model, key);
    }

    /** @return what the write is */
    public Kind kind() {
        return kind;
    }

    /** @return the model written */
    public WriteModel model() {
        return model;
    }

    /** @return the item's key */
    public Map<String, AttributeValue> key() {
        return key;
    }

    /** @return the item a put writes, or null */
    public @Nullable Map<String, AttributeValue> item() {
        return item;
    }

    /** @return the {@code UpdateExpression}, or null */
    public @Nullable String updateExpression() {
        return update;
    }

    /** @return the {@code ConditionExpression}, or null when the write is unconditional */
    public @Nullable String condition() {
        return condition;
    }

    /** @return the {@code ExpressionAttributeNames}, or null */
    public @Nullable Map<String, String> names() {
        return names;
    }

    /** @return the {@code ExpressionAttributeValues}, or null */
    public @Nullable Map<String, AttributeValue> values() {
        return values;
    }

    /** @return whether a direct update asks for the updated attributes back ({@code UPDATED_NEW}) */
    public boolean returnsNew() {
        return returnsNew;
    }

    /**
     * Whether a stored item is exactly what this write leaves behind, so that a retry refused by its condition can be
     * told to be the SDK's retry of this write, already applied: a put finds its item, a delete finds none, an update
     * finds every attribute it set with its value and none it removed, and every sum it added to where the value
     * before was known ({@link Builder#add(String, AttributeValue, AttributeValue)}). An update that adds to a number
     * whose value before is not known cannot be recognised, nor one that changes nothing.
     *
     * @param stored the item as stored now, or null if there is none
     * @return whether it is this write's own effect
     */
    public boolean recognizes(@Nullable Map<String, AttributeValue> stored) {
        return switch (kind) {
            case PUT -> stored != null && stored.equals(item);
            case DELETE -> stored == null;
            case UPDATE -> {
                if (stored == null || adds || effect.isEmpty() && sums.isEmpty()) {
                    yield false;
                }
                for (Map.Entry<String, java.math.BigDecimal> sum : sums.entrySet()) {
                    AttributeValue now = stored.get(sum.getKey());
                    if (now == null || now.n() == null || new java.math.BigDecimal(now.n()).compareTo(sum.getValue())
                            != 0) {
                        yield false;
                    }
                }
                for (Map.Entry<String, @Nullable AttributeValue> attribute : effect.entrySet()) {
                    if (!Objects.equals(stored.get(attribute.getKey()), attribute.getValue())) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    /**
     * Returns an item as this update leaves it: the attributes it sets with their new values, those it removes gone.
     * What it adds is not known before DynamoDB answers, so those attributes keep their old values.
     *
     * @param before the item before the write
     * @return a new, modifiable map
     */
    public Map<String, AttributeValue> applyTo(Map<String, AttributeValue> before) {
        Map<String, AttributeValue> after = new java.util.HashMap<>(before);
        effect.forEach((attribute, value) -> {
            if (value == null) {
                after.remove(attribute);
            } else {
                after.put(attribute, value);
            }
        });
        return after;
    }

    /**
     * Returns the operation as an action of {@code TransactWriteItems}.
     *
     * @param allOldOnFailure whether a failed condition returns the stored item in the cancellation reason
     * @return the action
     */
    public TransactWriteItem transactItem(boolean allOldOnFailure) {
        ReturnValuesOnConditionCheckFailure onFailure = allOldOnFailure && condition != null
                ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null;
        return switch (kind) {
            case PUT -> TransactWriteItem.builder().put(Put.builder().tableName(model.table()).item(item)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(onFailure).build()).build();
            case UPDATE -> TransactWriteItem.builder().update(Update.builder().tableName(model.table()).key(key)
                    .updateExpression(update).conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).returnValuesOnConditionCheckFailure(onFailure).build()).build();
            case DELETE -> TransactWriteItem.builder().delete(Delete.builder().tableName(model.table()).key(key)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(onFailure).build()).build();
        };
    }

    /**
     * Returns the operation as an entry of {@code BatchWriteItem}, which takes no condition.
     *
     * @return the entry
     * @throws IllegalStateException if the operation has a condition or is an update
     */
    public WriteRequest batchEntry() {
        if (condition != null || kind == Kind.UPDATE) {
            throw new IllegalStateException("only an unconditional put or delete can be a BatchWriteItem entry, not "
                    + kind + (condition == null ? "" : " with condition " + condition));
        }
        return kind == Kind.PUT
                ? WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()
                : WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    PutItemRequest putRequest() {
        return PutItemRequest.builder().tableName(model.table()).item(item).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(onFailure()).build();
    }

    UpdateItemRequest updateRequest() {
        return UpdateItemRequest.builder().tableName(model.table()).key(key).updateExpression(update)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValues(returnsNew ? ReturnValue.UPDATED_NEW : null)
                .returnValuesOnConditionCheckFailure(onFailure()).build();
    }

    DeleteItemRequest deleteRequest() {
        return DeleteItemRequest.builder().tableName(model.table()).key(key).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(onFailure()).build();
    }

    private @Nullable ReturnValuesOnConditionCheckFailure onFailure() {
        return condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
    }

    @Override
    public String toString() {
        return kind + " " + model.table() + " " + key + (update == null ? "" : " " + update)
                + (condition == null ? "" : " IF " + condition);
    }

    /** Builds one write: its changes, then its conditions and managed steps, in any order. Not thread-safe. */
    public static final class Builder {
        private final Kind kind;
        private final WriteModel model;
        private final Map<String, AttributeValue> key;
        private final Expr expr = new Expr();
        private final Conditions conditions = new Conditions(expr);
        private final List<String> sets = new ArrayList<>();
        private final List<String> removes = new ArrayList<>();
        private final List<String> adds = new ArrayList<>();
        private final Map<String, java.math.BigDecimal> sums = new LinkedHashMap<>();
        private boolean unknownSums;
        private final Map<String, @Nullable AttributeValue> effect = new LinkedHashMap<>();
        private @Nullable Map<String, AttributeValue> item;
        private boolean returnsNew;

        private Builder(Kind kind, WriteModel model, Map<String, AttributeValue> key) {
            this.kind = kind;
            this.model = Objects.requireNonNull(model, "model");
            this.key = Objects.requireNonNull(key, "key");
        }

        /**
         * Returns the placeholders of this request, for clauses built elsewhere (the filters of a bulk write).
         *
         * @return the placeholders
         */
        public Expr expr() {
            return expr;
        }

        /**
         * Returns the condition, for clauses added by the caller.
         *
         * @return the condition
         */
        public Conditions conditions() {
            return conditions;
        }

        /**
         * Sets an attribute (an update), or puts it in the item (a put).
         *
         * @param attribute the attribute
         * @param value its new value
         * @return this
         */
        public Builder set(String attribute, AttributeValue value) {
            if (kind == Kind.PUT) {
                Objects.requireNonNull(item).put(attribute, value);
                return this;
            }
            requireUpdate("set");
            sets.add(expr.name(attribute) + " = " + expr.value(value));
            effect.put(attribute, value);
            return this;
        }

        /**
         * Removes an attribute.
         *
         * @param attribute the attribute
         * @return this
         */
        public Builder remove(String attribute) {
            requireUpdate("remove");
            removes.add(expr.name(attribute));
            effect.put(attribute, null);
            return this;
        }

        /**
         * Adds to a number attribute ({@code ADD}, atomic); a write that adds cannot recognise its own retry.
         *
         * @param attribute the attribute
         * @param amount the amount, a number
         * @return this
         */
        public Builder add(String attribute, AttributeValue amount) {
            requireUpdate("add");
            adds.add(expr.name(attribute) + " " + expr.value(amount));
            unknownSums = true;
            return this;
        }

        /**
         * Adds to a number attribute whose value before the write is known (the write is conditioned on it, through
         * the version): the sum is then part of what {@link #recognizes} looks for, so a retry of the write after a
         * lost response is told from another writer's change.
         *
         * @param attribute the attribute
         * @param amount the amount, a number
         * @param before the attribute's value before the write, or null if it has none (0)
         * @return this
         */
        public Builder add(String attribute, AttributeValue amount, @Nullable AttributeValue before) {
            requireUpdate("add");
            adds.add(expr.name(attribute) + " " + expr.value(amount));
            java.math.BigDecimal base = before == null || before.n() == null ? java.math.BigDecimal.ZERO
                    : new java.math.BigDecimal(before.n());
            sums.put(attribute, base.add(new java.math.BigDecimal(amount.n())));
            return this;
        }

        /**
         * Conditions the write on the item existing.
         *
         * @return this
         */
        public Builder mustExist() {
            conditions.exists(model.partitionAttribute());
            return this;
        }

        /**
         * Conditions the write on no item with its key existing.
         *
         * @return this
         */
        public Builder mustNotExist() {
            conditions.notExists(model.partitionAttribute());
            return this;
        }

        /**
         * Conditions the write on the item not being soft-deleted; nothing for a model without {@code @DeleteAt}.
         *
         * @return this
         */
        public Builder notTrashed() {
            if (model.deleteAtAttribute() != null) {
                conditions.absent(model.deleteAtAttribute());
            }
            return this;
        }

        /**
         * The {@code @Version} step: the stored item must hold {@code expected}, and an update or a put stores
         * {@code expected + 1}; a delete only checks. Nothing for a model without {@code @Version}.
         *
         * @param expected the version the writer read
         * @return this
         */
        public Builder version(long expected) {
            String attribute = model.versionAttribute();
            if (attribute == null) {
                return this;
            }
            expectVersion(expected);
            if (kind != Kind.DELETE) {
                set(attribute, AttributeValue.fromN(Long.toString(expected + 1)));
            }
            return this;
        }

        /**
         * The condition half of the {@code @Version} step alone: the stored item must hold {@code expected}. A
         * counter uses it with {@link #bumpVersion}. Nothing for a model without {@code @Version}.
         *
         * @param expected the version the writer read
         * @return this
         */
        public Builder expectVersion(long expected) {
            if (model.versionAttribute() != null) {
                conditions.equalTo(model.versionAttribute(), AttributeValue.fromN(Long.toString(expected)));
            }
            return this;
        }

        /**
         * The counter form of the {@code @Version} step: the version moves by one with {@code ADD}, with no
         * condition of its own (a counter by filter needs none; an instance counter adds {@link #expectVersion}).
         *
         * @return this
         */
        public Builder bumpVersion() {
            if (model.versionAttribute() != null) {
                add(model.versionAttribute(), AttributeValue.fromN("1"));
            }
            return this;
        }

        /**
         * {@link #bumpVersion()} of a write conditioned on the version it read ({@link #expectVersion}): the
         * version it leaves, {@code expected + 1}, is known.
         *
         * @param expected the version the writer read
         * @return this
         */
        public Builder bumpVersionFrom(long expected) {
            if (model.versionAttribute() != null) {
                add(model.versionAttribute(), AttributeValue.fromN("1"), AttributeValue.fromN(Long.toString(expected)));
                expectVersion(expected);
            }
            return this;
        }

        /**
         * The creation step of a put, for every managed attribute at once: {@code @CreatedAt} and {@code @UpdatedAt}
         * hold the time of creation, {@code @Version} is 1 and {@code @DeleteAt} is absent, whatever the item held.
         * Each attribute the model does not have is left alone.
         *
         * @param createdAt the encoded time for {@code @CreatedAt}, or null if the model has none
         * @param updatedAt the encoded time for {@code @UpdatedAt} (its own Java type), or null if none
         * @return this
         */
        public Builder created(@Nullable AttributeValue createdAt, @Nullable AttributeValue updatedAt) {
            if (kind != Kind.PUT) {
                throw new IllegalStateException("created is a step of a put, not of a " + kind);
            }
            Map<String, AttributeValue> put = Objects.requireNonNull(item);
            if (model.createdAtAttribute() != null && createdAt != null) {
                put.put(model.createdAtAttribute(), createdAt);
            }
            if (model.updatedAtAttribute() != null && updatedAt != null) {
                put.put(model.updatedAtAttribute(), updatedAt);
            }
            if (model.versionAttribute() != null) {
                put.put(model.versionAttribute(), AttributeValue.fromN("1"));
            }
            if (model.deleteAtAttribute() != null) {
                put.remove(model.deleteAtAttribute());
            }
            return this;
        }

        /**
         * The {@code @UpdatedAt} step: the write stores the time of the change. Nothing for a model without one.
         *
         * @param now the encoded time
         * @return this
         */
        public Builder stamp(AttributeValue now) {
            if (model.updatedAtAttribute() != null) {
                set(model.updatedAtAttribute(), now);
            }
            return this;
        }

        /**
         * The {@code @DeleteAt} step of a soft delete: the write stores the time of deletion.
         *
         * @param now the encoded time
         * @return this
         * @throws IllegalStateException if the model has no {@code @DeleteAt}
         */
        public Builder softDelete(AttributeValue now) {
            return set(requireDeleteAt(), now);
        }

        /**
         * The {@code @DeleteAt} step of a restore: the write removes the time of deletion.
         *
         * @return this
         * @throws IllegalStateException if the model has no {@code @DeleteAt}
         */
        public Builder restore() {
            return remove(requireDeleteAt());
        }

        /**
         * Asks a direct update for the attributes it changed, as stored after it ({@code UPDATED_NEW}).
         *
         * @return this
         */
        public Builder returnNew() {
            requireUpdate("returnNew");
            returnsNew = true;
            return this;
        }

        /**
         * Builds the operation.
         *
         * @return the operation
         * @throws IllegalStateException if an update changes nothing
         */
        public WriteOp build() {
            if (kind == Kind.UPDATE && sets.isEmpty() && removes.isEmpty() && adds.isEmpty()) {
                throw new IllegalStateException("an update of " + key + " in " + model.table() + " changes nothing");
            }
            return new WriteOp(this);
        }

        private String requireDeleteAt() {
            String attribute = model.deleteAtAttribute();
            if (attribute == null) {
                throw new IllegalStateException(model.table() + " has no @DeleteAt attribute");
            }
            return attribute;
        }

        private void requireUpdate(String step) {
            if (kind != Kind.UPDATE) {
                throw new IllegalStateException(step + " is a step of an update, not of a " + kind);
            }
        }

        private @Nullable String updateExpression() {
            if (kind != Kind.UPDATE) {
                return null;
            }
            List<String> parts = new ArrayList<>(3);
            if (!sets.isEmpty()) {
                parts.add("SET " + String.join(", ", sets));
            }
            if (!removes.isEmpty()) {
                parts.add("REMOVE " + String.join(", ", removes));
            }
            if (!adds.isEmpty()) {
                parts.add("ADD " + String.join(", ", adds));
            }
            return String.join(" ", parts);
        }
    }
}
