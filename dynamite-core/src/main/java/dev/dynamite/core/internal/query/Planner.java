package dev.dynamite.core.internal.query;

import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.Order;
import dev.dynamite.core.internal.TableCatalog;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.Trash;
import dev.dynamite.core.internal.query.Condition.Op;
import dev.dynamite.core.internal.query.Plan.Operation;
import dev.dynamite.core.internal.write.Expr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Puts a read on the cheapest DynamoDB call that answers it: equality on the whole primary key and nothing else is a
 * {@code GetItem}; {@code in} (or equality) on every key attribute and nothing else is a {@code BatchGetItem} of the
 * keys listed; equality on the partition key is a {@code Query} of the table (with one sort-key condition in the
 * key condition); equality on the partition key of an ACTIVE index that projects what the filters need is a
 * {@code Query} of that index; anything else is a {@code Scan}. The other conditions, and the soft-delete condition,
 * become the {@code FilterExpression}; an expression over DynamoDB's 4 KB is refused before any request.
 */
final class Planner {
    /** DynamoDB's limit on the length of one expression. */
    static final int MAX_EXPRESSION_BYTES = 4096;

    private final ModelContext<?> context;

    Planner(ModelContext<?> context) {
        this.context = context;
    }

    /**
     * The options of one read.
     *
     * @param limit the most matching items, or null
     * @param skip matching items to skip
     * @param order the order, or null for DynamoDB's
     * @param fields the Java fields to load, or empty for all
     * @param trash which soft-deleted items to see
     */
    record Options(@Nullable Integer limit, int skip, @Nullable Order order, List<String> fields, Trash trash) {
    }

    Plan plan(List<Condition> conditions, Options options) {
        Plan plan = choose(conditions, options);
        for (String expression : new String[] {plan.keyCondition(), plan.filter()}) {
            int bytes = expression == null ? 0 : expression.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_EXPRESSION_BYTES && plan.operation() != Operation.BATCH_GET_ITEM) {
                throw new InvalidQueryException(context.type().getSimpleName() + ": the filters make an expression of "
                        + bytes + " bytes, over DynamoDB's limit of " + MAX_EXPRESSION_BYTES + " (an in list takes"
                        + " about 7 bytes a value outside the key); narrow the filters or split the query");
            }
        }
        return plan;
    }

    private Plan choose(List<Condition> conditions, Options options) {
        String table = context.tableName();
        for (Condition condition : conditions) {
            if (condition.never()) {
                return new Plan(Operation.NONE, table, null, List.of(), null, null, null, null, null, null, false,
                        true, false, options.limit(), options.skip(), null, List.of(), tableKeys());
            }
        }
        ModelRules rules = context.rules();
        FieldRule deleteAt = rules.deleteAt;
        Trash trash = deleteAt == null ? Trash.INCLUDE : options.trash();
        String partition = context.partitionAttribute();
        String sort = context.sortAttribute();
        Set<String> projectedFields = projectedFields(options.fields());

        // before a Query of the partition: an in on the sort key reads exactly the keys listed
        Plan batch = batchGet(conditions, options, table, partition, sort, trash, projectedFields);
        if (batch != null) {
            return batch;
        }
        Condition partitionEquality = find(conditions, partition, null);
        if (partitionEquality != null) {
            Condition sortEquality = sort == null ? null : find(conditions, sort, null);
            boolean wholeKey = sort == null || sortEquality != null;
            if (wholeKey && conditions.size() == (sort == null ? 1 : 2)) {
                Expr expr = new Expr();
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                key.put(partition, partitionEquality.operands().get(0));
                if (sortEquality != null) {
                    key.put(sort, sortEquality.operands().get(0));
                }
                return new Plan(Operation.GET_ITEM, table, null, List.of(key), null, null,
                        projection(expr, projectedFields), expr.names(), expr.values(), projectedFields, false, true,
                        false, options.limit(), options.skip(), trash, List.of(), tableKeys());
            }
            return query(conditions, options, table, null, partitionEquality, trash, projectedFields, false);
        }
        for (TableCatalog.Index index : context.indexes()) {
            Condition indexEquality = find(conditions, index.partition(), null);
            if (indexEquality == null || !covers(index, conditions, deleteAt, trash)) {
                continue;
            }
            boolean fetchFull = !index.projectsAll() && !projects(index, projectedFields);
            return query(conditions, options, table, index, indexEquality, trash, projectedFields, fetchFull);
        }
        Expr expr = new Expr();
        String filter = filter(expr, conditions, List.of(), trash);
        boolean sortInMemory = options.order() != null;
        return new Plan(Operation.SCAN, table, null, List.of(), null, filter, projection(expr, projectedFields),
                expr.names(), expr.values(), projectedFields, false, options.order() != Order.DESC, sortInMemory,
                options.limit(), options.skip(), null, List.of(), tableKeys());
    }

    /** The table's key attributes: partition, then sort. */
    private List<String> tableKeys() {
        String sort = context.sortAttribute();
        return sort == null ? List.of(context.partitionAttribute()) : List.of(context.partitionAttribute(), sort);
    }

    private Plan query(List<Condition> conditions, Options options, String table, TableCatalog.@Nullable Index on,
                       Condition partitionEquality, Trash trash, @Nullable Set<String> projectedFields,
                       boolean fetchFull) {
        String index = on == null ? null : on.name();
        String sort = on == null ? context.sortAttribute() : on.sort();
        // where an item stands in an index read: its index keys, then its table keys (an index key is not unique)
        List<String> position = new ArrayList<>();
        if (on != null) {
            position.add(on.partition());
            if (on.sort() != null) {
                position.add(on.sort());
            }
        }
        for (String key : tableKeys()) {
            if (!position.contains(key)) {
                position.add(key);
            }
        }
        Expr expr = new Expr();
        List<Condition> keyConditions = new ArrayList<>();
        keyConditions.add(partitionEquality);
        if (sort != null) {
            Condition sortCondition = find(conditions, sort, Op.EQ);
            if (sortCondition == null) {
                for (Condition condition : conditions) {
                    if (condition.isOn(sort) && condition.op().isSortKeyCondition()) {
                        sortCondition = condition;
                        break;
                    }
                }
            }
            if (sortCondition != null) {
                keyConditions.add(sortCondition);
            }
        }
        List<String> keyParts = new ArrayList<>();
        for (Condition condition : keyConditions) {
            keyParts.add(condition.expression(expr));
        }
        String partition = Objects.requireNonNull(partitionEquality.rule()).attributeName;
        List<Condition> residual = new ArrayList<>();
        for (Condition condition : conditions) {
            // a filter expression cannot read the queried key attributes: what reads them is tested in memory
            if (!keyConditions.contains(condition) && (condition.reads(partition)
                    || sort != null && condition.reads(sort))) {
                residual.add(condition);
            }
        }
        List<Condition> notFiltered = new ArrayList<>(keyConditions);
        notFiltered.addAll(residual);
        String filter = filter(expr, conditions, notFiltered, trash);
        // the projection of an index query that fetches full items later needs only the keys; an index query's
        // projection holds the index keys too, so that each item's position can be read from it
        String projection = projection(expr, fetchFull ? Set.of() : projectedFields, position);
        boolean forward = options.order() != Order.DESC;
        return new Plan(Operation.QUERY, table, index, List.of(), String.join(" AND ", keyParts), filter, projection,
                expr.names(), expr.values(), projectedFields, fetchFull, forward, false, options.limit(),
                options.skip(), null, List.copyOf(residual), List.copyOf(position));
    }

    /**
     * A {@code BatchGetItem} plan when the conditions are exactly one {@code in} or equality on each key attribute,
     * at least one of them an {@code in}: the keys are every combination of the values listed. Null otherwise.
     */
    private @Nullable Plan batchGet(List<Condition> conditions, Options options, String table, String partition,
                                    @Nullable String sort, Trash trash, @Nullable Set<String> projectedFields) {
        if (conditions.size() != (sort == null ? 1 : 2)) {
            return null;
        }
        Condition onPartition = listing(conditions, partition);
        Condition onSort = sort == null ? null : listing(conditions, sort);
        if (onPartition == null || sort != null && onSort == null
                || onPartition.op() != Op.IN && (onSort == null || onSort.op() != Op.IN)) {
            return null;
        }
        Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>();
        for (AttributeValue partitionValue : onPartition.operands()) {
            for (AttributeValue sortValue : onSort == null ? List.<AttributeValue>of() : onSort.operands()) {
                keys.add(Map.of(partition, partitionValue, sort, sortValue));
            }
            if (onSort == null) {
                keys.add(Map.of(partition, partitionValue));
            }
        }
        Expr expr = new Expr();
        List<String> keyParts = new ArrayList<>();
        keyParts.add(onPartition.expression(expr));
        if (onSort != null) {
            keyParts.add(onSort.expression(expr));
        }
        String projection = projection(expr, projectedFields);
        return new Plan(Operation.BATCH_GET_ITEM, table, null, List.copyOf(keys), String.join(" AND ", keyParts),
                null, projection, expr.names(), expr.values(), projectedFields, false,
                options.order() != Order.DESC, true, options.limit(), options.skip(), trash, List.of(), tableKeys());
    }

    /** The condition on an attribute if it is an {@code in} or an equality, which lists the values it takes. */
    private static @Nullable Condition listing(List<Condition> conditions, String attribute) {
        for (Condition condition : conditions) {
            if (condition.isOn(attribute) && (condition.op() == Op.IN || condition.op() == Op.EQ)) {
                return condition;
            }
        }
        return null;
    }

    /** The first equality (or condition with {@code op}, when given) on an attribute. */
    private static @Nullable Condition find(List<Condition> conditions, String attribute, @Nullable Op op) {
        for (Condition condition : conditions) {
            if (condition.isOn(attribute) && (op == null ? condition.isEquality() : condition.op() == op)) {
                return condition;
            }
        }
        return null;
    }

    private @Nullable String filter(Expr expr, List<Condition> conditions, List<Condition> inKey, Trash trash) {
        List<String> parts = new ArrayList<>();
        for (Condition condition : conditions) {
            if (!inKey.contains(condition)) {
                parts.add(condition.expression(expr));
            }
        }
        FieldRule deleteAt = context.rules().deleteAt;
        if (deleteAt != null && trash != Trash.INCLUDE) {
            String name = expr.name(deleteAt.attributeName);
            parts.add(trash == Trash.EXCLUDE ? "attribute_not_exists(" + name + ")"
                    : "attribute_exists(" + name + ")");
        }
        return parts.isEmpty() ? null : String.join(" AND ", parts);
    }

    /** The Java fields to load: null for all; else the requested ones plus keys, version and soft-delete field. */
    @Nullable Set<String> projectedFields(List<String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        Set<String> projected = new LinkedHashSet<>();
        for (String field : fields) {
            projected.add(context.filterable(field).name);
        }
        ModelRules rules = context.rules();
        projected.add(context.fieldOf(context.partitionAttribute()));
        if (context.sortAttribute() != null) {
            projected.add(context.fieldOf(context.sortAttribute()));
        }
        if (rules.version != null) {
            projected.add(rules.version.name);
        }
        if (rules.deleteAt != null) {
            projected.add(rules.deleteAt.name);
        }
        return projected;
    }

    /** The projection expression of the given fields (the table's keys always); null for every attribute. */
    private @Nullable String projection(Expr expr, @Nullable Set<String> fields) {
        return projection(expr, fields, tableKeys());
    }

    /** The projection expression of the given fields and key attributes; null for every attribute. */
    private @Nullable String projection(Expr expr, @Nullable Set<String> fields, List<String> keys) {
        if (fields == null) {
            return null;
        }
        Set<String> attributes = new LinkedHashSet<>(tableKeys());
        attributes.addAll(keys);
        for (String field : fields) {
            attributes.add(context.rules().field(field).attributeName);
        }
        List<String> names = new ArrayList<>();
        for (String attribute : attributes) {
            names.add(expr.name(attribute));
        }
        return String.join(", ", names);
    }

    /** Whether an index holds every attribute the filters (and the soft-delete condition) read. */
    private boolean covers(TableCatalog.Index index, List<Condition> conditions, @Nullable FieldRule deleteAt,
                           Trash trash) {
        if (index.projectsAll()) {
            return true;
        }
        for (Condition condition : conditions) {
            if (!holdsAll(index, condition)) {
                return false;
            }
        }
        return deleteAt == null || trash == Trash.INCLUDE || holds(index, deleteAt.attributeName);
    }

    /** Whether an index projects every requested field (all of them when none is named). */
    private boolean projects(TableCatalog.Index index, @Nullable Set<String> fields) {
        if (fields == null) {
            return false;
        }
        for (String field : fields) {
            if (!holds(index, context.rules().field(field).attributeName)) {
                return false;
            }
        }
        return true;
    }

    private boolean holdsAll(TableCatalog.Index index, Condition condition) {
        if (condition.rule() != null) {
            return holds(index, condition.rule().attributeName);
        }
        return condition.parts().stream().allMatch(part -> holdsAll(index, part));
    }

    private boolean holds(TableCatalog.Index index, String attribute) {
        return index.projectsAll() || index.projected().contains(attribute) || attribute.equals(index.partition())
                || attribute.equals(index.sort()) || attribute.equals(context.partitionAttribute())
                || attribute.equals(context.sortAttribute());
    }
}
