package dev.dynamite.meta;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The registry of {@link GeneratedModel}s. The generated description of a model is the class {@code Model} nested in
 * its metamodel ({@code Order_$Model} for {@code Order}, {@code Shop_Order_$Model} for a nested {@code Shop.Order}),
 * which registers itself when it is initialized; {@link #find} initializes it by that well-known name, so nothing is
 * scanned, no package needs to be opened for it, and the metamodel's constants are left for the code that uses them.
 *
 * <p>The system property {@value #PROPERTY}{@code =false} makes Dynamite read every model by reflection, generated
 * or not (their packages must then be opened to {@code dev.dynamite.core}): to compare the two, or to rule the
 * generated code out when a model misbehaves.
 */
public final class GeneratedModels {
    /** The system property that, set to {@code false}, turns generated models off. */
    public static final String PROPERTY = "dev.dynamite.generatedModels";
    private static final Map<Class<?>, GeneratedModel<?>> REGISTERED = new ConcurrentHashMap<>();
    /** What a class without a generated description maps to: a class value cannot hold null. */
    private static final Object NONE = new Object();
    private static final ClassValue<Object> FOUND = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            GeneratedModel<?> model = load(type);
            return model != null ? model : NONE;
        }
    };

    private GeneratedModels() {
    }

    /**
     * Registers a model's generated description; the generated description calls this when it is initialized.
     *
     * @param model the description
     */
    public static void register(GeneratedModel<?> model) {
        REGISTERED.put(Objects.requireNonNull(model, "model").type(), model);
    }

    /**
     * Returns the generated description of a model, if it was compiled with the annotation processor.
     *
     * @param type the model class
     * @param <T> the model
     * @return the description, or null for a model read by reflection
     */
    @SuppressWarnings("unchecked")
    public static <T> @Nullable GeneratedModel<T> find(Class<T> type) {
        Object found = FOUND.get(type);
        return found == NONE ? null : (GeneratedModel<T>) found;
    }

    /**
     * Returns the name of a model's metamodel class: the names of the model and its enclosing classes joined by
     * underscores, with a trailing underscore, in the model's package.
     *
     * @param type the model class
     * @return the binary name of its metamodel
     */
    public static String metamodelName(Class<?> type) {
        StringBuilder name = new StringBuilder(type.getSimpleName()).append('_');
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        String pkg = type.getPackageName();
        return pkg.isEmpty() ? name.toString() : pkg + "." + name;
    }

    private static @Nullable GeneratedModel<?> load(Class<?> type) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return null;
        }
        GeneratedModel<?> registered = REGISTERED.get(type);
        if (registered != null || type.isPrimitive() || type.isArray() || type.getClassLoader() == null) {
            return registered;
        }
        try {
            // initializing the description runs its registration; loading a class checks no access
            Class.forName(metamodelName(type) + "$Model", true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            // compiled without the processor: the model is read by reflection
            return null;
        }
        return REGISTERED.get(type);
    }
}
