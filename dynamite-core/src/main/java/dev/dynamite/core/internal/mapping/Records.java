package dev.dynamite.core.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import dev.dynamite.meta.GeneratedField;
import dev.dynamite.meta.GeneratedModel;
import dev.dynamite.meta.GeneratedModels;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.schema.internal.members.Members;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the runtime handles one record model: its components by slot, {@link Accessor}s of a {@link Draft}'s slots, and
 * the conversions between a record and its draft, by the canonical constructor and the component accessors (the
 * generated code's for a generated model, method handles otherwise). Built once per record class; immutable and
 * thread-safe.
 */
public final class Records {
    private static final ClassValue<Records> CACHE = new ClassValue<>() {
        @Override
        protected Records computeValue(Class<?> type) {
            return new Records(type);
        }
    };

    private final Class<?> type;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Class<?>[] componentTypes;
    /** The generated description, which reads the components and calls the constructor; null for a reflected one. */
    private final @Nullable GeneratedModel<?> generated;
    /** The canonical constructor {@code (Object[])Object} of a reflected model. */
    private final @Nullable MethodHandle constructor;
    /** The component accessors: generated ones, or (for a reflected model) handles {@code (Object)Object}. */
    private final Accessor @Nullable [] generatedAccessors;
    private final MethodHandle @Nullable [] accessors;
    /** What makes the values, for messages: the canonical constructor, the all-fields constructor or the builder. */
    private final String maker;

    private Records(Class<?> type) {
        this.type = type;
        this.generated = GeneratedModels.find(type);
        // a reflected immutable class without an all-fields constructor is made through its builder
        boolean builder = !type.isRecord() && generated == null
                && !ValueModels.hasConstructor(type, ValueModels.types(Members.of(type)));
        this.maker = type.isRecord() ? "the canonical constructor" : generated != null ? "the constructor or builder"
                : builder ? "the builder" : "the all-fields constructor";
        if (generated != null) {
            // compiled with the processor: its code reads the components and calls the canonical constructor
            List<GeneratedField> fields = generated.fields();
            this.componentTypes = new Class<?>[fields.size()];
            this.generatedAccessors = new Accessor[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                slots.put(fields.get(i).name(), i);
                componentTypes[i] = fields.get(i).type();
                generatedAccessors[i] = Accessor.generated(fields.get(i));
            }
            this.constructor = null;
            this.accessors = null;
            return;
        }
        this.generatedAccessors = null;
        if (!type.isRecord()) {
            // an immutable class: its final fields, in order, are what its all-fields constructor or builder takes
            List<Member> fields = Members.of(type);
            this.componentTypes = new Class<?>[fields.size()];
            this.accessors = new MethodHandle[fields.size()];
            MethodHandles.Lookup lookup = EntityMapper.lookupIn(type, type);
            try {
                for (int i = 0; i < fields.size(); i++) {
                    Member field = fields.get(i);
                    slots.put(field.name(), i);
                    componentTypes[i] = field.type();
                    accessors[i] = EntityMapper.lookupIn(type, field.declaringClass())
                            .unreflectGetter(Objects.requireNonNull(field.field()))
                            .asType(MethodType.methodType(Object.class, Object.class));
                }
                if (!builder) {
                    this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, componentTypes))
                            .asSpreader(Object[].class, fields.size())
                            .asType(MethodType.methodType(Object.class, Object[].class));
                } else {
                    this.constructor = ModelBuilder.of(type, fields).handle();
                }
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("cannot use the all-fields constructor or the builder of "
                        + type.getName(), e);
            }
            return;
        }
        RecordComponent[] components = type.getRecordComponents();
        this.componentTypes = new Class<?>[components.length];
        this.accessors = new MethodHandle[components.length];
        MethodHandles.Lookup lookup = EntityMapper.lookupIn(type, type);
        try {
            for (int i = 0; i < components.length; i++) {
                slots.put(components[i].getName(), i);
                componentTypes[i] = components[i].getType();
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            }
            this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, componentTypes))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot use the canonical constructor of " + type.getName(), e);
        }
    }

    /**
     * Returns the handling of a value model: a record, or an immutable class (see {@link ValueModels#isValue}).
     *
     * @param type a value model class
     * @return its handling, the same instance on every call
     */
    public static Records of(Class<?> type) {
        if (!ValueModels.isValue(type)) {
            throw new IllegalArgumentException(type.getName() + " is neither a record nor an immutable class");
        }
        return CACHE.get(type);
    }

    /** The slot of a component. */
    int slot(String component) {
        return Objects.requireNonNull(slots.get(component), component);
    }

    /**
     * Returns the accessor of one component's slot of a draft.
     *
     * @param component the component name
     * @return the accessor
     */
    public Accessor accessor(String component) {
        return Accessor.slot(slot(component));
    }

    /** A draft whose slots hold what a record component holds when nothing is given: null, zero or false. */
    Draft empty() {
        Object[] values = new Object[componentTypes.length];
        for (int i = 0; i < values.length; i++) {
            if (componentTypes[i].isPrimitive()) {
                values[i] = Primitives.zero(componentTypes[i]);
            }
        }
        return new Draft(type, values);
    }

    /**
     * Returns the draft of a record: its component values.
     *
     * @param record an instance of this record class
     * @return a new draft
     */
    public Draft toDraft(Object record) {
        type.cast(record);   // refuses another class's instance before any accessor runs
        Object[] values = new Object[componentTypes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = generatedAccessors != null ? generatedAccessors[i].get(record)
                    : invoke(Objects.requireNonNull(accessors)[i], record);
        }
        return new Draft(type, values);
    }

    /**
     * Returns the record a draft holds, made with the canonical constructor.
     *
     * @param draft a draft of this record class
     * @return a new record
     * @throws IllegalArgumentException naming the record if its constructor refuses the values
     */
    public Object toRecord(Draft draft) {
        if (draft.model() != type) {
            throw new IllegalArgumentException("a draft of " + draft.model().getName() + ", not " + type.getName());
        }
        Object[] values = draft.slots.clone();
        try {
            return generated != null ? generated.construct(values)
                    : (Object) Objects.requireNonNull(constructor).invokeExact(values);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(maker + " of " + type.getName() + " refused the"
                    + " values " + java.util.Arrays.toString(values) + ": " + e, e);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(maker + " of " + type.getName() + " threw " + e, e);
        }
    }

    private static @Nullable Object invoke(MethodHandle accessor, Object record) {
        try {
            return (Object) accessor.invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("a record accessor threw " + e, e);
        }
    }
}
