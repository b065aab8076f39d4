package dev.dynamite.schema;

import dev.dynamite.api.InvalidModelException;
import dev.dynamite.spi.KeyTypeStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The tables a set of models needs: one per model, with the global secondary indexes their relations query, plus one
 * per many-to-many pivot table.
 *
 * <p>For every {@code @HasMany}/{@code @HasOne} whose foreign key is not the related table's partition key, the related
 * table gets an index {@code GSI{N}_{attribute}} (N counts from 1 per table, in the order models are given and fields
 * declared). A pivot table is keyed by {@code id} ({@code S}) and indexed on both of its foreign keys. Key attribute
 * types come from the {@link KeyTypeStrategy}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Schema schema = Schema.of(List.of(User.class, Order.class), KeyTypeStrategies.named("string"), "");
 * schema.table(Order.class).indexes();  // [GSI1_userId on userId (S)]
 * }</pre>
 */
public final class Schema {
    /** The partition key attribute of every pivot table. */
    public static final String PIVOT_KEY = "id";

    private final List<TableDefinition> tables;
    private final Map<Class<?>, TableDefinition> byModel;
    private final KeyTypeStrategy strategy;

    private Schema(List<TableDefinition> tables, KeyTypeStrategy strategy) {
        this.tables = List.copyOf(tables);
        this.strategy = strategy;
        Map<Class<?>, TableDefinition> map = new LinkedHashMap<>();
        for (TableDefinition table : tables) {
            if (table.model() != null) {
                map.put(table.model(), table);
            }
        }
        this.byModel = map;
    }

    /**
     * Infers the tables of a set of models.
     *
     * @param models the model classes, in the order their indexes are numbered
     * @param strategy the key type strategy
     * @param tablePrefix prepended to every table name, pivot tables included; {@code ""} for none
     * @return the schema
     * @throws dev.dynamite.api.ModelNotRegisteredException if a class has no partition key
     * @throws InvalidModelException if a model is declared wrongly, names a related model missing from {@code
     *     models}, has a key field of a type the strategy cannot store, or two models share a table name
     */
    public static Schema of(Collection<? extends Class<?>> models, KeyTypeStrategy strategy, String tablePrefix) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Set<Class<?>> registered = new LinkedHashSet<>(models);
        Map<Class<?>, EntityMetadata> metas = new LinkedHashMap<>();
        Map<String, Class<?>> tableOwners = new LinkedHashMap<>();
        for (Class<?> model : registered) {
            EntityMetadata meta = EntityMetadata.of(model);
            Class<?> owner = tableOwners.putIfAbsent(meta.tableName(), model);
            if (owner != null) {
                throw new InvalidModelException(model, null, "table name '" + meta.tableName() + "' is already used"
                        + " by " + owner.getName() + "; give one of them another @Name");
            }
            metas.put(model, meta);
        }
        Map<Class<?>, Map<String, KeyAttribute>> gsis = new LinkedHashMap<>();
        Map<String, Map<String, KeyAttribute>> pivots = new LinkedHashMap<>();
        for (EntityMetadata meta : metas.values()) {
            for (Relation relation : meta.relations()) {
                EntityMetadata target = metas.get(relation.model());
                if (target == null) {
                    throw new InvalidModelException(meta.type(), relation.field(), "related model "
                            + relation.model().getName() + " is not registered; add it to DynamiteConfig.tables");
                }
                switch (relation.kind()) {
                    case HAS_MANY, HAS_ONE -> {
                        AttributeField fk = field(target, relation.foreignKey(), meta, relation, "foreignKey");
                        if (!fk.name().equals(target.partitionKey().name())) {
                            KeyAttribute key = keyAttribute(strategy, target, fk);
                            putConsistent(gsis.computeIfAbsent(target.type(), t -> new LinkedHashMap<>()), key,
                                    meta, relation);
                        }
                        compatible(meta, relation, field(meta, relation.localKey(), meta, relation, "localKey"), fk);
                    }
                    case BELONGS_TO -> compatible(meta, relation,
                            field(meta, relation.localKey(), meta, relation, "localKey"),
                            field(target, relation.foreignKey(), meta, relation, "foreignKey"));
                    case MANY_TO_MANY -> {
                        AttributeField local = field(meta, relation.localKey(), meta, relation, "localKey");
                        AttributeField related = field(target, relation.relatedPK(), meta, relation, "relatedPK");
                        String pivot = tablePrefix + relation.pivotTable();
                        Map<String, KeyAttribute> keys = pivots.computeIfAbsent(pivot, p -> new LinkedHashMap<>());
                        putConsistent(keys, new KeyAttribute(relation.foreignKey(),
                                keyAttribute(strategy, meta, local).type()), meta, relation);
                        putConsistent(keys, new KeyAttribute(relation.relatedKey(),
                                keyAttribute(strategy, target, related).type()), meta, relation);
                        if (keys.size() > 2) {
                            throw new InvalidModelException(meta.type(), relation.field(), "pivot table '"
                                    + relation.pivotTable() + "' is declared elsewhere with other keys " + keys.keySet()
                                    + "; both sides must name the same two attributes");
                        }
                    }
                }
            }
        }
        List<TableDefinition> tables = new ArrayList<>();
        for (EntityMetadata meta : metas.values()) {
            KeyAttribute pk = keyAttribute(strategy, meta, meta.partitionKey());
            KeyAttribute sk = meta.sortKey().map(f -> keyAttribute(strategy, meta, f)).orElse(null);
            tables.add(new TableDefinition(tablePrefix + meta.tableName(), meta.type(), pk, sk,
                    indexes(gsis.getOrDefault(meta.type(), Map.of()))));
        }
        for (Map.Entry<String, Map<String, KeyAttribute>> pivot : pivots.entrySet()) {
            Class<?> owner = tableOwners.get(pivot.getKey().substring(tablePrefix.length()));
            if (owner != null) {
                throw new InvalidModelException(owner, null, "its table name is also used as a @ManyToMany"
                        + " pivotTable; rename one of them");
            }
            tables.add(new TableDefinition(pivot.getKey(), null, new KeyAttribute(PIVOT_KEY, ScalarAttributeType.S),
                    null, indexes(pivot.getValue())));
        }
        return new Schema(tables, strategy);
    }

    /**
     * Returns every table, models first (in the order given), then pivot tables.
     *
     * @return the table definitions
     */
    public List<TableDefinition> tables() {
        return tables;
    }

    /**
     * Returns the table of one model.
     *
     * @param model a model class of this schema
     * @return its table definition
     * @throws dev.dynamite.api.ModelNotRegisteredException if the class is not one of this schema's models
     */
    public TableDefinition table(Class<?> model) {
        TableDefinition table = byModel.get(model);
        if (table == null) {
            throw new dev.dynamite.api.ModelNotRegisteredException(model, "it is not in DynamiteConfig.tables;"
                    + " add it there");
        }
        return table;
    }

    /**
     * Returns the key type strategy the key types were inferred with.
     *
     * @return the strategy
     */
    public KeyTypeStrategy keyTypeStrategy() {
        return strategy;
    }

    private static List<IndexDefinition> indexes(Map<String, KeyAttribute> keys) {
        List<IndexDefinition> indexes = new ArrayList<>(keys.size());
        int n = 1;
        for (KeyAttribute key : keys.values()) {
            indexes.add(new IndexDefinition("GSI" + n++ + "_" + key.name(), key));
        }
        return indexes;
    }

    private static void putConsistent(Map<String, KeyAttribute> keys, KeyAttribute key, EntityMetadata meta,
                                      Relation relation) {
        KeyAttribute previous = keys.putIfAbsent(key.name(), key);
        if (previous != null && previous.type() != key.type()) {
            throw new InvalidModelException(meta.type(), relation.field(), "attribute '" + key.name() + "' is indexed"
                    + " as " + previous.type() + " by another relation but as " + key.type() + " here; the key fields"
                    + " they join must have compatible types");
        }
    }

    /** Refuses a join of two fields whose values can never be equal: other types, unless both are numbers. */
    private static void compatible(EntityMetadata meta, Relation relation, AttributeField local, AttributeField other) {
        Class<?> a = box(local.type());
        Class<?> b = box(other.type());
        if (a != b && !(Number.class.isAssignableFrom(a) && Number.class.isAssignableFrom(b))) {
            throw new InvalidModelException(meta.type(), relation.field(), "joins " + meta.type().getSimpleName() + "."
                    + local.name() + " (" + local.type().getSimpleName() + ") with " + relation.model().getSimpleName()
                    + "." + other.name() + " (" + other.type().getSimpleName() + "); the key fields a relation joins"
                    + " must have compatible types");
        }
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    private static AttributeField field(EntityMetadata owner, String fieldName, EntityMetadata declaring,
                                        Relation relation, String role) {
        return owner.attribute(fieldName).orElseThrow(() -> new InvalidModelException(declaring.type(),
                relation.field(), role + " '" + fieldName + "' is not a persisted field of "
                + owner.type().getSimpleName() + "; fields are: " + owner.attributes().stream()
                .map(AttributeField::name).toList()));
    }

    private static KeyAttribute keyAttribute(KeyTypeStrategy strategy, EntityMetadata meta, AttributeField field) {
        ScalarAttributeType type = strategy.attributeType(field.type()).orElseThrow(() -> new InvalidModelException(
                meta.type(), field.name(), "a key attribute of type " + field.type().getSimpleName()
                + " cannot be stored by the key type strategy '" + strategy.name() + "'; use a String, a number,"
                + " a UUID, an enum or byte[] field, or another strategy"));
        return new KeyAttribute(field.attributeName(), type);
    }
}
