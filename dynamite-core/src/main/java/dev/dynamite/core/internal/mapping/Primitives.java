package dev.dynamite.core.internal.mapping;

import java.util.Map;

/** The wrapper class of each primitive type. */
public final class Primitives {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    private Primitives() {
    }

    /** Returns the wrapper of a primitive type, or the type itself. */
    public static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.getOrDefault(type, type) : type;
    }
}
