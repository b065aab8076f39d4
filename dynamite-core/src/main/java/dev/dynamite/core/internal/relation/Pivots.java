package dev.dynamite.core.internal.relation;

import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.TransactionContext;
import dev.dynamite.core.internal.TableCatalog;
import dev.dynamite.core.internal.model.Json;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.write.BatchWriter;
import dev.dynamite.core.internal.write.WriteCall;
import dev.dynamite.core.internal.write.WriteModel;
import dev.dynamite.core.internal.write.WriteOp;
import dev.dynamite.schema.Relation;
import dev.dynamite.schema.RelationKind;
import dev.dynamite.schema.Schema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The pivot rows of a many-to-many relation: one row per linked pair, keyed deterministically by the pair (so that
 * both sides of the same pivot write the same row), holding both foreign keys as the key strategy encodes them and any
 * pivot data. Reads go through the pivot's index on the declaring side's foreign key, following every page.
 */
public final class Pivots {
    private final ModelContext<?> context;
    private final Relation relation;
    private final ModelContext<?> related;
    private final String table;
    private final WriteModel pivot;

    private Pivots(ModelContext<?> context, Relation relation) {
        this.context = context;
        this.relation = relation;
        this.related = context.related(relation.model());
        this.table = context.tablePrefix() + relation.pivotTable();
        // a pivot row has no model class, no version and no timestamps: only its key
        this.pivot = new WriteModel(null, table, Schema.PIVOT_KEY, null, null, null, null);
    }

    /** The pivot of the declaring model's (only) many-to-many relation to {@code other}. */
    public static Pivots of(ModelContext<?> context, Class<?> other) {
        Relation found = null;
        for (Relation relation : context.metadata().relations()) {
            if (relation.kind() == RelationKind.MANY_TO_MANY && relation.model() == other) {
                if (found != null) {
                    throw new ModelValidationException(context.type(), relation.field(), "is a second @ManyToMany to "
                            + other.getSimpleName() + " (besides " + found.field() + "); attach, detach and sync"
                            + " cannot tell which one is meant");
                }
                found = relation;
            }
        }
        if (found == null) {
            throw new ModelValidationException(context.type(), null, "has no @ManyToMany relation to "
                    + other.getSimpleName());
        }
        return new Pivots(context, found);
    }

    public static Pivots of(ModelContext<?> context, Relation relation) {
        return new Pivots(context, relation);
    }

    /** Links the entity to a related key; idempotent; pivot data never touches the pivot's keys. */
    public void attach(Object entity, Object relatedId, Map<String, ?> pivotData, @Nullable TransactionContext tx) {
        context.observe("attach", () -> attachNow(entity, relatedId, pivotData, tx));
    }

    private void attachNow(Object entity, Object relatedId, Map<String, ?> pivotData, @Nullable TransactionContext tx) {
        Map<String, AttributeValue> row = new LinkedHashMap<>();
        for (Map.Entry<String, ?> extra : pivotData.entrySet()) {
            String name = extra.getKey();
            if (name.equals(Schema.PIVOT_KEY) || name.equals(relation.foreignKey())
                    || name.equals(relation.relatedKey())) {
                throw new ModelValidationException(context.type(), relation.field(), "pivot data cannot set '" + name
                        + "', a key of pivot table " + relation.pivotTable());
            }
            row.put(name, Json.toAttribute(extra.getValue()));
        }
        AttributeValue local = localValue(entity);
        AttributeValue other = relatedValue(relatedId);
        row.put(Schema.PIVOT_KEY, rowId(local, other));
        row.put(relation.foreignKey(), local);
        row.put(relation.relatedKey(), other);
        WriteCall.submit(context.client(), put(row), tx, false, WriteCall.Hooks.none());
    }

    /** Removes the link to a related key; returns whether there was one. */
    public boolean detach(Object entity, Object relatedId, @Nullable TransactionContext tx) {
        return context.observe("detach", () -> detachNow(entity, relatedId, tx));
    }

    private boolean detachNow(Object entity, Object relatedId, @Nullable TransactionContext tx) {
        Map<String, AttributeValue> key = Map.of(Schema.PIVOT_KEY, rowId(localValue(entity), relatedValue(relatedId)));
        // a transaction returns nothing, and a failed condition would cancel it: read whether the link exists first
        if (tx != null && !context.client().getItem(b -> b.tableName(table).key(key).consistentRead(true)).hasItem()) {
            return false;
        }
        // conditioned on the link existing: refused means there was none; a lost response retried finds it gone
        return WriteCall.submit(context.client(), WriteOp.delete(pivot, key).mustExist().build(), tx, false,
                WriteCall.Hooks.none()).written();
    }

    /** Makes the entity's links exactly these related keys: one pivot query, then batched puts and deletes. */
    public void sync(Object entity, Collection<?> relatedIds, @Nullable TransactionContext tx) {
        context.observe("sync", () -> syncNow(entity, relatedIds, tx));
    }

    private void syncNow(Object entity, Collection<?> relatedIds, @Nullable TransactionContext tx) {
        AttributeValue local = localValue(entity);
        Set<AttributeValue> wanted = new LinkedHashSet<>();
        for (Object id : relatedIds) {
            wanted.add(relatedValue(id));
        }
        Set<AttributeValue> existing = new LinkedHashSet<>();
        for (Map<String, AttributeValue> row : rows(local)) {
            existing.add(row.get(relation.relatedKey()));
        }
        List<WriteOp> writes = new ArrayList<>();
        for (AttributeValue other : wanted) {
            if (!existing.contains(other)) {
                writes.add(put(Map.of(Schema.PIVOT_KEY, rowId(local, other), relation.foreignKey(), local,
                        relation.relatedKey(), other)));
            }
        }
        for (AttributeValue other : existing) {
            if (!wanted.contains(other)) {
                writes.add(WriteOp.delete(pivot, Map.of(Schema.PIVOT_KEY, rowId(local, other))).build());
            }
        }
        if (tx != null) {
            for (WriteOp write : writes) {
                WriteCall.submit(context.client(), write, tx, false, WriteCall.Hooks.none());
            }
            return;
        }
        // unconditional rows go through BatchWriteItem; the same call again converges: it reads the links anew and
        // writes only the difference
        BatchWriter.write(context.client(), context.type(), table, "sync(" + relation.model().getSimpleName() + ")",
                writes, context.batchDeadline(), context.binding().writeConcurrency());
    }

    /** The unconditional put of a pivot row. */
    private WriteOp put(Map<String, AttributeValue> row) {
        return WriteOp.put(pivot, Map.of(Schema.PIVOT_KEY, row.get(Schema.PIVOT_KEY)), row).build();
    }

    /** The pivot rows of one declaring value, every page, through the pivot's index on the declaring side. */
    public List<Map<String, AttributeValue>> rows(AttributeValue local) {
        String index = null;
        for (TableCatalog.Index candidate : context.indexesOf(table)) {
            if (candidate.partition().equals(relation.foreignKey())) {
                index = candidate.name();
                break;
            }
        }
        if (index == null) {
            throw new ModelValidationException(context.type(), relation.field(), "pivot table " + table
                    + " has no index on " + relation.foreignKey() + "; run sync() to create it");
        }
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        String indexName = index;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = context.client().query(b -> b.tableName(table).indexName(indexName)
                    .keyConditionExpression("#k = :v").expressionAttributeNames(Map.of("#k", relation.foreignKey()))
                    .expressionAttributeValues(Map.of(":v", local)).exclusiveStartKey(from));
            rows.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    public String relatedKeyAttribute() {
        return relation.relatedKey();
    }

    /** The declaring side's value as the pivot stores it; null if the entity's local key is null. */
    public @Nullable AttributeValue localValueOrNull(Object entity) {
        Object value = context.fieldValue(entity, relation.localKey());
        return value == null ? null : context.mapper().keyTypeStrategy().encode(value);
    }

    private AttributeValue localValue(Object entity) {
        AttributeValue value = localValueOrNull(entity);
        if (value == null) {
            throw new ModelValidationException(context.type(), relation.localKey(), "is null, so the entity cannot be"
                    + " linked through " + relation.field());
        }
        return value;
    }

    private AttributeValue relatedValue(Object id) {
        if (id == null) {
            throw new ModelValidationException(context.type(), relation.field(), "a related key is null");
        }
        ModelRules.FieldRule rule = related.filterable(relation.relatedPK());
        return related.mapper().keyTypeStrategy().encode(related.coerceTo(rule, id));
    }

    /**
     * The row key of a pair: both attributes with their values, in attribute-name order, each value length-prefixed,
     * so that either side computes the same key and no two pairs share one.
     */
    private AttributeValue rowId(AttributeValue local, AttributeValue other) {
        Map<String, AttributeValue> sorted = new TreeMap<>();
        sorted.put(relation.foreignKey(), local);
        sorted.put(relation.relatedKey(), other);
        StringBuilder id = new StringBuilder();
        for (Map.Entry<String, AttributeValue> part : sorted.entrySet()) {
            String text = text(part.getValue());
            id.append(part.getKey()).append('=').append(text.length()).append(':').append(text).append(';');
        }
        return AttributeValue.fromS(id.toString());
    }

    private static String text(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe());
    }
}
