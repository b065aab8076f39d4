package dev.dynamite.core.internal.mapping;

import dev.dynamite.schema.internal.members.Member;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The builder of an immutable class that has no all-fields constructor: a static no-arg {@code builder()} method on
 * the class, whose result has, for every field, a one-argument method named as the field, {@code set} or {@code with}
 * followed by the field's name (Lombok's, Immutables' and AutoValue's styles), and a no-arg {@code build()} that
 * returns the class. A setter that returns the builder's type hands on the builder it returns (null keeps the one it
 * was called on); another setter's result is ignored.
 * Dynamite calls every setter, in field order, when it makes a value; the fields themselves are read directly.
 */
final class ModelBuilder {
    private static final MethodType MAKE = MethodType.methodType(Object.class, Object[].class);

    private final MethodHandle builder;
    private final MethodHandle[] setters;
    private final boolean[] chained;
    private final MethodHandle build;

    private ModelBuilder(MethodHandle builder, MethodHandle[] setters, boolean[] chained, MethodHandle build) {
        this.builder = builder;
        this.setters = setters;
        this.chained = chained;
        this.build = build;
    }

    /** The methods of a class's builder: {@code builder()}, then one setter per field, then {@code build()}. */
    static Method @Nullable [] find(Class<?> type, List<Member> fields) {
        Method builder;
        try {
            builder = type.getDeclaredMethod("builder");
        } catch (NoSuchMethodException e) {
            return null;
        }
        Class<?> builderType = builder.getReturnType();
        if (!Modifier.isStatic(builder.getModifiers()) || builderType.isPrimitive() || builderType.isArray()) {
            return null;
        }
        Method[] found = new Method[fields.size() + 2];
        found[0] = builder;
        for (int i = 0; i < fields.size(); i++) {
            found[i + 1] = setter(builderType, fields.get(i));
            if (found[i + 1] == null) {
                return null;
            }
        }
        Method build = method(builderType, "build", null);
        if (build == null || !type.isAssignableFrom(build.getReturnType())) {
            return null;
        }
        found[fields.size() + 1] = build;
        return found;
    }

    /**
     * Returns the builder of a class, as method handles.
     *
     * @throws IllegalArgumentException if the class has none (see {@link #find})
     * @throws IllegalAccessException if its package is not open to Dynamite
     */
    static ModelBuilder of(Class<?> type, List<Member> fields) throws IllegalAccessException {
        Method[] methods = find(type, fields);
        if (methods == null) {
            throw new IllegalArgumentException(type.getName() + " has neither an all-fields constructor nor a builder");
        }
        MethodHandle builder = EntityMapper.lookupIn(type, type).unreflect(methods[0])
                .asType(MethodType.methodType(Object.class));
        MethodHandle[] setters = new MethodHandle[fields.size()];
        boolean[] chained = new boolean[fields.size()];
        for (int i = 0; i < setters.length; i++) {
            Method setter = methods[i + 1];
            chained[i] = setter.getReturnType() == methods[0].getReturnType();
            setters[i] = EntityMapper.lookupIn(type, setter.getDeclaringClass()).unreflect(setter)
                    .asType(MethodType.methodType(chained[i] ? Object.class : void.class, Object.class, Object.class));
        }
        Method build = methods[methods.length - 1];
        return new ModelBuilder(builder, setters, chained, EntityMapper.lookupIn(type, build.getDeclaringClass())
                .unreflect(build).asType(MethodType.methodType(Object.class, Object.class)));
    }

    /** This builder as a handle {@code (Object[])Object}, which takes the fields' values in order. */
    MethodHandle handle() {
        try {
            return MethodHandles.lookup().findVirtual(ModelBuilder.class, "make", MAKE).bindTo(this);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("ModelBuilder.make is not reachable", e);
        }
    }

    @SuppressWarnings("unused")   // called through handle()
    private Object make(Object[] values) throws Throwable {
        Object current = (Object) builder.invokeExact();
        for (int i = 0; i < setters.length; i++) {
            if (chained[i]) {
                Object next = (Object) setters[i].invokeExact(current, values[i]);
                current = next != null ? next : current;
            } else {
                setters[i].invokeExact(current, values[i]);
            }
        }
        return (Object) build.invokeExact(current);
    }

    private static @Nullable Method setter(Class<?> builderType, Member field) {
        String name = field.name();
        String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (String candidate : new String[] {name, "set" + capitalized, "with" + capitalized}) {
            Method method = method(builderType, candidate, field.type());
            if (method != null) {
                return method;
            }
        }
        return null;
    }

    /** An instance method of a type or its superclasses, with no parameter or one that takes {@code argument}. */
    private static @Nullable Method method(Class<?> type, String name, @Nullable Class<?> argument) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.getName().equals(name) || Modifier.isStatic(method.getModifiers()) || method.isBridge()) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                if (argument == null ? parameters.length == 0 : parameters.length == 1
                        && (parameters[0] == argument || !argument.isPrimitive()
                        && parameters[0].isAssignableFrom(argument))) {
                    return method;
                }
            }
        }
        return null;
    }
}
