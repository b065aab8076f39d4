package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.Get;
import dev.dynamite.annotation.Mutate;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.Set;
import dev.dynamite.annotation.UpdatedAt;
import dev.dynamite.annotation.Validate;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.core.internal.mapping.Draft;
import dev.dynamite.core.internal.mapping.EntityMapper;
import dev.dynamite.core.internal.mapping.Records;
import dev.dynamite.core.internal.mapping.ValueModels;
import dev.dynamite.core.internal.mapping.Accessor;
import dev.dynamite.meta.GeneratedField;
import dev.dynamite.meta.GeneratedHook;
import dev.dynamite.meta.GeneratedModel;
import dev.dynamite.meta.GeneratedModels;
import dev.dynamite.schema.AttributeField;
import dev.dynamite.schema.internal.members.Marks;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.schema.internal.members.Members;
import dev.dynamite.schema.EntityMetadata;
import dev.dynamite.schema.Relation;
import dev.dynamite.spi.Transform;
import dev.dynamite.spi.Validator;
import dev.dynamite.spi.ValueGenerator;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the data annotations and hooks of one model class ask for, prepared once per class: defaults (constants
 * already converted), transform, validator and generator instances, the managed fields ({@code @CreatedAt},
 * {@code @UpdatedAt}, {@code @DeleteAt}, {@code @Version}), hooks as method handles in declaration order, and getters
 * of the relation fields. Immutable and thread-safe; mistakes in the annotations fail here with
 * {@link InvalidModelException}.
 */
public final class ModelRules {
    private static final ClassValue<ModelRules> CACHE = new ClassValue<>() {
        @Override
        protected ModelRules computeValue(Class<?> type) {
            return new ModelRules(type);
        }
    };
    private static final Annotation[] NONE = {};
    private static final MethodType NO_ARG_HOOK = MethodType.methodType(void.class, Object.class);
    private static final MethodType CHANGES_HOOK = MethodType.methodType(void.class, Object.class, Map.class);
    private static final MethodType RELATION_GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType RELATION_SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    /** The fields Dynamite sets itself. */
    public enum Managed {
        NONE("no annotation"), CREATED("@CreatedAt"), UPDATED("@UpdatedAt"), DELETED("@DeleteAt"),
        VERSION("@Version");

        final String annotation;

        Managed(String annotation) {
            this.annotation = annotation;
        }
    }

    /** The hook kinds, in the annotation order of the SPEC. */
    public enum HookKind { BEFORE_CREATE, AFTER_CREATE, BEFORE_UPDATE, AFTER_UPDATE, BEFORE_DESTROY, AFTER_DESTROY }

    /**
     * One hook: the generated code's invoker, or a method handle found by reflection. A value model's hook sees the
     * record its draft stands for ({@code records} is set).
     */
    private record Hook(String name, @Nullable BiConsumer<Object, @Nullable Map<String, Object>> invoker,
                        @Nullable MethodHandle handle, boolean takesChanges, @Nullable Records records) {
        void run(Object entity, Map<String, Object> changes) throws Throwable {
            Object target = records == null ? entity : records.toRecord((Draft) entity);
            if (invoker != null) {
                invoker.accept(target, takesChanges ? changes : null);
            } else if (takesChanges) {
                Objects.requireNonNull(handle).invokeExact(target, (Map<?, ?>) changes);
            } else {
                Objects.requireNonNull(handle).invokeExact(target);
            }
        }
    }

    /** The rules of one persisted field. */
    public static final class FieldRule {
        public final String name;
        public final String attributeName;
        public final Class<?> type;
        public final Managed managed;
        public final boolean hasDefault;
        private final @Nullable Object constant;
        private final @Nullable ValueGenerator<?> generator;
        private final List<Named<Transform<Object>>> write;
        private final List<Named<Transform<Object>>> read;
        private final List<Named<Validator<Object>>> validators;
        private final @Nullable String notNull;

        private FieldRule(Class<?> model, Member field, AttributeField attribute, Managed managed) {
            this.name = attribute.name();
            this.attributeName = attribute.attributeName();
            this.type = field.type();
            this.managed = managed;
            Default dflt = field.has(Marks.DEFAULT) ? field.annotation(Default.class) : null;
            this.hasDefault = dflt != null;
            ValueGenerator<?> gen = null;
            Object value = null;
            if (dflt != null) {
                if (type.isPrimitive()) {
                    throw Failures.invalidModel(model, name, "@Default needs a field that can be null, but "
                            + type + " cannot; declare it " + Values.box(type).getSimpleName());
                }
                if (managed != Managed.NONE) {
                    throw Failures.invalidModel(model, name, "@Default cannot be combined with a field that"
                            + " Dynamite manages (" + managed.annotation + ")");
                }
                if (dflt.generator() != Default.None.class) {
                    if (!dflt.value().isEmpty()) {
                        throw Failures.invalidModel(model, name, "@Default gives both a value and a generator;"
                                + " keep one");
                    }
                    gen = (ValueGenerator<?>) instantiate(model, name, dflt.generator(), "generator");
                } else if (dflt.value().isEmpty() && type != String.class) {
                    throw Failures.invalidModel(model, name, "@Default needs a value or a generator for a field"
                            + " of type " + type.getSimpleName());
                } else {
                    try {
                        value = Values.coerce(dflt.value(), type);
                    } catch (IllegalArgumentException e) {
                        throw Failures.invalidModel(model, name, "@Default(\"" + dflt.value() + "\") cannot be"
                                + " used: " + e.getMessage());
                    }
                }
            }
            this.generator = gen;
            this.constant = value;
            List<Named<Transform<Object>>> writes = new ArrayList<>();
            for (Annotation annotation : field.has(Marks.SET | Marks.MUTATE) ? field.annotations() : NONE) {
                if (annotation instanceof Set set) {
                    transforms(model, field, set.value(), "@Set", writes);
                } else if (annotation instanceof Mutate mutate) {
                    transforms(model, field, mutate.value(), "@Mutate", writes);
                }
            }
            this.write = List.copyOf(writes);
            List<Named<Transform<Object>>> reads = new ArrayList<>();
            Get get = field.has(Marks.GET) ? field.annotation(Get.class) : null;
            if (get != null) {
                transforms(model, field, get.value(), "@Get", reads);
            }
            this.read = List.copyOf(reads);
            List<Named<Validator<Object>>> checks = new ArrayList<>();
            Validate validate = field.has(Marks.VALIDATE) ? field.annotation(Validate.class) : null;
            if (validate != null) {
                for (Class<? extends Validator<?>> v : validate.value()) {
                    checkTypeArgument(model, field, v, Validator.class, "@Validate");
                    @SuppressWarnings("unchecked")
                    Validator<Object> validator = (Validator<Object>) instantiate(model, name, v, "validator");
                    checks.add(new Named<>(v.getSimpleName(), validator));
                }
            }
            this.validators = List.copyOf(checks);
            NotNull notNull = field.has(Marks.NOT_NULL) ? field.annotation(NotNull.class) : null;
            this.notNull = notNull == null ? null : notNull.value();
            if ((!write.isEmpty() || !read.isEmpty() || !validators.isEmpty()) && managed != Managed.NONE) {
                throw Failures.invalidModel(model, name, "transforms and validators cannot be used on a field"
                        + " that Dynamite manages (" + managed.annotation + ")");
            }
        }

        boolean hasReadTransforms() {
            return !read.isEmpty();
        }

        public boolean hasWriteTransforms() {
            return !write.isEmpty();
        }

        /** The default value for a create, converted to the field's type; null if the field has no default. */
        public @Nullable Object defaultValue(Class<?> model) {
            if (generator == null) {
                return constant;
            }
            Object generated = generator.generate();
            try {
                return Values.coerce(generated, type);
            } catch (IllegalArgumentException e) {
                throw Failures.modelValidation(model, name, "generator " + generator.getClass().getSimpleName()
                        + " produced " + e.getMessage(), e);
            }
        }

        public @Nullable Object applyWrite(Class<?> model, @Nullable Object value) {
            return apply(model, write, value);
        }

        @Nullable Object applyRead(Class<?> model, @Nullable Object value) {
            return apply(model, read, value);
        }

        private @Nullable Object apply(Class<?> model, List<Named<Transform<Object>>> transforms,
                                       @Nullable Object value) {
            Object current = value;
            for (Named<Transform<Object>> transform : transforms) {
                if (current == null) {
                    return null;
                }
                try {
                    current = transform.value().apply(current);
                } catch (ClassCastException e) {
                    throw Failures.modelValidation(model, name, "transform " + transform.name() + " cannot take "
                            + Values.describe(current) + ": " + e.getMessage(), e);
                }
                if (current != null && !Values.box(type).isInstance(current)) {
                    throw Failures.modelValidation(model, name, "transform " + transform.name() + " returned "
                            + Values.describe(current) + ", which a field of type " + type.getSimpleName()
                            + " cannot hold");
                }
            }
            return current;
        }

        /** Checks {@code @NotNull} and the validators, in that order; the first failure throws. */
        public void validate(Class<?> model, @Nullable Object value) {
            if (notNull != null && (value == null || value instanceof CharSequence text && text.isEmpty())) {
                throw Failures.modelValidation(model, name, notNull);
            }
            if (value == null) {
                return;
            }
            for (Named<Validator<Object>> validator : validators) {
                Optional<String> problem;
                try {
                    problem = validator.value().validate(value);
                } catch (ClassCastException e) {
                    throw Failures.modelValidation(model, name, "validator " + validator.name() + " cannot take "
                            + Values.describe(value) + ": " + e.getMessage(), e);
                }
                if (problem.isPresent()) {
                    throw Failures.modelValidation(model, name, problem.get());
                }
            }
        }

        /** Converts an instant to this (timestamp) field's type. */
        public Object timestamp(Instant now) {
            return type == Instant.class ? now : Values.fromInstant(now, Values.box(type));
        }
    }

    record Named<V>(String name, V value) {
    }

    final Class<?> type;
    public final List<FieldRule> fields;
    private final Map<String, FieldRule> byName;
    public final @Nullable FieldRule createdAt;
    public final @Nullable FieldRule updatedAt;
    public final @Nullable FieldRule deleteAt;
    public final @Nullable FieldRule version;
    /** The hooks by kind; empty, with no kind, for a model that has none. */
    private final Map<HookKind, List<Hook>> hooks;
    private final Map<String, Accessor> relations;
    private final Map<String, Relation> relationInfo;

    private ModelRules(Class<?> type) {
        this.type = type;
        EntityMetadata metadata = EntityMetadata.of(type);
        Map<String, Member> persisted = EntityMapper.persistedFields(type);
        String partition = metadata.partitionKey().name();
        String sort = metadata.sortKey().isPresent() ? metadata.sortKey().get().name() : null;
        List<FieldRule> rules = new ArrayList<>();
        Map<String, FieldRule> named = new LinkedHashMap<>();
        FieldRule[] managed = new FieldRule[Managed.values().length];
        for (AttributeField attribute : metadata.attributes()) {
            Member field = persisted.get(attribute.name());
            Managed role = managedRole(type, field);
            if (role != Managed.NONE && (attribute.name().equals(partition) || attribute.name().equals(sort))) {
                throw Failures.invalidModel(type, attribute.name(), "a key field cannot be managed by Dynamite"
                        + " (@CreatedAt, @UpdatedAt, @DeleteAt, @Version)");
            }
            FieldRule rule = new FieldRule(type, field, attribute, role);
            if (role != Managed.NONE) {
                if (managed[role.ordinal()] != null) {
                    throw Failures.invalidModel(type, attribute.name(), "a model has at most one "
                            + role.annotation + " field, but " + managed[role.ordinal()].name + " has one too");
                }
                managed[role.ordinal()] = rule;
            }
            rules.add(rule);
            named.put(rule.name, rule);
        }
        this.fields = List.copyOf(rules);
        this.byName = Collections.unmodifiableMap(named);
        this.createdAt = managed[Managed.CREATED.ordinal()];
        this.updatedAt = managed[Managed.UPDATED.ordinal()];
        this.deleteAt = managed[Managed.DELETED.ordinal()];
        this.version = managed[Managed.VERSION.ordinal()];
        this.hooks = hooks(type);
        Map<String, Accessor> accessors = new LinkedHashMap<>();
        Map<String, Relation> info = new LinkedHashMap<>();
        for (Relation relation : metadata.relations()) {
            accessors.put(relation.field(), relationAccessor(type, relation.field()));
            info.put(relation.field(), relation);
        }
        this.relations = Collections.unmodifiableMap(accessors);
        this.relationInfo = Collections.unmodifiableMap(info);
    }

    static ModelRules of(Class<?> type) {
        return CACHE.get(type);
    }

    public @Nullable FieldRule field(String name) {
        return byName.get(name);
    }

    /** Whether the model declares any relation. */
    boolean hasRelations() {
        return !relations.isEmpty();
    }

    boolean isRelation(String field) {
        return relations.containsKey(field);
    }

    /** The relation declared on a field, or null. */
    public @Nullable Relation relation(String field) {
        return relationInfo.get(field);
    }

    /** Assigns a relation field: the loaded list, or the one related entity (or null). */
    public void setRelation(Object entity, String field, @Nullable Object value) {
        Objects.requireNonNull(relations.get(field), field).set(entity, value);
    }

    /** The relation fields that hold a value, by field name, in declaration order. */
    public Map<String, Object> relationValues(Object entity) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Accessor> relation : relations.entrySet()) {
            Object value = relation.getValue().get(entity);
            if (value != null) {
                values.put(relation.getKey(), value);
            }
        }
        return values;
    }

    public boolean hasHooks(HookKind kind) {
        return !hooks.getOrDefault(kind, List.of()).isEmpty();
    }

    /** Runs the hooks of one kind; {@code changes} is given to update hooks that take it. */
    public void runHooks(HookKind kind, Object entity, @Nullable Map<String, Object> changes) {
        for (Hook hook : hooks.getOrDefault(kind, List.of())) {
            try {
                hook.run(entity, changes == null ? Map.of() : changes);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw Failures.hook(type, hook.name(), e);
            }
        }
    }

    // ------------------------------------------------------------------ preparation

    private static Managed managedRole(Class<?> model, Member field) {
        Managed role = Managed.NONE;
        int count = 0;
        if (field.has(Marks.CREATED_AT)) {
            role = Managed.CREATED;
            count++;
        }
        if (field.has(Marks.UPDATED_AT)) {
            role = Managed.UPDATED;
            count++;
        }
        if (field.has(Marks.DELETE_AT)) {
            role = Managed.DELETED;
            count++;
        }
        if (field.has(Marks.VERSION)) {
            role = Managed.VERSION;
            count++;
        }
        if (count > 1) {
            throw Failures.invalidModel(model, field.name(), "carries more than one of @CreatedAt, @UpdatedAt,"
                    + " @DeleteAt and @Version; keep one");
        }
        Class<?> type = field.type();
        if (role == Managed.VERSION && type != long.class && type != Long.class) {
            throw Failures.invalidModel(model, field.name(), "@Version needs a long or Long field, not "
                    + type.getSimpleName());
        }
        if (role != Managed.NONE && role != Managed.VERSION && type != String.class && type != Instant.class
                && type != long.class && type != Long.class) {
            throw Failures.invalidModel(model, field.name(), role.annotation + " needs a String"
                    + " (ISO-8601 UTC), Instant or long (epoch milliseconds) field, not " + type.getSimpleName());
        }
        return role;
    }

    @SuppressWarnings("unchecked")
    private static void transforms(Class<?> model, Member field, Class<? extends Transform<?>>[] classes,
                                   String annotation, List<Named<Transform<Object>>> into) {
        for (Class<? extends Transform<?>> c : classes) {
            checkTypeArgument(model, field, c, Transform.class, annotation);
            into.add(new Named<>(c.getSimpleName(), (Transform<Object>) instantiate(model, field.name(), c,
                    annotation + " transform")));
        }
    }

    /** Refuses a transform or validator declared for a type the field's values are not, when its class says so. */
    private static void checkTypeArgument(Class<?> model, Member field, Class<?> implementation, Class<?> spi,
                                          String annotation) {
        Type argument = typeArgument(implementation, spi);
        if (argument instanceof Class<?> declared && !declared.isAssignableFrom(Values.box(field.type()))) {
            throw Failures.invalidModel(model, field.name(), annotation + " " + implementation.getSimpleName()
                    + " works on " + declared.getSimpleName() + ", but the field is a " + field.type()
                    .getSimpleName());
        }
    }

    private static @Nullable Type typeArgument(Class<?> implementation, Class<?> spi) {
        for (Class<?> c = implementation; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == spi) {
                    return parameterized.getActualTypeArguments()[0];
                }
            }
        }
        return null;
    }

    private static Object instantiate(Class<?> model, String field, Class<?> type, String role) {
        GeneratedModel<?> generated = GeneratedModels.find(model);
        if (generated != null) {
            // made by the generated code: the plugin's package need not be exported to Dynamite
            return generated.instantiate(type);
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            // one handler, told apart by instanceof: a handler per kind would have the verifier load each class
            throw notInstantiated(model, field, type, role, e);
        }
    }

    private static RuntimeException notInstantiated(Class<?> model, String field, Class<?> type, String role,
                                                    ReflectiveOperationException e) {
        if (e instanceof NoSuchMethodException) {
            return Failures.invalidModel(model, field, "the " + role + " " + type.getName() + " needs a public"
                    + " no-arg constructor");
        } else if (e instanceof IllegalAccessException) {
            return Failures.invalidModel(model, field, "Dynamite cannot instantiate the " + role + " "
                    + type.getName() + ": make it public and export or open its package " + type.getPackageName()
                    + " to dev.dynamite.core (" + e.getMessage() + ")", e);
        } else if (e instanceof InstantiationException) {
            return Failures.invalidModel(model, field, "the " + role + " " + type.getName() + " is abstract");
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return Failures.invalidModel(model, field, "the constructor of the " + role + " " + type.getName()
                + " threw " + cause, cause);
    }

    private static Map<HookKind, List<Hook>> hooks(Class<?> type) {
        GeneratedModel<?> generated = GeneratedModels.find(type);
        if (generated != null) {
            return generatedHooks(type, generated);
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && !EntityAccess.isBaseClass(c); c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        // an overridden hook runs once, where the subclass declares it (as JPA does)
        Map<String, Method> bySignature = new LinkedHashMap<>();
        List<Method> ordered = new ArrayList<>();
        for (Class<?> declaring : hierarchy) {
            for (Method method : DeclarationOrder.methods(declaring)) {
                if (hookKind(method) == null) {
                    continue;
                }
                String signature = method.getName() + List.of(method.getParameterTypes());
                Method overridden = Modifier.isPrivate(method.getModifiers()) ? null : bySignature.get(signature);
                if (overridden != null) {
                    ordered.remove(overridden);
                }
                if (!Modifier.isPrivate(method.getModifiers())) {
                    bySignature.put(signature, method);
                }
                ordered.add(method);
            }
        }
        if (ordered.isEmpty()) {
            return Map.of();   // no hook of any kind: a model read only never loads the kinds
        }
        Map<HookKind, List<Hook>> hooks = new java.util.EnumMap<>(HookKind.class);
        for (HookKind kind : HookKind.values()) {
            hooks.put(kind, new ArrayList<>());
        }
        for (Method method : ordered) {
            HookKind kind = Objects.requireNonNull(hookKind(method));
            hooks.get(kind).add(hook(type, method, kind));
        }
        for (Map.Entry<HookKind, List<Hook>> entry : hooks.entrySet()) {
            entry.setValue(List.copyOf(entry.getValue()));
        }
        return hooks;
    }

    private static @Nullable HookKind hookKind(Method method) {
        return hookKind(method.getDeclaringClass(), method.getName(), method.getDeclaredAnnotations());
    }

    /** The hook annotations' {@link Marks}, in {@link HookKind} order. */
    private static final int[] HOOK_MARKS = {Marks.BEFORE_CREATE, Marks.AFTER_CREATE, Marks.BEFORE_UPDATE,
        Marks.AFTER_UPDATE, Marks.BEFORE_DESTROY, Marks.AFTER_DESTROY};

    private static @Nullable HookKind hookKind(Class<?> declaring, String method, Annotation[] annotations) {
        HookKind kind = null;
        int count = 0;
        for (Annotation annotation : annotations) {
            int mark = Member.markOf(annotation);
            for (int index = 0; index < HOOK_MARKS.length; index++) {
                if (mark == HOOK_MARKS[index]) {
                    kind = HookKind.values()[index];
                    count++;
                }
            }
        }
        if (count > 1) {
            throw Failures.invalidModel(declaring, method + "()", "carries more than one hook annotation;"
                    + " declare one method per hook");
        }
        return kind;
    }

    /** The hooks of a generated model: its code calls them, in the order the processor found them. */
    private static Map<HookKind, List<Hook>> generatedHooks(Class<?> model, GeneratedModel<?> generated) {
        if (generated.hooks().isEmpty()) {
            return Map.of();   // no hook of any kind: a model read only never loads the kinds
        }
        Map<HookKind, List<Hook>> hooks = new java.util.EnumMap<>(HookKind.class);
        for (HookKind kind : HookKind.values()) {
            hooks.put(kind, new ArrayList<>());
        }
        for (GeneratedHook hook : generated.hooks()) {
            HookKind kind = hookKind(hook.declaringClass(), hook.name(), hook.annotations());
            if (kind == null) {
                continue;
            }
            boolean update = kind == HookKind.BEFORE_UPDATE || kind == HookKind.AFTER_UPDATE;
            Class<?>[] parameters = hook.parameterTypes();
            boolean takesChanges = parameters.length == 1 && parameters[0].isAssignableFrom(Map.class);
            if (parameters.length > 1 || parameters.length == 1 && !(update && takesChanges)) {
                throw Failures.invalidModel(model, hook.name() + "()", update
                        ? "an update hook takes no parameter or one Map<String, Object> of the changed fields"
                        : "a create or destroy hook takes no parameter");
            }
            hooks.get(kind).add(new Hook(hook.name(), hook.invoker(), null, takesChanges,
                    ValueModels.isValue(model) ? Records.of(model) : null));
        }
        for (Map.Entry<HookKind, List<Hook>> entry : hooks.entrySet()) {
            entry.setValue(List.copyOf(entry.getValue()));
        }
        return hooks;
    }

    private static Hook hook(Class<?> model, Method method, HookKind kind) {
        String where = method.getName() + "()";
        if (Modifier.isStatic(method.getModifiers())) {
            throw Failures.invalidModel(model, where, "a hook must be an instance method, not static");
        }
        boolean update = kind == HookKind.BEFORE_UPDATE || kind == HookKind.AFTER_UPDATE;
        Class<?>[] parameters = method.getParameterTypes();
        boolean takesChanges = parameters.length == 1 && parameters[0].isAssignableFrom(Map.class);
        if (parameters.length > 1 || parameters.length == 1 && !(update && takesChanges)) {
            throw Failures.invalidModel(model, where, update
                    ? "an update hook takes no parameter or one Map<String, Object> of the changed fields"
                    : "a create or destroy hook takes no parameter");
        }
        MethodHandles.Lookup lookup = EntityMapper.lookupIn(model, method.getDeclaringClass());
        try {
            // the runtime holds a record's entity as a draft: the hook sees the record it stands for
            MethodHandle handle = lookup.unreflect(method).asType(takesChanges ? CHANGES_HOOK : NO_ARG_HOOK);
            return new Hook(method.getName(), null, handle, takesChanges,
                    ValueModels.isValue(model) ? Records.of(model) : null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("private lookup refused " + method, e);
        }
    }

    /** The accessor of a relation field. */
    private static Accessor relationAccessor(Class<?> model, String name) {
        if (ValueModels.isValue(model)) {
            return Records.of(model).accessor(name);
        }
        if (GeneratedModels.find(model) != null) {
            for (Member member : Members.of(model)) {
                GeneratedField field = member.generated();
                if (member.name().equals(name) && field != null) {
                    return Accessor.generated(field);
                }
            }
        }
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                MethodHandles.Lookup lookup = EntityMapper.lookupIn(model, c);
                return Accessor.handles(lookup.unreflectGetter(field).asType(RELATION_GETTER),
                        lookup.unreflectSetter(field).asType(RELATION_SETTER));
            } catch (NoSuchFieldException e) {
                continue;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("private lookup refused " + name, e);
            }
        }
        throw new IllegalStateException("no relation field " + name + " in " + model.getName());
    }
}
