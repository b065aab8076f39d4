package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.TableCatalog;
import dev.dynamite.core.internal.mapping.Draft;
import dev.dynamite.core.internal.mapping.ValueModels;
import dev.dynamite.core.internal.mapping.EntityMapper;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.ModelRules.Managed;
import dev.dynamite.core.internal.write.Expr;
import dev.dynamite.core.internal.write.WriteModel;
import dev.dynamite.schema.AttributeField;
import dev.dynamite.schema.EntityMetadata;
import dev.dynamite.spi.AttributeCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything Dynamite knows of one model on one client, for one call: the class, whose client it is (its owner and
 * the binding in force), the mapper and rules, the table name and what the write path needs. Immutable and cheap to
 * create (mappers and rules are cached per class); not kept between calls, so a globally bound handle always uses the
 * current global client. The reads, writes, counters and views of the model work on it.
 *
 * @param type the model class (for a record, whose entities the runtime holds as {@link Draft}s, the record class)
 * @param owner whose client entities will remember
 * @param binding the client, table prefix, mappers and defaults in force (the owner's, now)
 * @param mapper the model's mapper
 * @param rules the model's field rules, hooks and relations
 * @param tableName the table name, prefix included
 * @param <T> the type of the runtime's entities: the model class, or {@link Draft} for a record
 */
public record ModelContext<T>(Class<?> type, Owner owner, GlobalRegistry.Binding binding, EntityMapper<T> mapper,
                              ModelRules rules, String tableName) {
    private static final Clock CLOCK = Clock.systemUTC();

    /**
     * Prepares a model on a client.
     *
     * @param type the model class
     * @param owner whose client entities will remember
     * @param binding the binding in force (the owner's, now)
     * @param <T> the model type
     * @return the context
     */
    public static <T> ModelContext<T> of(Class<T> type, Owner owner, GlobalRegistry.Binding binding) {
        return of(type, binding.mappers().mapper(type), owner, binding);
    }

    /**
     * Prepares a record model on a client: its entities are drafts.
     *
     * @param type the record class
     * @param owner whose client entities will remember
     * @param binding the binding in force (the owner's, now)
     * @return the context
     */
    public static ModelContext<Draft> ofRecord(Class<?> type, Owner owner, GlobalRegistry.Binding binding) {
        return of(type, binding.mappers().drafts(type), owner, binding);
    }

    /**
     * Prepares a model of either kind on a client.
     *
     * @param type the model class
     * @param owner whose client entities will remember
     * @param binding the binding in force (the owner's, now)
     * @return the context; its entities are drafts for a record
     */
    public static ModelContext<?> any(Class<?> type, Owner owner, GlobalRegistry.Binding binding) {
        return ValueModels.isValue(type) ? ofRecord(type, owner, binding) : of(type, owner, binding);
    }

    private static <T> ModelContext<T> of(Class<?> type, EntityMapper<T> mapper, Owner owner,
                                          GlobalRegistry.Binding binding) {
        ModelRules rules = ModelRules.of(type);
        EntityMetadata metadata = mapper.metadata();
        String table = binding.tablePrefix() + metadata.tableName();
        return new ModelContext<>(type, owner, binding, mapper, rules, table);
    }

    /**
     * Returns what the write path knows of the model; made when a write asks, so that a read loads none of it.
     *
     * @return the write model
     */
    public WriteModel writeModel() {
        return new WriteModel(type, tableName, metadata().partitionKey().attributeName(), attributeOf(rules.version),
                attributeOf(rules.createdAt), attributeOf(rules.updatedAt), attributeOf(rules.deleteAt));
    }

    /** @return the SDK client */
    public DynamoDbClient client() {
        return binding.client();
    }

    /**
     * Runs an operation of this model, told to the client's listeners unless it is part of an operation already
     * running on this thread.
     *
     * @param operation the operation's name, as listeners and metrics see it
     * @param body the work
     * @param <R> the result type
     * @return what the body returned
     */
    public <R> R observe(String operation, Supplier<R> body) {
        return binding.operations().run(type, operation, tableName, body);
    }

    /**
     * Runs an operation of this model that returns nothing; see {@link #observe(String, Supplier)}.
     *
     * @param operation the operation's name
     * @param body the work
     */
    public void observe(String operation, Runnable body) {
        binding.operations().run(type, operation, tableName, body);
    }

    /** @return the model's metadata */
    public EntityMetadata metadata() {
        return mapper.metadata();
    }

    /**
     * Returns the context of a related model on the same client; its entities remember the same owner.
     *
     * @param other the related model class
     * @param <R> its type
     * @return the context
     */
    public ModelContext<?> related(Class<?> other) {
        return any(other, owner, binding);
    }

    /** The context of an entity's own model, on this client, remembering the entity's owner if it has one. */
    public ModelContext<?> nested(Object entity) {
        Owner stateOwner = EntityAccess.owner(entity);
        return any(Draft.modelOf(entity), stateOwner != null ? stateOwner : owner, binding);
    }

    static @Nullable String attributeOf(@Nullable FieldRule rule) {
        return rule == null ? null : rule.attributeName;
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
        AttributeField partition = metadata().partitionKey();
        Object pk = coerce(rules.field(partition.name()), partitionKey);
        Object sk = null;
        if (sortKey != null) {
            AttributeField sort = metadata().sortKey().orElse(null);
            sk = sort == null ? sortKey : coerce(rules.field(sort.name()), sortKey);
        } else if (metadata().sortKey().isPresent()) {
            throw Failures.modelValidation(type, metadata().sortKey().get().name(), "the model has a sort key;"
                    + " find(partitionKey, sortKey) needs its value too");
        }
        return mapper.key(Objects.requireNonNull(pk), sk);
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

    /** How many requests of one batch read or parallel scan run at once. */
    public int readConcurrency() {
        return binding.readConcurrency();
    }

    /** How long batch reads and writes retry what DynamoDB left unprocessed. */
    public Duration batchDeadline() {
        return binding.batchDeadline();
    }

    /** The value of a persisted field of an entity of this model, given untyped. */
    @SuppressWarnings("unchecked")
    public @Nullable Object fieldValue(Object entity, String field) {
        return mapper.get((T) entity, field);
    }

    public String tablePrefix() {
        return binding.tablePrefix();
    }

    public List<TableCatalog.Index> indexesOf(String tableName) {
        return binding.catalog().indexes(client(), tableName);
    }

    public List<TableCatalog.Index> indexes() {
        return binding.catalog().indexes(client(), tableName);
    }

    public @Nullable String sortAttribute() {
        return metadata().sortKey().isPresent() ? metadata().sortKey().get().attributeName() : null;
    }

    /** The Java field stored under an attribute name; the attribute must be declared. */
    public String fieldOf(String attribute) {
        return Objects.requireNonNull(fieldOfAttribute(attribute), attribute);
    }

    public Object coerceTo(FieldRule rule, Object value) {
        return Objects.requireNonNull(coerce(rule, value));
    }

    public dev.dynamite.schema.internal.members.Member javaField(String field) {
        return Objects.requireNonNull(EntityMapper.persistedFields(type).get(field), field);
    }

    public AttributeCodec<Object> codecFor(java.lang.reflect.Type type) {
        return binding.mappers().codecs().codecFor(type);
    }

    /** The table key of an item: its partition and sort key attributes. */
    public Map<String, AttributeValue> tableKey(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        key.put(partitionAttribute(), item.get(partitionAttribute()));
        String sort = sortAttribute();
        if (sort != null) {
            key.put(sort, item.get(sort));
        }
        return key;
    }

    /** A projection expression of the table's keys and the given fields, with its own names. */
    public record Projection(String expression, Map<String, String> names) {
    }

    public Projection projectionOf(Set<String> fields) {
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
    public FieldRule assignable(String field, String operation) {
        FieldRule rule = filterable(field);
        if (rule.managed != Managed.NONE) {
            throw Failures.modelValidation(type, field, "is managed by Dynamite (" + rule.managed.annotation
                    + ") and cannot be set by " + operation + "; leave it out of the map");
        }
        return rule;
    }

    /** A persisted field, or a typed error for an unknown or relation field. */
    public FieldRule filterable(String field) {
        FieldRule rule = rules.field(field);
        if (rule == null) {
            if (rules.isRelation(field)) {
                throw Failures.modelValidation(type, field, "is a relation, not a stored attribute; it cannot be"
                        + " assigned or filtered on");
            }
            throw Failures.unknownField(type, field, mapper.fieldNames());
        }
        return rule;
    }

    public @Nullable Object coerce(@Nullable FieldRule rule, @Nullable Object value) {
        Objects.requireNonNull(rule, "rule");
        if (value == null || rule.type.isInstance(value)) {
            return value;   // the common case, as Values answers it, without loading the conversions
        }
        try {
            return Values.coerce(value, rule.type);
        } catch (IllegalArgumentException e) {
            throw Failures.modelValidation(type, rule.name, e.getMessage(), e);
        }
    }

    public boolean isTrashed(Map<String, AttributeValue> item) {
        if (rules.deleteAt == null) {
            return false;
        }
        AttributeValue value = item.get(rules.deleteAt.attributeName);
        return value != null && !Boolean.TRUE.equals(value.nul());
    }

    public String partitionAttribute() {
        return metadata().partitionKey().attributeName();
    }

    /** The version the entity holds, which a write expects to find stored; null for a model without version. */
    public @Nullable Long expectedVersion(T entity) {
        if (rules.version == null) {
            return null;
        }
        Object version = mapper.get(entity, rules.version.name);
        return version == null ? 0L : (Long) version;
    }

    public @Nullable String fieldOfAttribute(String attribute) {
        for (FieldRule rule : rules.fields) {
            if (rule.attributeName.equals(attribute)) {
                return rule.name;
            }
        }
        return null;
    }

    public Map<String, Object> keyValues(Map<String, AttributeValue> key) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : key.entrySet()) {
            String field = Objects.requireNonNull(fieldOfAttribute(attribute.getKey()));
            values.put(field, mapper.decode(field, attribute.getValue()));
        }
        return values;
    }

    /** The version of a stored item, or null for a model without version or an item without one. */
    public @Nullable Long storedVersion(Map<String, AttributeValue> stored) {
        if (rules.version == null) {
            return null;
        }
        AttributeValue value = stored.get(rules.version.attributeName);
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }

    public static Instant now() {
        return CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
