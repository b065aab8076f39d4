package dev.dynamite.schema;

import dev.dynamite.schema.internal.Failures;
import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.HasOne;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.ManyToMany;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NonAttribute;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelNotRegisteredException;
import dev.dynamite.schema.internal.Inflector;
import dev.dynamite.schema.internal.members.Marks;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.schema.internal.members.Members;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What Dynamite knows about one model class: its table name, keys, persisted attributes and relations.
 *
 * <p>Read once per class from its annotations and cached; {@link #of(Class)} is cheap after the first call and
 * thread-safe. Fields of the class and its superclasses are read, superclass fields first; {@code static},
 * {@code transient}, {@code @NonAttribute} and relation fields are not persisted.
 *
 * <pre>{@code
 * EntityMetadata meta = EntityMetadata.of(User.class);
 * meta.tableName();            // "users"
 * meta.partitionKey().name();  // "id"
 * }</pre>
 */
public final class EntityMetadata {
    private static final ClassValue<EntityMetadata> CACHE = new ClassValue<>() {
        @Override
        protected EntityMetadata computeValue(Class<?> type) {
            return read(type);
        }
    };

    private final Class<?> type;
    private final String tableName;
    private final AttributeField partitionKey;
    private final @Nullable AttributeField sortKey;
    private final Map<String, AttributeField> attributes;
    private final List<Relation> relations;

    private EntityMetadata(Class<?> type, String tableName, AttributeField partitionKey,
                           @Nullable AttributeField sortKey, Map<String, AttributeField> attributes,
                           List<Relation> relations) {
        this.type = type;
        this.tableName = tableName;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.attributes = attributes;
        this.relations = relations;
    }

    /**
     * Returns the metadata of a model class, reading it on first use.
     *
     * @param type the model class
     * @return its metadata
     * @throws ModelNotRegisteredException if no field is annotated {@code @PrimaryKey} or {@code @Index}
     * @throws InvalidModelException if the annotations contradict each other (two partition keys, two sort keys, two
     *     fields with one attribute name, a relation on a field of the wrong type, a blank name, a
     *     {@code @NonAttribute} field that is a key, carries {@code @Name} or holds a relation, …)
     */
    public static EntityMetadata of(Class<?> type) {
        return CACHE.get(type);
    }

    /**
     * Returns the model class.
     *
     * @return the class this metadata describes
     */
    public Class<?> type() {
        return type;
    }

    /**
     * Returns the table name, without any configured prefix.
     *
     * @return {@code @Name} of the class, else the snake_case plural of its simple name
     */
    public String tableName() {
        return tableName;
    }

    /**
     * Returns the partition key field.
     *
     * @return the field annotated {@code @PrimaryKey} or {@code @Index}
     */
    public AttributeField partitionKey() {
        return partitionKey;
    }

    /**
     * Returns the sort key field, if the model has one.
     *
     * @return the field annotated {@code @IndexSort}, or empty
     */
    public Optional<AttributeField> sortKey() {
        return Optional.ofNullable(sortKey);
    }

    /**
     * Returns every persisted field, superclass fields first, in declaration order.
     *
     * @return the persisted fields, keys included
     */
    public List<AttributeField> attributes() {
        return List.copyOf(attributes.values());
    }

    /**
     * Returns the persisted field with a Java name.
     *
     * @param fieldName the Java field name
     * @return the field, or empty if the model persists no field of that name
     */
    public Optional<AttributeField> attribute(String fieldName) {
        return Optional.ofNullable(attributes.get(fieldName));
    }

    /**
     * Returns the relations declared on the model's fields, in declaration order.
     *
     * @return the relations
     */
    public List<Relation> relations() {
        return relations;
    }

    @Override
    public String toString() {
        return "EntityMetadata[" + type.getName() + " → " + tableName + "]";
    }

    private static EntityMetadata read(Class<?> type) {
        if (type.isInterface() || type.isPrimitive() || type.isArray() || type.isEnum() || type.isAnnotation()) {
            throw Failures.modelNotRegistered(type, "a model must be a class");
        }
        Map<String, AttributeField> attributes = new LinkedHashMap<>();
        Map<String, String> fieldByAttribute = new LinkedHashMap<>();
        List<Relation> relations = new ArrayList<>();
        AttributeField partitionKey = null;
        AttributeField sortKey = null;
        for (Member field : Members.of(type)) {
            Class<?> declaring = field.declaringClass();
            String name = field.name();
            if (field.has(Marks.NON_ATTRIBUTE)) {
                checkNonAttribute(type, field);
                continue;
            }
            if (attributes.containsKey(name) || isRelation(relations, name)) {
                throw Failures.invalidModel(type, name, "declared twice in the class hierarchy ("
                        + declaring.getName() + " hides an inherited field); rename one of them");
            }
            Relation relation = relation(type, field);
            boolean isPartition = field.has(Marks.PRIMARY_KEY) || field.has(Marks.INDEX);
            boolean isSort = field.has(Marks.INDEX_SORT);
            if (relation != null) {
                if (isPartition || isSort || field.has(Marks.NAME)) {
                    throw Failures.invalidModel(type, name, "a relation field is not persisted, so it cannot"
                            + " be a key or carry @Name; put the key annotations on a plain field");
                }
                relations.add(relation);
                continue;
            }
            AttributeField attribute = new AttributeField(name, attributeName(type, field), field.type());
            String clash = fieldByAttribute.putIfAbsent(attribute.attributeName(), name);
            if (clash != null) {
                throw Failures.invalidModel(type, name, "attribute name '" + attribute.attributeName()
                        + "' is already used by field '" + clash + "'; give one of them another @Name");
            }
            attributes.put(name, attribute);
            if (field.has(Marks.PRIMARY_KEY) && field.has(Marks.INDEX)) {
                throw Failures.invalidModel(type, name, "annotated both @PrimaryKey and @Index; they mean the"
                        + " same (the partition key): keep one");
            }
            if (isPartition && isSort) {
                throw Failures.invalidModel(type, name, "cannot be both the partition key (@PrimaryKey/@Index)"
                        + " and the sort key (@IndexSort)");
            }
            if (isPartition) {
                if (partitionKey != null) {
                    throw Failures.invalidModel(type, name, "second partition key: '" + partitionKey.name()
                            + "' is already annotated @PrimaryKey/@Index, and a model has exactly one");
                }
                partitionKey = attribute;
            }
            if (isSort) {
                if (sortKey != null) {
                    throw Failures.invalidModel(type, name, "second sort key: '" + sortKey.name()
                            + "' is already annotated @IndexSort, and a model has at most one");
                }
                sortKey = attribute;
            }
        }
        if (partitionKey == null) {
            throw Failures.modelNotRegistered(type, "no field is annotated @PrimaryKey or @Index;"
                    + " annotate the field that holds the partition key");
        }
        for (Relation relation : relations) {
            if (!attributes.containsKey(relation.localKey())) {
                throw Failures.invalidModel(type, relation.field(), "localKey '" + relation.localKey()
                        + "' is not a persisted field of " + type.getSimpleName());
            }
        }
        return new EntityMetadata(type, tableName(type), partitionKey, sortKey,
                java.util.Collections.unmodifiableMap(attributes), List.copyOf(relations));
    }

    private static boolean isRelation(List<Relation> relations, String field) {
        for (Relation relation : relations) {
            if (relation.field().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static void checkNonAttribute(Class<?> model, Member field) {
        if (field.has(Marks.KEY)) {
            throw Failures.invalidModel(model, field.name(), "@NonAttribute marks a field that is not"
                    + " persisted, so it cannot be a key; remove @NonAttribute or the key annotation");
        }
        if (field.has(Marks.NAME)) {
            throw Failures.invalidModel(model, field.name(), "@NonAttribute marks a field that is not"
                    + " persisted, so @Name (an attribute name) has no meaning on it; remove one of them");
        }
        if (field.has(Marks.RELATION)) {
            throw Failures.invalidModel(model, field.name(), "a relation field is never persisted, and"
                    + " @NonAttribute would hide the relation; remove @NonAttribute");
        }
    }

    private static String tableName(Class<?> type) {
        Name name = Members.annotation(type, Name.class);
        if (name == null) {
            return Inflector.tableName(type.getSimpleName());
        }
        if (name.value().isBlank()) {
            throw Failures.invalidModel(type, null, "@Name on the class is blank; give the table name");
        }
        return name.value();
    }

    private static String attributeName(Class<?> model, Member field) {
        Name name = field.has(Marks.NAME) ? field.annotation(Name.class) : null;
        if (name == null) {
            return field.name();
        }
        if (name.value().isBlank()) {
            throw Failures.invalidModel(model, field.name(), "@Name is blank; give the attribute name");
        }
        return name.value();
    }

    private static @Nullable Relation relation(Class<?> model, Member field) {
        if (!field.has(Marks.RELATION)) {
            return null;
        }
        List<Relation> found = new ArrayList<>(1);
        HasMany hasMany = field.has(Marks.HAS_MANY) ? field.annotation(HasMany.class) : null;
        if (hasMany != null) {
            found.add(new Relation(RelationKind.HAS_MANY, field.name(), hasMany.model(), hasMany.foreignKey(),
                    hasMany.localKey(), null, null, null));
        }
        HasOne hasOne = field.has(Marks.HAS_ONE) ? field.annotation(HasOne.class) : null;
        if (hasOne != null) {
            found.add(new Relation(RelationKind.HAS_ONE, field.name(), hasOne.model(), hasOne.foreignKey(),
                    hasOne.localKey(), null, null, null));
        }
        BelongsTo belongsTo = field.has(Marks.BELONGS_TO) ? field.annotation(BelongsTo.class) : null;
        if (belongsTo != null) {
            found.add(new Relation(RelationKind.BELONGS_TO, field.name(), belongsTo.model(),
                    belongsTo.foreignKey(), belongsTo.localKey(), null, null, null));
        }
        ManyToMany manyToMany = field.has(Marks.MANY_TO_MANY) ? field.annotation(ManyToMany.class) : null;
        if (manyToMany != null) {
            found.add(new Relation(RelationKind.MANY_TO_MANY, field.name(), manyToMany.model(),
                    manyToMany.foreignKey(), manyToMany.localKey(), manyToMany.pivotTable(),
                    manyToMany.relatedKey(), manyToMany.relatedPK()));
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw Failures.invalidModel(model, field.name(), "declares " + found.size()
                    + " relations; a field holds one relation");
        }
        Relation relation = found.get(0);
        checkRelation(model, field, relation);
        return relation;
    }

    private static void checkRelation(Class<?> model, Member field, Relation r) {
        String name = field.name();
        boolean many = r.kind() == RelationKind.HAS_MANY || r.kind() == RelationKind.MANY_TO_MANY;
        if (many && !field.type().isAssignableFrom(List.class)) {
            throw Failures.invalidModel(model, name, "a " + annotation(r.kind()) + " field must be declared as"
                    + " List<" + r.model().getSimpleName() + ">, not " + field.type().getSimpleName());
        }
        if (!many && !field.type().isAssignableFrom(r.model())) {
            throw Failures.invalidModel(model, name, "a " + annotation(r.kind()) + " field must have the related"
                    + " model's type " + r.model().getSimpleName() + ", not " + field.type().getSimpleName());
        }
        if (r.foreignKey().isBlank() || r.localKey().isBlank()) {
            throw Failures.invalidModel(model, name, annotation(r.kind()) + " needs a non-blank foreignKey and"
                    + " localKey");
        }
        if (r.kind() == RelationKind.MANY_TO_MANY) {
            if (r.pivotTable() == null || r.pivotTable().isBlank() || r.relatedKey() == null
                    || r.relatedKey().isBlank() || r.relatedPK() == null || r.relatedPK().isBlank()) {
                throw Failures.invalidModel(model, name, "@ManyToMany needs a non-blank pivotTable, relatedKey"
                        + " and relatedPK");
            }
            if (r.foreignKey().equals(r.relatedKey()) || r.foreignKey().equals(Schema.PIVOT_KEY)
                    || r.relatedKey().equals(Schema.PIVOT_KEY)) {
                throw Failures.invalidModel(model, name, "@ManyToMany foreignKey '" + r.foreignKey()
                        + "' and relatedKey '" + r.relatedKey() + "' must differ from each other and from the"
                        + " pivot table's key '" + Schema.PIVOT_KEY + "'");
            }
        }
    }

    private static String annotation(RelationKind kind) {
        return switch (kind) {
            case HAS_MANY -> "@HasMany";
            case HAS_ONE -> "@HasOne";
            case BELONGS_TO -> "@BelongsTo";
            case MANY_TO_MANY -> "@ManyToMany";
        };
    }
}
