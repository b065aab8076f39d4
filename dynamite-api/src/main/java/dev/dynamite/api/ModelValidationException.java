package dev.dynamite.api;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value of a model cannot be written or read: a field value its codec refuses, a stored attribute of
 * another type than the field expects, a value of the wrong type assigned to a field.
 *
 * <p>The message starts with {@code Model.field: } and says what was wrong, e.g.
 * {@code User.createdAt: stored attribute 'created_at' cannot be read as java.time.Instant: expected S, found N}.
 */
public class ModelValidationException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> model;
    private final @Nullable String field;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param field the Java field concerned, or {@code null} when the problem is the entity as a whole
     * @param problem what is wrong, without the model and field (they are prefixed)
     */
    public ModelValidationException(Class<?> model, @Nullable String field, String problem) {
        this(model, field, problem, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param model the model class
     * @param field the Java field concerned, or {@code null} when the problem is the entity as a whole
     * @param problem what is wrong, without the model and field (they are prefixed)
     * @param cause the underlying failure, such as a codec's {@code IllegalArgumentException}
     */
    public ModelValidationException(Class<?> model, @Nullable String field, String problem,
                                    @Nullable Throwable cause) {
        super(model.getSimpleName() + (field == null ? "" : "." + field) + ": " + problem, cause);
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
}
