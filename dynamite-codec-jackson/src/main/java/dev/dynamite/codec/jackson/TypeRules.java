package dev.dynamite.codec.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which declared types the Jackson provider claims; everything else is left to Dynamite's built-in codecs
 * (or to other providers).
 */
final class TypeRules {
    // packages whose types are either built into Dynamite, or not meant to be taken apart by Jackson
    private static final List<String> FOREIGN_PACKAGES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "software.amazon.", "com.fasterxml.jackson.",
            "kotlin.", "scala.");
    // a Dynamite model: relation fields are Dynamite's business, never a nested document
    private static final String TABLE = "dev.dynamite.Table";

    private TypeRules() {
    }

    /**
     * Returns whether the type is claimed: a {@code JsonNode} (or subtype), a record or a concrete user class, a raw
     * or {@code <String, Object>} map, or a {@code List}/{@code Set}/{@code Collection} or {@code Map<String, X>}
     * whose element type X is {@code Object} or itself claimed.
     */
    static boolean claims(Type type) {
        if (type instanceof Class<?> c) {
            return claimsClass(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Map.class) {
                return args.length == 2 && isStringKey(args[0]) && isObjectOrClaimed(args[1]);
            }
            if (raw == List.class || raw == Set.class || raw == Collection.class) {
                return args.length == 1 && isObjectOrClaimed(args[0]);
            }
            return isBeanClass(raw);   // a generic user class, e.g. Page<Order>: Jackson binds the arguments
        }
        return false;
    }

    private static boolean claimsClass(Class<?> c) {
        if (JsonNode.class.isAssignableFrom(c)) {
            return true;
        }
        return c == Map.class || isBeanClass(c);
    }

    private static boolean isObjectOrClaimed(Type type) {
        if (type == Object.class) {
            return true;
        }
        if (type instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return w.getLowerBounds().length == 0 && upper.length == 1 && isObjectOrClaimed(upper[0]);
        }
        return claims(type);
    }

    private static boolean isStringKey(Type type) {
        if (type instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return w.getLowerBounds().length == 0 && upper.length == 1 && upper[0] == String.class;
        }
        return type == String.class;
    }

    // a record or a concrete class of the application that Jackson can instantiate
    private static boolean isBeanClass(Class<?> c) {
        if (c.isPrimitive() || c.isArray() || c.isEnum() || c.isInterface() || c.isAnnotation()
                || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        int modifiers = c.getModifiers();
        if (Modifier.isAbstract(modifiers) || (c.isMemberClass() && !Modifier.isStatic(modifiers))) {
            return false;
        }
        String name = c.getName();
        for (String prefix : FOREIGN_PACKAGES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
            if (s.getName().equals(TABLE)) {
                return false;
            }
        }
        return true;
    }
}
