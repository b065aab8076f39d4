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

    /** Returns the value a field of a primitive type holds when nothing is given: zero or false, boxed. */
    public static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        } else if (primitive == char.class) {
            return (char) 0;
        } else if (primitive == byte.class) {
            return (byte) 0;
        } else if (primitive == short.class) {
            return (short) 0;
        } else if (primitive == int.class) {
            return 0;
        } else if (primitive == long.class) {
            return 0L;
        } else if (primitive == float.class) {
            return 0f;
        }
        return 0d;
    }
}
