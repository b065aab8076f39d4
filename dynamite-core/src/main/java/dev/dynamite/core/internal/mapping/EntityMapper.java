package dev.dynamite.core.internal.mapping;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.annotation.NonAttribute;
import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.core.internal.write.Limits;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.schema.AttributeField;
import dev.dynamite.meta.GeneratedField;
import dev.dynamite.meta.GeneratedModel;
import dev.dynamite.meta.GeneratedModels;
import dev.dynamite.schema.EntityMetadata;
import dev.dynamite.schema.internal.members.Marks;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.schema.internal.members.Members;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.KeyTypeStrategy;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the entities of one model class to DynamoDB items and back.
 *
 * <p>Everything is prepared in the constructor: the no-arg constructor and the accessors of every persisted field as
 * method handles, each field's codec, and the key strategy for the key fields. Mapping afterwards only calls those,
 * with no reflection lookups. Key fields are encoded with the {@link KeyTypeStrategy} (so a numeric key is {@code S}
 * under the default strategy), every other field with its codec. Instances are immutable and thread-safe; obtain
 * them from {@link Mappers}, which builds one per class.
 *
 * <p>Loading is faithful: {@link #fromItem} creates the entity with its no-arg constructor and assigns the stored
 * attributes, running no setter, default or validator. Attributes the model does not declare are ignored by
 * {@link #fromItem} and returned by {@link #undeclared}, so a caller can keep them through a later write.
 *
 * @param <T> the model class
 */
public final class EntityMapper<T> {
    /** The module that must be able to reflect on models. */
    static final String CORE_MODULE = "dev.dynamite.core";

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);
    private static final MethodType CONSTRUCTOR = MethodType.methodType(Object.class);

    private final Class<?> type;
    private final EntityMetadata metadata;
    private final KeyTypeStrategy strategy;
    /** The no-arg constructor of a reflected mutable model; null for a generated model or a record. */
    private final @Nullable MethodHandle constructor;
    /** The generated description of the model, which makes its instances; null for a reflected model. */
    private final @Nullable GeneratedModel<?> generated;
    private final @Nullable Records records;
    private final Property[] properties;
    /** Reads all persisted fields in one call; null for a model with very many fields (see Property#readAll). */
    private final @Nullable MethodHandle reader;
    private final Map<String, Property> byField;
    private final Set<String> attributeNames;
    private final List<String> fieldNames;
    private final Property partitionKey;
    private final @Nullable Property sortKey;

    /**
     * Prepares the mapper of a model class.
     *
     * @param type the model class
     * @param codecs the codec registry that supplies each non-key field's codec
     * @param strategy the key type strategy that encodes and decodes the key fields
     * @throws InvalidModelException if the class is not a valid model: its annotations contradict each other, it is
     *     abstract or has no public no-arg constructor, a persisted field is final, a key field has a type the strategy
     *     cannot store, or its package is not open to {@code dev.dynamite.core} (the message says which
     *     {@code opens} line to add)
     * @throws CodecNotFoundException if no codec handles the type of a persisted field
     */
    public EntityMapper(Class<?> type, Codecs codecs, KeyTypeStrategy strategy) {
        this(type, codecs, strategy, Set.of());
    }

    /**
     * Prepares the mapper of a model class whose table has global secondary indexes on some of its fields.
     *
     * <p>An index key attribute must have the type the index declares, which {@code sync()} takes from the key
     * strategy (a numeric foreign key is {@code S} under the default strategy); so those fields are encoded with the
     * key strategy too, as the primary key is. They stay ordinary fields otherwise: updatable, not part of
     * {@link #key}.
     *
     * @param type the model class
     * @param codecs the codec registry that supplies each other field's codec
     * @param strategy the key type strategy that encodes and decodes the key and index key fields
     * @param indexKeyFields the Java names of the fields that are index keys
     * @throws InvalidModelException if the class is not a valid model (see the other constructor)
     * @throws CodecNotFoundException if no codec handles the type of a persisted field
     */
    public EntityMapper(Class<?> type, Codecs codecs, KeyTypeStrategy strategy, Set<String> indexKeyFields) {
        this.type = type;
        this.metadata = EntityMetadata.of(type);
        this.strategy = strategy;
        GeneratedModel<?> generated = GeneratedModels.find(type);
        this.records = ValueModels.isValue(type) ? Records.of(type) : null;
        this.generated = records == null && generated != null ? checkConcrete(type, generated) : null;
        this.constructor = records != null || generated != null ? null : constructor(type);
        String partitionName = metadata.partitionKey().name();
        String sortName = metadata.sortKey().isPresent() ? metadata.sortKey().get().name() : null;
        Map<String, Member> fields = persistedFields(type);
        List<AttributeField> attributes = metadata.attributes();
        this.properties = new Property[attributes.size()];
        Map<String, Property> named = new LinkedHashMap<>();
        Set<String> attributeSet = new HashSet<>();
        Property partition = null;
        Property sort = null;
        for (int i = 0; i < properties.length; i++) {
            AttributeField attribute = attributes.get(i);
            Member field = fields.get(attribute.name());
            if (field == null) {
                throw new IllegalStateException("no persisted field " + attribute.name() + " in " + type.getName());
            }
            boolean isKey = attribute.name().equals(partitionName) || attribute.name().equals(sortName)
                    || indexKeyFields.contains(attribute.name());
            Property property = property(type, records, field, attribute, isKey, codecs, strategy);
            properties[i] = property;
            named.put(property.name, property);
            attributeSet.add(property.attributeName);
            if (property.name.equals(partitionName)) {
                partition = property;
            } else if (property.name.equals(sortName)) {
                sort = property;
            }
        }
        if (partition == null) {
            throw new IllegalStateException("no partition key property in " + type.getName());
        }
        this.reader = Property.readAll(properties);
        this.byField = Collections.unmodifiableMap(named);
        this.attributeNames = Set.copyOf(attributeSet);
        this.fieldNames = List.copyOf(named.keySet());
        this.partitionKey = partition;
        this.sortKey = sort;
    }

    /**
     * Returns the model class.
     *
     * @return the class this mapper maps (for a record, whose entities are {@link Draft}s, the record class)
     */
    public Class<?> type() {
        return type;
    }

    /**
     * Returns the model's metadata.
     *
     * @return its table name, keys, attributes and relations
     */
    public EntityMetadata metadata() {
        return metadata;
    }

    /**
     * Returns the key type strategy the key fields are encoded with.
     *
     * @return the strategy given to the constructor
     */
    public KeyTypeStrategy keyTypeStrategy() {
        return strategy;
    }

    /**
     * Returns the Java names of the persisted fields, superclass fields first, in declaration order.
     *
     * @return an unmodifiable list
     */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * Returns the attribute name a field is stored under.
     *
     * @param field a Java field name
     * @return its {@code @Name}, else the field name
     * @throws UnknownFieldException if the model persists no field of that name
     */
    public String attributeName(String field) {
        return property(field).attributeName;
    }

    /**
     * Creates a new entity with the model's no-arg constructor; for a record, a draft whose components are null,
     * zero or false.
     *
     * @return the new entity
     * @throws ModelValidationException if the constructor throws (the exception is its cause)
     */
    @SuppressWarnings("unchecked")
    public T newInstance() {
        if (records != null) {
            return (T) records.empty();
        }
        if (generated != null) {
            try {
                return (T) generated.newInstance();
            } catch (RuntimeException e) {
                throw Failures.modelValidation(type, null, "the no-arg constructor threw " + e, e);
            }
        }
        try {
            return (T) (Object) java.util.Objects.requireNonNull(constructor).invokeExact();
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw Failures.modelValidation(type, null, "the no-arg constructor threw " + e, e);
        }
    }

    /**
     * Converts an entity to a DynamoDB item: every non-null persisted field, encoded with its codec (key fields with the
     * key strategy), under its attribute name.
     *
     * <p>Null fields are left out, and so is an empty {@link Set}, which DynamoDB cannot store.
     *
     * @param entity the entity
     * @return a new, modifiable item in field declaration order
     * @throws ModelValidationException naming model and field if a codec refuses a value
     */
    public Map<String, AttributeValue> toItem(T entity) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(capacity(properties.length));
        @Nullable Object @Nullable [] values = reader == null ? null : Property.readAll(reader, entity);
        for (int i = 0; i < properties.length; i++) {
            Property property = properties[i];
            Object value = values == null ? property.get(entity) : values[i];
            if (value == null || value instanceof Set<?> set && set.isEmpty()) {
                continue;
            }
            item.put(property.attributeName, encode(property, value));
        }
        return item;
    }

    /**
     * Creates an entity from a stored item, assigning each declared attribute the item holds and nothing else.
     *
     * <p>No setter, default, validator or hook runs. A {@code NULL} attribute sets its field to null, except a
     * primitive field, which keeps its default value (as when the attribute is absent). A field whose attribute is
     * absent keeps the value the no-arg constructor gave it. Attributes the model does not declare are ignored; see
     * {@link #undeclared}.
     *
     * @param item the stored item
     * @return the new entity
     * @throws ModelValidationException naming model, field, the expected Java type and the stored DynamoDB type if a
     *     stored value cannot be read as its field's type, or if the no-arg constructor throws
     */
    public T fromItem(Map<String, AttributeValue> item) {
        T entity = newInstance();
        for (Property property : properties) {
            AttributeValue value = item.get(property.attributeName);
            if (value == null) {
                continue;
            }
            if (Boolean.TRUE.equals(value.nul())) {
                if (!property.primitive) {
                    property.set(entity, null);
                }
                continue;
            }
            Object decoded = decode(property, value);
            try {
                property.set(entity, decoded);
            } catch (ClassCastException | NullPointerException e) {
                throw Failures.modelValidation(type, property.name, "stored attribute '" + property.attributeName
                        + "' was decoded to " + describe(decoded) + ", which a field of type "
                        + property.type.getTypeName() + " cannot hold; check the field's codec", e);
            }
        }
        return entity;
    }

    /**
     * Returns the attributes of a stored item that the model does not declare, so that they can be written back
     * unchanged.
     *
     * @param item the stored item
     * @return a new, modifiable map of the undeclared attributes, in the item's order
     */
    public Map<String, AttributeValue> undeclared(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> rest = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (!attributeNames.contains(attribute.getKey())) {
                rest.put(attribute.getKey(), attribute.getValue());
            }
        }
        return rest;
    }

    /**
     * Returns the key of an entity: its partition key and, if the model has one, its sort key, encoded with the key
     * strategy.
     *
     * @param entity the entity
     * @return a new, modifiable map of one or two attributes
     * @throws ModelValidationException if a key field is null or the strategy refuses its value
     */
    public Map<String, AttributeValue> key(T entity) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        putKey(key, partitionKey, partitionKey.get(entity), "partition");
        if (sortKey != null) {
            putKey(key, sortKey, sortKey.get(entity), "sort");
        }
        return key;
    }

    /**
     * Returns a key built from key values, as for {@code find(partitionKey, sortKey)}.
     *
     * @param partitionValue the partition key value, of the partition key field's type
     * @param sortValue the sort key value, or {@code null} for a model without sort key
     * @return a new, modifiable map of one or two attributes
     * @throws ModelValidationException if a value is null where the model needs one, given where the model has no sort
     *     key, of the wrong type, or refused by the strategy
     */
    public Map<String, AttributeValue> key(Object partitionValue, @Nullable Object sortValue) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        checkAssignable(partitionKey, partitionValue);
        putKey(key, partitionKey, partitionValue, "partition");
        if (sortKey != null) {
            if (sortValue != null) {
                checkAssignable(sortKey, sortValue);
            }
            putKey(key, sortKey, sortValue, "sort");
        } else if (sortValue != null) {
            throw Failures.modelValidation(type, null, "has no sort key, but a sort key value was given: "
                    + describe(sortValue));
        }
        return key;
    }

    /**
     * Returns the persisted fields of an entity keyed by Java field name, nulls left out.
     *
     * @param entity the entity
     * @return a new, modifiable map in field declaration order
     */
    public Map<String, Object> toMap(T entity) {
        Map<String, Object> map = new LinkedHashMap<>(capacity(properties.length));
        for (Property property : properties) {
            Object value = property.get(entity);
            if (value != null) {
                map.put(property.name, value);
            }
        }
        return map;
    }

    /**
     * Returns the value of one persisted field.
     *
     * @param entity the entity
     * @param field the Java field name
     * @return the value, boxed for a primitive field; null if the field is null
     * @throws UnknownFieldException if the model persists no field of that name
     */
    public @Nullable Object get(T entity, String field) {
        return property(field).get(entity);
    }

    /**
     * Assigns one persisted field, without running any setter or validator.
     *
     * @param entity the entity
     * @param field the Java field name
     * @param value the new value: of the field's type (boxed for a primitive field), or null for a non-primitive field
     * @throws UnknownFieldException if the model persists no field of that name
     * @throws ModelValidationException if the value does not fit the field's type
     */
    public void set(T entity, String field, @Nullable Object value) {
        Property property = property(field);
        if (value == null ? property.primitive : !property.boxedType.isInstance(value)) {
            throw Failures.modelValidation(type, property.name, "cannot assign " + describe(value)
                    + " to a field of type " + property.type.getTypeName());
        }
        property.set(entity, value);
    }

    /**
     * Returns the declared Java type of a persisted field.
     *
     * @param field the Java field name
     * @return its type, primitive where declared so
     * @throws UnknownFieldException if the model persists no field of that name
     */
    public Class<?> fieldType(String field) {
        return property(field).type;
    }

    /**
     * Tells whether a field is part of the primary key.
     *
     * @param field the Java field name
     * @return true for the partition and the sort key field
     * @throws UnknownFieldException if the model persists no field of that name
     */
    public boolean isKey(String field) {
        Property property = property(field);
        return property == partitionKey || property == sortKey;
    }

    /**
     * Tells whether a field is stored as the key strategy encodes it: a primary key or an index key field.
     *
     * @param field the Java field name
     * @return true if the key strategy encodes it
     * @throws UnknownFieldException if the model persists no field of that name
     */
    public boolean isStrategyEncoded(String field) {
        return property(field).key;
    }

    /**
     * Encodes one value of a field as it would be stored: with the key strategy for a key field, else with the
     * field's codec.
     *
     * @param field the Java field name
     * @param value a non-null value of the field's type
     * @return the attribute value
     * @throws UnknownFieldException if the model persists no field of that name
     * @throws ModelValidationException if the codec or strategy refuses the value
     */
    public AttributeValue encode(String field, Object value) {
        return encode(property(field), value);
    }

    /**
     * Decodes a stored value of a field, as {@link #fromItem} would.
     *
     * @param field the Java field name
     * @param value the stored, non-{@code NULL} value
     * @return the Java value
     * @throws UnknownFieldException if the model persists no field of that name
     * @throws ModelValidationException if the value cannot be read as the field's type
     */
    public Object decode(String field, AttributeValue value) {
        return decode(property(field), value);
    }

    @Override
    public String toString() {
        return "EntityMapper[" + type.getName() + "]";
    }

    // ---------------------------------------------------------------- hot-path helpers

    private Property property(String field) {
        Property property = byField.get(field);
        if (property == null) {
            throw Failures.unknownField(type, field, fieldNames);
        }
        return property;
    }

    private AttributeValue encode(Property property, Object value) {
        try {
            return property.encode(value);
        } catch (RuntimeException e) {
            if (Failures.isDynamite(e)) {
                throw e;
            }
            String by = property.key ? "key strategy '" + strategy.name() + "'" : "its codec";
            throw Failures.modelValidation(type, property.name, "value " + describe(value) + " cannot be stored as"
                    + " attribute '" + property.attributeName + "' (refused by " + by + "): " + e.getMessage(), e);
        }
    }

    private Object decode(Property property, AttributeValue value) {
        try {
            return property.decode(value);
        } catch (RuntimeException e) {
            if (Failures.isDynamite(e)) {
                throw e;
            }
            String by = property.key ? "key strategy '" + strategy.name() + "'" : "its codec";
            throw Failures.modelValidation(type, property.name, "stored attribute '" + property.attributeName
                    + "' cannot be read as " + property.type.getTypeName() + ": expected " + expected(property)
                    + ", found a DynamoDB " + value.type() + " value (" + by + " said: " + e.getMessage() + ")", e);
        }
    }

    private String expected(Property property) {
        if (property.key) {
            return "a DynamoDB " + strategy.attributeType(property.type).map(Object::toString).orElse("?") + " value";
        }
        return "a value its codec can read";
    }

    private void putKey(Map<String, AttributeValue> key, Property property, @Nullable Object value, String role) {
        if (value == null) {
            throw Failures.modelValidation(type, property.name, "the " + role + " key is null; a key needs a"
                    + " value");
        }
        AttributeValue encoded = encode(property, value);
        String problem = withinKeyLimits(encoded) ? null : Limits.keyProblem(encoded, "partition".equals(role));
        if (problem != null) {
            throw Failures.modelValidation(type, property.name, "the " + role + " key " + problem);
        }
        key.put(property.attributeName, encoded);
    }

    /**
     * Whether a key value is surely within DynamoDB's key lengths, told without counting its bytes: a number, or a
     * string of 1 to 341 chars (a char takes 3 UTF-8 bytes at most, and the sort key allows 1024). Anything else is
     * measured by {@link Limits#keyProblem}.
     */
    private static boolean withinKeyLimits(AttributeValue value) {
        String text = value.s();
        if (text != null) {
            return !text.isEmpty() && text.length() <= Limits.MAX_SORT_KEY_BYTES / 3;
        }
        return value.n() != null;
    }

    private void checkAssignable(Property property, Object value) {
        if (!property.boxedType.isInstance(value)) {
            throw Failures.modelValidation(type, property.name, "a key value must be of type "
                    + property.type.getTypeName() + ", not " + describe(value));
        }
    }

    private static String describe(@Nullable Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }

    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }

    // ---------------------------------------------------------------- preparation (once per model)

    private static MethodHandle constructor(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw Failures.invalidModel(type, null, "is abstract; Dynamite instantiates models when it loads items,"
                    + " so a model needs to be a concrete class with a public no-arg constructor");
        }
        Constructor<?> noArg;
        try {
            noArg = type.getConstructor();
        } catch (NoSuchMethodException e) {
            boolean inner = type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
            throw Failures.invalidModel(type, null, "needs a public no-arg constructor, which Dynamite uses to"
                    + " create entities when it loads items; add one" + (inner
                    ? " (an inner class has none: declare the nested class static)" : ""));
        }
        MethodHandles.Lookup lookup = lookupIn(type, type);
        try {
            return lookup.unreflectConstructor(noArg).asType(CONSTRUCTOR);
        } catch (IllegalAccessException e) {
            throw refused(type, type, e);
        }
    }

    /** A generated model, which makes its instances; the processor has refused an abstract one. */
    private static GeneratedModel<?> checkConcrete(Class<?> type, GeneratedModel<?> generated) {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw Failures.invalidModel(type, null, "is abstract; Dynamite instantiates models when it loads items,"
                    + " so a model needs to be a concrete class with a public no-arg constructor");
        }
        return generated;
    }

    private static Property property(Class<?> model, @Nullable Records records, Member field,
                                     AttributeField attribute, boolean isKey, Codecs codecs, KeyTypeStrategy strategy) {
        Accessor accessor;
        if (records != null) {
            accessor = records.accessor(field.name());
        } else {
            if (field.isFinal()) {
                throw Failures.invalidModel(model, field.name(), "is final, but Dynamite assigns persisted"
                        + " fields when it loads an item; remove final, make the model a record or an immutable class"
                        + " (every field final, with a constructor that takes them all or a static builder()), or"
                        + " mark the field transient or @NonAttribute");
            }
            GeneratedField generated = field.generated();
            if (generated != null) {
                accessor = Accessor.generated(generated);
            } else {
                Field reflected = java.util.Objects.requireNonNull(field.field());
                MethodHandles.Lookup lookup = lookupIn(model, field.declaringClass());
                try {
                    accessor = Accessor.handles(lookup.unreflectGetter(reflected).asType(GETTER),
                            lookup.unreflectSetter(reflected).asType(SETTER));
                } catch (IllegalAccessException e) {
                    throw refused(model, field.declaringClass(), e);
                }
            }
        }
        if (isKey) {
            if (strategy.attributeType(field.type()).isEmpty()) {
                throw Failures.invalidModel(model, field.name(), "is a key field of type "
                        + field.type().getTypeName() + ", which key strategy '" + strategy.name()
                        + "' cannot store; use a String, number, byte[] or another type the strategy supports");
            }
            return Property.key(attribute.name(), attribute.attributeName(), field.type(), accessor, strategy);
        }
        AttributeCodec<Object> codec = codecs.codecFor(model, field);
        return Property.attribute(attribute.name(), attribute.attributeName(), field.type(), accessor, codec);
    }

    /** The persisted fields of a model and its superclasses by name (the metadata guarantees the names are unique). */
    public static Map<String, Member> persistedFields(Class<?> type) {
        Map<String, Member> fields = new HashMap<>();
        for (Member field : Members.of(type)) {
            if (!field.has(Marks.NON_ATTRIBUTE)) {
                fields.put(field.name(), field);
            }
        }
        return fields;
    }

    /**
     * A lookup with private access in {@code declaring}, a model class or one of its superclasses. This module is
     * first made to read the model's module (the user's module reads Dynamite, not the other way round); the model's
     * package must be open to this module.
     */
    public static MethodHandles.Lookup lookupIn(Class<?> model, Class<?> declaring) {
        Module core = EntityMapper.class.getModule();
        if (core.isNamed()) {
            core.addReads(declaring.getModule());
        }
        try {
            return MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw refused(model, declaring, e);
        }
    }

    private static RuntimeException refused(Class<?> model, Class<?> declaring, IllegalAccessException cause) {
        Module module = declaring.getModule();
        String pkg = declaring.getPackageName();
        String problem;
        if (module.isNamed()) {
            String line = "opens " + pkg + " to " + CORE_MODULE + ";";
            problem = "Dynamite cannot read and write the fields of " + declaring.getName() + " because module "
                    + module.getName() + " does not open package " + pkg + " to " + CORE_MODULE + "; add `" + line
                    + "` to module " + module.getName() + "'s module-info.java";
        } else {
            problem = "Dynamite cannot read and write the fields of " + declaring.getName() + " (in the unnamed module,"
                    + " on the class path): " + cause.getMessage() + "; put the model and Dynamite both on the class"
                    + " path, or move the model into a named module that opens " + pkg + " to " + CORE_MODULE;
        }
        return Failures.invalidModel(model, null, problem, cause);
    }
}
