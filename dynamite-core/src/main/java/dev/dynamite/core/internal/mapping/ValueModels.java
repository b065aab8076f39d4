package dev.dynamite.core.internal.mapping;

import dev.dynamite.meta.GeneratedModel;
import dev.dynamite.meta.GeneratedModels;
import dev.dynamite.schema.internal.members.Marks;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.schema.internal.members.Members;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Which models are values: records and immutable classes, whose entities Dynamite holds as {@link Draft}s and hands
 * out as new instances. Apart from {@link Records}, which handles such a model, so that a mutable model never loads
 * the value machinery. Answers are cached per class; thread-safe.
 */
public final class ValueModels {
    /** The answers for models read by reflection; a holder, so that a JVM of generated models never loads it. */
    private static final class Reflected {
        static final ClassValue<Boolean> VALUES = new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                return type.isRecord() || isImmutable(type);
            }
        };
    }

    private ValueModels() {
    }

    /**
     * Whether a model is a value: a record, or an immutable class, one whose fields (but static and transient ones)
     * are all final and that has a constructor taking them all, in declaration order (superclass fields first), or a
     * builder ({@link ModelBuilder}).
     *
     * @param type the model class
     * @return true for a record or an immutable class
     */
    public static boolean isValue(Class<?> type) {
        GeneratedModel<?> generated = GeneratedModels.find(type);
        // the processor decided by the same rules when it compiled the model
        return generated != null ? generated.immutable() : Reflected.VALUES.get(type);
    }

    private static boolean isImmutable(Class<?> type) {
        if (type.isInterface() || type.isArray() || type.isPrimitive() || type.isEnum()
                || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        List<Member> fields = Members.of(type);
        if (fields.isEmpty()) {
            return false;
        }
        boolean keyed = false;
        for (Member field : fields) {
            if (!field.isFinal()) {
                return false;
            }
            keyed |= field.has(Marks.PRIMARY_KEY | Marks.INDEX);
        }
        if (!keyed) {
            return false;
        }
        return hasConstructor(type, types(fields)) || ModelBuilder.find(type, fields) != null;
    }

    /** The types of some fields, in order. */
    static Class<?>[] types(List<Member> fields) {
        Class<?>[] types = new Class<?>[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = fields.get(i).type();
        }
        return types;
    }

    /** Whether a class declares a constructor of these parameter types. */
    static boolean hasConstructor(Class<?> type, Class<?>[] parameterTypes) {
        try {
            type.getDeclaredConstructor(parameterTypes);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
