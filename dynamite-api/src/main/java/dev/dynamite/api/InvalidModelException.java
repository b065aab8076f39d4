package dev.dynamite.api;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a model class is declared wrongly: two partition keys, a relation naming a field that does not exist,
 * a key field of a type no key strategy can store, and so on.
 *
 * <p>The message names the model, the field where there is one, and what to change.
 */
public class InvalidModelException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> model;
    private final @Nullable String field;

    /**
     * Creates the exception for a problem with one field of a model.
     *
     * @param model the model class
     * @param field the Java field concerned, or {@code null} when the problem is the class as a whole
     * @param problem what is wrong and what to do, without the model and field (they are prefixed)
     */
    public InvalidModelException(Class<?> model, @Nullable String field, String problem) {
        super(prefix(model, field) + problem);
        this.model = model;
        this.field = field;
    }

    /**
     * Returns the model class concerned.
     *
     * @return the model class
     */
    public Class<?> model() {
        return model;
    }

    /**
     * Returns the Java field concerned, if the problem is about one field.
     *
     * @return the field name, or empty
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    private static String prefix(Class<?> model, @Nullable String field) {
        return model.getName() + (field == null ? "" : "." + field) + ": ";
    }
}
