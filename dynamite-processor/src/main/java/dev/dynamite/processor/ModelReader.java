package dev.dynamite.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads one model from the compiler's element model, as the run time reads it from the class, and reports what the
 * run time would refuse with {@code InvalidModelException}: the same sentence, prefixed as that exception prefixes
 * it ({@code com.example.Order.total: }), as a compile error on the element at fault.
 */
final class ModelReader {
    private static final String A = "dev.dynamite.annotation.";
    private static final List<String> RELATIONS = List.of(A + "HasMany", A + "HasOne", A + "BelongsTo",
            A + "ManyToMany");
    private static final List<String> MANAGED = List.of(A + "CreatedAt", A + "UpdatedAt", A + "DeleteAt",
            A + "Version");
    private static final List<String> HOOKS = List.of(A + "BeforeCreate", A + "AfterCreate", A + "BeforeUpdate",
            A + "AfterUpdate", A + "BeforeDestroy", A + "AfterDestroy");
    /** The key types of the bundled key type strategies ({@code string} and {@code native} take the same ones). */
    private static final Set<String> KEY_TYPES = Set.of("java.lang.String", "java.util.UUID", "java.time.Instant",
            "java.time.LocalDate", "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.lang.Character",
            "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double",
            "java.lang.Float", "java.math.BigDecimal", "java.math.BigInteger");

    /**
     * One persisted field or record component.
     *
     * @param field the field (a record's component field)
     * @param name the Java name
     * @param attributeName the stored name
     * @param type the declared type
     */
    record Attribute(VariableElement field, String name, String attributeName, TypeMirror type) {
    }

    /**
     * A model without mistakes.
     *
     * @param type the model
     * @param attributes its persisted fields, superclass fields first, in declaration order
     * @param members every field that is neither static nor transient (relations and {@code @NonAttribute} ones
     *     too), in the same order
     * @param hooks its hook methods, superclass ones first, an overridden one where the subclass declares it
     * @param immutable whether it is a class (not a record) whose members are all final, made with a constructor
     *     that takes them all in order or with a builder
     */
    record Model(TypeElement type, List<Attribute> attributes, List<VariableElement> members,
                 List<ExecutableElement> hooks, boolean immutable) {
    }

    private final ProcessingEnvironment env;
    private final Elements elements;
    private final Types types;
    private final String strategy;
    private final Mirrors mirrors;
    private boolean failed;

    ModelReader(ProcessingEnvironment env, String strategy) {
        this.env = env;
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.strategy = strategy;
        this.mirrors = new Mirrors(env);
    }

    /** Reads a model, or reports its mistakes and returns null. */
    Model read(TypeElement model) {
        boolean record = model.getKind() == ElementKind.RECORD;
        if (model.getKind() != ElementKind.CLASS && !record) {
            error(model, model, null, "not registered as a model: a model must be a class");
            return null;
        }
        boolean immutable = !record && immutable(model);
        classChecks(model, record || immutable);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        Map<String, String> fieldByAttribute = new LinkedHashMap<>();
        Map<String, VariableElement> relations = new LinkedHashMap<>();
        Set<String> relationNames = new java.util.HashSet<>();
        Map<String, VariableElement> managed = new LinkedHashMap<>();
        VariableElement partition = null;
        VariableElement sort = null;
        List<VariableElement> members = new ArrayList<>();
        for (TypeElement declaring : mirrors.hierarchy(model)) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
                    continue;
                }
                members.add(field);
                String name = field.getSimpleName().toString();
                if (Mirrors.has(field, A + "NonAttribute")) {
                    checkNonAttribute(model, field);
                    continue;
                }
                if (attributes.containsKey(name) || relationNames.contains(name)) {
                    error(field, model, name, "declared twice in the class hierarchy ("
                            + elements.getBinaryName(declaring) + " hides an inherited field); rename one of them");
                    continue;
                }
                boolean isPartition = Mirrors.has(field, ModelProcessor.PRIMARY_KEY) || Mirrors.has(field, ModelProcessor.INDEX);
                boolean isSort = Mirrors.has(field, A + "IndexSort");
                List<AnnotationMirror> declared = new ArrayList<>();
                for (String relation : RELATIONS) {
                    AnnotationMirror mirror = Mirrors.mirror(field, relation);
                    if (mirror != null) {
                        declared.add(mirror);
                    }
                }
                if (!declared.isEmpty()) {
                    if (declared.size() > 1) {
                        error(field, model, name, "declares " + declared.size() + " relations; a field holds one"
                                + " relation");
                    } else if (isPartition || isSort || Mirrors.has(field, A + "Name")) {
                        error(field, model, name, "a relation field is not persisted, so it cannot be a key or"
                                + " carry @Name; put the key annotations on a plain field");
                    } else if (checkRelation(model, field, declared.get(0))) {
                        // the run time stops at a relation's first mistake: its localKey is checked when it has none
                        relations.put(name, field);
                    }
                    relationNames.add(name);
                    continue;
                }
                String attributeName = attributeName(model, field);
                Attribute attribute = new Attribute(field, name, attributeName, field.asType());
                String clash = fieldByAttribute.putIfAbsent(attributeName, name);
                if (clash != null) {
                    error(field, model, name, "attribute name '" + attributeName + "' is already used by field '"
                            + clash + "'; give one of them another @Name");
                }
                attributes.put(name, attribute);
                if (Mirrors.has(field, ModelProcessor.PRIMARY_KEY) && Mirrors.has(field, ModelProcessor.INDEX)) {
                    error(field, model, name, "annotated both @PrimaryKey and @Index; they mean the same (the"
                            + " partition key): keep one");
                }
                if (isPartition && isSort) {
                    error(field, model, name, "cannot be both the partition key (@PrimaryKey/@Index) and the sort"
                            + " key (@IndexSort)");
                }
                if (isPartition) {
                    if (partition != null) {
                        error(field, model, name, "second partition key: '" + partition.getSimpleName() + "' is"
                                + " already annotated @PrimaryKey/@Index, and a model has exactly one");
                    } else {
                        partition = field;
                    }
                }
                if (isSort && !isPartition) {
                    if (sort != null) {
                        error(field, model, name, "second sort key: '" + sort.getSimpleName() + "' is already"
                                + " annotated @IndexSort, and a model has at most one");
                    } else {
                        sort = field;
                    }
                }
                if (!record && !immutable && field.getModifiers().contains(Modifier.FINAL)) {
                    error(field, model, name, "is final, but Dynamite assigns persisted fields when it loads an"
                            + " item; remove final, make the model a record or an immutable class (every field"
                            + " final, with a constructor that takes them all or a static builder()), or mark the"
                            + " field transient or @NonAttribute");
                }
                if (isPartition || isSort) {
                    checkKeyType(model, field);
                }
                String role = managedRole(model, field);
                if (role != null) {
                    if (isPartition || isSort) {
                        error(field, model, name, "a key field cannot be managed by Dynamite (@CreatedAt,"
                                + " @UpdatedAt, @DeleteAt, @Version)");
                    }
                    VariableElement previous = managed.putIfAbsent(role, field);
                    if (previous != null) {
                        error(field, model, name, "a model has at most one " + role + " field, but "
                                + previous.getSimpleName() + " has one too");
                    }
                }
                checkDefault(model, field, role);
                checkPlugins(model, field, role);
            }
        }
        if (partition == null) {
            error(model, model, null, "not registered as a model: no field is annotated @PrimaryKey or @Index;"
                    + " annotate the field that holds the partition key");
        }
        for (Map.Entry<String, VariableElement> relation : relations.entrySet()) {
            AnnotationMirror mirror = relationMirror(relation.getValue());
            String localKey = mirrors.string(mirror, "localKey");
            if (mirror != null && !localKey.isBlank() && !attributes.containsKey(localKey)) {
                error(relation.getValue(), model, relation.getKey(), "localKey '" + localKey + "' is not a persisted"
                        + " field of " + model.getSimpleName());
            } else if (mirror != null) {
                checkJoin(model, relation.getValue(), mirror, attributes.get(localKey));
            }
        }
        List<ExecutableElement> hooks = checkHooks(model);
        return failed ? null : new Model(model, List.copyOf(attributes.values()), List.copyOf(members), hooks,
                immutable);
    }

    // ---------------------------------------------------------------- the checks

    /**
     * Whether a class is immutable as the run time reads it: every field that is neither static nor transient is
     * final, and a constructor takes them all, in declaration order (superclass fields first), or a builder does
     * ({@link BuilderMethods}).
     */
    private boolean immutable(TypeElement model) {
        List<VariableElement> fields = new ArrayList<>();
        for (TypeElement declaring : mirrors.hierarchy(model)) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
                    continue;
                }
                if (!modifiers.contains(Modifier.FINAL)) {
                    return false;
                }
                fields.add(field);
            }
        }
        if (fields.isEmpty()) {
            return false;
        }
        return allFieldsConstructor(model, fields, types) != null || BuilderMethods.find(model, fields, types) != null;
    }

    /** The constructor of a class that takes all its fields, in order, or null. */
    static ExecutableElement allFieldsConstructor(TypeElement model, List<VariableElement> fields, Types types) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(model.getEnclosedElements())) {
            List<? extends VariableElement> parameters = constructor.getParameters();
            boolean matches = parameters.size() == fields.size();
            for (int i = 0; matches && i < parameters.size(); i++) {
                matches = types.isSameType(types.erasure(parameters.get(i).asType()),
                        types.erasure(fields.get(i).asType()));
            }
            if (matches) {
                return constructor;
            }
        }
        return null;
    }

    /** The checks of the class itself; a value (a record or an immutable class) needs no no-arg constructor. */
    private void classChecks(TypeElement model, boolean record) {
        AnnotationMirror name = Mirrors.mirror(model, A + "Name");
        if (name != null && mirrors.string(name, "value").isBlank()) {
            error(model, model, null, "@Name on the class is blank; give the table name");
        }
        if (record) {
            return;
        }
        if (model.getModifiers().contains(Modifier.ABSTRACT)) {
            error(model, model, null, "is abstract; Dynamite instantiates models when it loads items, so a model"
                    + " needs to be a concrete class with a public no-arg constructor");
            return;
        }
        boolean noArg = false;
        for (ExecutableElement constructor : ElementFilter.constructorsIn(model.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
                noArg = true;
            }
        }
        boolean inner = model.getNestingKind() == NestingKind.MEMBER
                && !model.getModifiers().contains(Modifier.STATIC);
        if (!noArg || inner) {
            error(model, model, null, "needs a public no-arg constructor, which Dynamite uses to create entities"
                    + " when it loads items; add one" + (inner
                    ? " (an inner class has none: declare the nested class static)" : ""));
        }
    }

    private void checkNonAttribute(TypeElement model, VariableElement field) {
        String name = field.getSimpleName().toString();
        if (Mirrors.has(field, ModelProcessor.PRIMARY_KEY) || Mirrors.has(field, ModelProcessor.INDEX) || Mirrors.has(field, A + "IndexSort")) {
            error(field, model, name, "@NonAttribute marks a field that is not persisted, so it cannot be a key;"
                    + " remove @NonAttribute or the key annotation");
        } else if (Mirrors.has(field, A + "Name")) {
            error(field, model, name, "@NonAttribute marks a field that is not persisted, so @Name (an attribute"
                    + " name) has no meaning on it; remove one of them");
        } else if (RELATIONS.stream().anyMatch(relation -> Mirrors.has(field, relation))) {
            error(field, model, name, "a relation field is never persisted, and @NonAttribute would hide the"
                    + " relation; remove @NonAttribute");
        }
    }

    /** Checks a relation field; false if it has a mistake. */
    private boolean checkRelation(TypeElement model, VariableElement field, AnnotationMirror relation) {
        boolean wasFailed = failed;
        failed = false;
        String name = field.getSimpleName().toString();
        String annotation = "@" + relation.getAnnotationType().asElement().getSimpleName();
        boolean many = annotation.equals("@HasMany") || annotation.equals("@ManyToMany");
        TypeMirror target = (TypeMirror) mirrors.value(relation, "model");
        TypeMirror fieldType = types.erasure(field.asType());
        String targetName = types.asElement(target) == null ? target.toString()
                : types.asElement(target).getSimpleName().toString();
        TypeMirror list = types.erasure(elements.getTypeElement("java.util.List").asType());
        if (many && !types.isAssignable(list, fieldType)) {
            error(field, model, name, "a " + annotation + " field must be declared as List<" + targetName + ">, not "
                    + mirrors.simpleName(fieldType));
        } else if (!many && !types.isAssignable(types.erasure(target), fieldType)) {
            error(field, model, name, "a " + annotation + " field must have the related model's type " + targetName
                    + ", not " + mirrors.simpleName(fieldType));
        } else if (mirrors.string(relation, "foreignKey").isBlank() || mirrors.string(relation, "localKey").isBlank()) {
            error(field, model, name, annotation + " needs a non-blank foreignKey and localKey");
        } else if (annotation.equals("@ManyToMany") && (mirrors.string(relation, "pivotTable").isBlank()
                || mirrors.string(relation, "relatedKey").isBlank() || mirrors.string(relation, "relatedPK").isBlank())) {
            error(field, model, name, "@ManyToMany needs a non-blank pivotTable, relatedKey and relatedPK");
        } else if (annotation.equals("@ManyToMany")) {
            String foreignKey = mirrors.string(relation, "foreignKey");
            String relatedKey = mirrors.string(relation, "relatedKey");
            // the pivot table's own key is "id" (Schema.PIVOT_KEY)
            if (foreignKey.equals(relatedKey) || foreignKey.equals("id") || relatedKey.equals("id")) {
                error(field, model, name, "@ManyToMany foreignKey '" + foreignKey + "' and relatedKey '" + relatedKey
                        + "' must differ from each other and from the pivot table's key 'id'");
            }
        }
        if (!(types.asElement(target) instanceof TypeElement related)) {
            return finish(wasFailed);
        }
        boolean isModel = related.getKind() == ElementKind.CLASS || related.getKind() == ElementKind.RECORD;
        if (isModel) {
            isModel = false;
            for (TypeElement declaring : mirrors.hierarchy(related)) {
                for (VariableElement candidate : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                    if (!candidate.getModifiers().contains(Modifier.STATIC) && (Mirrors.has(candidate,
                            ModelProcessor.PRIMARY_KEY) || Mirrors.has(candidate, ModelProcessor.INDEX))) {
                        isModel = true;
                    }
                }
            }
        }
        if (!isModel) {
            // what the run time throws when it reads the related model
            error(field, related, null, "not registered as a model: no field is annotated @PrimaryKey or @Index;"
                    + " annotate the field that holds the partition key");
        }
        return finish(wasFailed);
    }

    /** Ends a check that started with {@code failed} cleared: true if it found nothing. */
    private boolean finish(boolean wasFailed) {
        boolean ok = !failed;
        failed = wasFailed || failed;
        return ok;
    }

    /**
     * Checks what a relation joins on the related model, as the run time's schema does: the related field exists
     * and its type can equal the local one.
     */
    private void checkJoin(TypeElement model, VariableElement field, AnnotationMirror relation, Attribute local) {
        if (!(types.asElement((TypeMirror) mirrors.value(relation, "model")) instanceof TypeElement related)) {
            return;
        }
        String kind = relation.getAnnotationType().asElement().getSimpleName().toString();
        String role = kind.equals("ManyToMany") ? "relatedPK" : "foreignKey";
        String name = mirrors.string(relation, role);
        Map<String, TypeMirror> persisted = persisted(related);
        TypeMirror other = persisted.get(name);
        String fieldName = field.getSimpleName().toString();
        if (other == null) {
            error(field, model, fieldName, role + " '" + name + "' is not a persisted field of "
                    + related.getSimpleName() + "; fields are: " + List.copyOf(persisted.keySet()));
            return;
        }
        if (kind.equals("ManyToMany")) {
            return;
        }
        TypeMirror a = mirrors.boxed(local.type());
        TypeMirror b = mirrors.boxed(other);
        TypeMirror number = elements.getTypeElement("java.lang.Number").asType();
        if (!types.isSameType(types.erasure(a), types.erasure(b))
                && !(types.isAssignable(a, number) && types.isAssignable(b, number))) {
            error(field, model, fieldName, "joins " + model.getSimpleName() + "." + local.name() + " ("
                    + mirrors.simpleName(local.type()) + ") with " + related.getSimpleName() + "." + name + " ("
                    + mirrors.simpleName(other) + "); the key fields a relation joins must have compatible types");
        }
    }

    /** The persisted fields of a model by name, as the run time reads them (relations and unpersisted ones left out). */
    private Map<String, TypeMirror> persisted(TypeElement model) {
        Map<String, TypeMirror> fields = new LinkedHashMap<>();
        for (TypeElement declaring : mirrors.hierarchy(model)) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)
                        || Mirrors.has(field, A + "NonAttribute") || relationMirror(field) != null) {
                    continue;
                }
                fields.putIfAbsent(field.getSimpleName().toString(), field.asType());
            }
        }
        return fields;
    }

    /**
     * Checks the plugin classes a field's annotations name, in the run time's order: the generator, the transforms,
     * the validators (a public no-arg constructor, not abstract), the codec; and that a managed field has none.
     */
    private void checkPlugins(TypeElement model, VariableElement field, String role) {
        String name = field.getSimpleName().toString();
        AnnotationMirror dflt = Mirrors.mirror(field, A + "Default");
        if (dflt != null && !mirrors.typeName((TypeMirror) mirrors.value(dflt, "generator")).equals(A + "Default$None")
                && !constructible(model, field, (TypeMirror) mirrors.value(dflt, "generator"), "generator")) {
            return;
        }
        boolean transformed = false;
        String transform = "dev.dynamite.spi.Transform";
        for (String[] plugin : new String[][] {{"Set", "@Set transform", transform},
            {"Mutate", "@Mutate transform", transform}, {"Get", "@Get transform", transform},
            {"Validate", "validator", "dev.dynamite.spi.Validator"}}) {
            AnnotationMirror mirror = Mirrors.mirror(field, A + plugin[0]);
            if (mirror == null) {
                continue;
            }
            transformed = true;
            for (Object item : (List<?>) mirrors.value(mirror, "value")) {
                TypeMirror type = (TypeMirror) ((AnnotationValue) item).getValue();
                if (!worksOn(model, field, type, plugin[2], "@" + plugin[0])
                        || !constructible(model, field, type, plugin[1])) {
                    return;
                }
            }
        }
        if (transformed && role != null) {
            error(field, model, name, "transforms and validators cannot be used on a field that Dynamite manages ("
                    + role + ")");
        }
        AnnotationMirror codec = Mirrors.mirror(field, A + "Codec");
        if (codec != null) {
            TypeMirror type = (TypeMirror) mirrors.value(codec, "value");
            TypeElement element = (TypeElement) types.asElement(type);
            String where = "@Codec(" + mirrors.typeName(type) + ".class)";
            if (!element.getModifiers().contains(Modifier.PUBLIC) || element.getModifiers().contains(Modifier.ABSTRACT)
                    || element.getKind() != ElementKind.CLASS) {
                error(field, model, name, where + " must name a public, non-abstract class with a public no-arg"
                        + " constructor");
            } else if (!publicNoArg(element)) {
                error(field, model, name, where + " has no public no-arg constructor; add one");
            }
        }
    }

    /**
     * Whether a transform or validator declared for a type ({@code Validator<BigDecimal>}) fits the field's values;
     * reports it as the run time words it when not.
     */
    private boolean worksOn(TypeElement model, VariableElement field, TypeMirror plugin, String spi,
                            String annotation) {
        TypeMirror declared = typeArgument(plugin, spi);
        if (declared == null || declared.getKind() != TypeKind.DECLARED
                || types.isAssignable(types.erasure(mirrors.boxed(field.asType())), types.erasure(declared))) {
            return true;
        }
        error(field, model, field.getSimpleName().toString(), annotation + " " + mirrors.simpleName(plugin) + " works on "
                + mirrors.simpleName(declared) + ", but the field is a " + mirrors.simpleName(field.asType()));
        return false;
    }

    /** The type argument a class gives an interface it implements directly, superclasses searched in turn. */
    private TypeMirror typeArgument(TypeMirror implementation, String spi) {
        for (TypeMirror c = implementation; c.getKind() == TypeKind.DECLARED; ) {
            TypeElement element = (TypeElement) types.asElement(c);
            for (TypeMirror implemented : element.getInterfaces()) {
                if (implemented instanceof DeclaredType type && ((TypeElement) type.asElement()).getQualifiedName()
                        .contentEquals(spi)) {
                    return type.getTypeArguments().isEmpty() ? null : type.getTypeArguments().get(0);
                }
            }
            c = element.getSuperclass();
        }
        return null;
    }

    /** Whether Dynamite can make a plugin class; reports it as the run time words it when not. */
    private boolean constructible(TypeElement model, VariableElement field, TypeMirror plugin, String role) {
        TypeElement element = (TypeElement) types.asElement(plugin);
        String problem = null;
        if (!publicNoArg(element)) {
            problem = "the " + role + " " + mirrors.typeName(plugin) + " needs a public no-arg constructor";
        } else if (element.getModifiers().contains(Modifier.ABSTRACT)) {
            problem = "the " + role + " " + mirrors.typeName(plugin) + " is abstract";
        }
        if (problem != null) {
            error(field, model, field.getSimpleName().toString(), problem);
        }
        return problem == null;
    }

    private boolean publicNoArg(TypeElement type) {
        if (type.getKind() == ElementKind.INTERFACE) {
            return false;
        }
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
                return true;
            }
        }
        return false;
    }

    private void checkKeyType(TypeElement model, VariableElement field) {
        if (!strategy.equals("string") && !strategy.equals("native")) {
            // a strategy of the application's: only the run time knows what it stores
            return;
        }
        TypeMirror type = field.asType();
        boolean stored = switch (type.getKind()) {
            case INT, LONG, SHORT, BYTE, DOUBLE, FLOAT, CHAR -> true;
            case ARRAY -> ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
            case DECLARED -> {
                TypeElement element = (TypeElement) types.asElement(type);
                yield KEY_TYPES.contains(element.getQualifiedName().toString())
                        || element.getKind() == ElementKind.ENUM;
            }
            default -> false;
        };
        if (!stored) {
            error(field, model, field.getSimpleName().toString(), "is a key field of type " + mirrors.typeName(type)
                    + ", which key strategy '" + strategy + "' cannot store; use a String, number, byte[] or another"
                    + " type the strategy supports");
        }
    }

    /** The annotation of a field's managed role ({@code @Version}, …), or null; refuses a role on a wrong type. */
    private String managedRole(TypeElement model, VariableElement field) {
        String name = field.getSimpleName().toString();
        List<String> roles = new ArrayList<>();
        for (String annotation : MANAGED) {
            if (Mirrors.has(field, annotation)) {
                roles.add("@" + annotation.substring(A.length()));
            }
        }
        if (roles.isEmpty()) {
            return null;
        }
        if (roles.size() > 1) {
            error(field, model, name, "carries more than one of @CreatedAt, @UpdatedAt, @DeleteAt and @Version;"
                    + " keep one");
            return null;
        }
        String role = roles.get(0);
        String type = mirrors.typeName(field.asType());
        boolean isLong = type.equals("long") || type.equals("java.lang.Long");
        if (role.equals("@Version") && !isLong) {
            error(field, model, name, "@Version needs a long or Long field, not " + mirrors.simpleName(field.asType()));
        } else if (!role.equals("@Version") && !isLong && !type.equals("java.lang.String")
                && !type.equals("java.time.Instant")) {
            error(field, model, name, role + " needs a String (ISO-8601 UTC), Instant or long (epoch milliseconds)"
                    + " field, not " + mirrors.simpleName(field.asType()));
        }
        return role;
    }

    private void checkDefault(TypeElement model, VariableElement field, String role) {
        AnnotationMirror dflt = Mirrors.mirror(field, A + "Default");
        if (dflt == null) {
            return;
        }
        String name = field.getSimpleName().toString();
        TypeMirror type = field.asType();
        TypeMirror generator = (TypeMirror) mirrors.value(dflt, "generator");
        boolean hasGenerator = !mirrors.typeName(generator).equals(A + "Default$None");
        String value = mirrors.string(dflt, "value");
        if (type.getKind().isPrimitive()) {
            error(field, model, name, "@Default needs a field that can be null, but " + type + " cannot; declare it "
                    + types.boxedClass((javax.lang.model.type.PrimitiveType) type).getSimpleName());
        } else if (role != null) {
            error(field, model, name, "@Default cannot be combined with a field that Dynamite manages (" + role
                    + ")");
        } else if (hasGenerator && !value.isEmpty()) {
            error(field, model, name, "@Default gives both a value and a generator; keep one");
        } else if (!hasGenerator && value.isEmpty() && !mirrors.typeName(type).equals("java.lang.String")) {
            error(field, model, name, "@Default needs a value or a generator for a field of type "
                    + mirrors.simpleName(type));
        }
    }

    /** Checks the hooks; returns them, an overridden one once, where the subclass declares it (as the run time). */
    private List<ExecutableElement> checkHooks(TypeElement model) {
        Map<String, ExecutableElement> bySignature = new LinkedHashMap<>();
        List<ExecutableElement> ordered = new ArrayList<>();
        for (TypeElement declaring : mirrors.hierarchy(model)) {
            for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
                List<String> kinds = new ArrayList<>();
                for (String hook : HOOKS) {
                    if (Mirrors.has(method, hook)) {
                        kinds.add(hook);
                    }
                }
                if (kinds.isEmpty()) {
                    continue;
                }
                String where = method.getSimpleName() + "()";
                if (kinds.size() > 1) {
                    error(method, declaring, where, "carries more than one hook annotation; declare one method per"
                            + " hook");
                    continue;
                }
                if (method.getModifiers().contains(Modifier.STATIC)) {
                    error(method, model, where, "a hook must be an instance method, not static");
                    continue;
                }
                boolean update = kinds.get(0).endsWith("Update");
                int parameters = method.getParameters().size();
                boolean takesChanges = parameters == 1 && types.isAssignable(types.erasure(elements
                        .getTypeElement("java.util.Map").asType()), types.erasure(method.getParameters().get(0)
                        .asType()));
                if (parameters > 1 || parameters == 1 && !(update && takesChanges)) {
                    error(method, model, where, update
                            ? "an update hook takes no parameter or one Map<String, Object> of the changed fields"
                            : "a create or destroy hook takes no parameter");
                }
                List<String> erased = new ArrayList<>();
                method.getParameters().forEach(p -> erased.add(types.erasure(p.asType()).toString()));
                String signature = method.getSimpleName() + erased.toString();
                boolean isPrivate = method.getModifiers().contains(Modifier.PRIVATE);
                ExecutableElement overridden = isPrivate ? null : bySignature.get(signature);
                if (overridden != null) {
                    ordered.remove(overridden);
                }
                if (!isPrivate) {
                    bySignature.put(signature, method);
                }
                ordered.add(method);
            }
        }
        return List.copyOf(ordered);
    }

    private String attributeName(TypeElement model, VariableElement field) {
        AnnotationMirror name = Mirrors.mirror(field, A + "Name");
        if (name == null) {
            return field.getSimpleName().toString();
        }
        String value = mirrors.string(name, "value");
        if (value.isBlank()) {
            error(field, model, field.getSimpleName().toString(), "@Name is blank; give the attribute name");
        }
        return value;
    }

    // ---------------------------------------------------------------- element helpers

    private AnnotationMirror relationMirror(Element field) {
        for (String relation : RELATIONS) {
            AnnotationMirror mirror = Mirrors.mirror(field, relation);
            if (mirror != null) {
                return mirror;
            }
        }
        return null;
    }

    /** Reports a mistake as {@code InvalidModelException} words it: the model's binary name, the field, the problem. */
    private void error(Element at, TypeElement model, String field, String problem) {
        failed = true;
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, elements.getBinaryName(model)
                + (field == null ? "" : "." + field) + ": " + problem, at);
    }
}
