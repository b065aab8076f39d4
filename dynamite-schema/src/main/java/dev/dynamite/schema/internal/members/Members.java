package dev.dynamite.schema.internal.members;

import dev.dynamite.meta.GeneratedField;
import dev.dynamite.meta.GeneratedModel;
import dev.dynamite.meta.GeneratedModels;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The members of model classes, superclass fields first, in declaration order; cached per class. */
public final class Members {
    private static final ClassValue<List<Member>> CACHE = new ClassValue<>() {
        @Override
        protected List<Member> computeValue(Class<?> type) {
            return read(type);
        }
    };

    private Members() {
    }

    /**
     * The fields of a model that are neither static, transient nor synthetic.
     *
     * @param type the model class
     * @return its members
     */
    public static List<Member> of(Class<?> type) {
        return CACHE.get(type);
    }

    /** The model's generated description, or null for a model read by reflection. */
    public static @Nullable GeneratedModel<?> generated(Class<?> type) {
        return GeneratedModels.find(type);
    }

    /** The class's own annotations: from the generated description where there is one. */
    public static <A extends Annotation> @Nullable A annotation(Class<?> type, Class<A> annotation) {
        GeneratedModel<?> generated = generated(type);
        if (generated == null) {
            return type.getAnnotation(annotation);
        }
        for (Annotation present : generated.annotations()) {
            if (present.annotationType() == annotation) {
                return annotation.cast(present);
            }
        }
        return null;
    }

    private static List<Member> read(Class<?> type) {
        GeneratedModel<?> generated = generated(type);
        List<Member> members = new ArrayList<>();
        if (generated != null) {
            for (GeneratedField field : generated.fields()) {
                members.add(Member.of(field));
            }
            return List.copyOf(members);
        }
        for (Class<?> declaring : hierarchy(type)) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    members.add(Member.of(field));
                }
            }
        }
        return List.copyOf(members);
    }

    /** The class and its superclasses, the topmost first, {@code Object} excluded. */
    public static Deque<Class<?>> hierarchy(Class<?> type) {
        Deque<Class<?>> classes = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.addFirst(c);
        }
        return classes;
    }
}
