package dev.dynamite.core.internal.mapping;

import dev.dynamite.meta.GeneratedField;
import dev.dynamite.meta.GeneratedHook;
import dev.dynamite.meta.GeneratedModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The accessors of a generated model as method handles of the mapper's erased types: each is a handle of one of the
 * JDK interfaces the generated code implements, bound to that code; nothing is looked up on the model class.
 */
public final class Generated {
    private static final MethodHandle APPLY;
    private static final MethodHandle ACCEPT;
    private static final MethodHandle NEW_INSTANCE;
    private static final MethodHandle CONSTRUCT;

    static {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            APPLY = lookup.findVirtual(Function.class, "apply", MethodType.methodType(Object.class, Object.class));
            ACCEPT = lookup.findVirtual(BiConsumer.class, "accept", MethodType.methodType(void.class, Object.class,
                    Object.class));
            NEW_INSTANCE = lookup.findVirtual(GeneratedModel.class, "newInstance",
                    MethodType.methodType(Object.class));
            CONSTRUCT = lookup.findVirtual(GeneratedModel.class, "construct", MethodType.methodType(Object.class,
                    Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Generated() {
    }

    /** {@code (Object)Object}: the field's generated getter. */
    public static MethodHandle getter(GeneratedField field) {
        return APPLY.bindTo(field.getter());
    }

    /** {@code (Object,Object)void}: the field's generated setter. */
    public static MethodHandle setter(GeneratedField field) {
        return ACCEPT.bindTo(java.util.Objects.requireNonNull(field.setter(), field.name()));
    }

    /** {@code (Object,Object)void}: the hook's generated invoker (instance, changes or null). */
    public static MethodHandle hook(GeneratedHook hook) {
        return ACCEPT.bindTo(hook.invoker());
    }

    /** {@code ()Object}: a new instance. */
    public static MethodHandle newInstance(GeneratedModel<?> model) {
        return NEW_INSTANCE.bindTo(model);
    }

    /** {@code (Object[])Object}: a new record of its components. */
    public static MethodHandle construct(GeneratedModel<?> model) {
        return CONSTRUCT.bindTo(model);
    }
}
