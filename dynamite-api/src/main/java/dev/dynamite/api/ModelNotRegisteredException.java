package dev.dynamite.api;

/**
 * Thrown when a class is used as a model but lacks what makes it one: a partition key annotation
 * ({@code @PrimaryKey} or {@code @Index}).
 *
 * <p>It fails {@code sync()} and every operation on that class; the message names the class and what is missing.
 */
public final class ModelNotRegisteredException extends InvalidModelException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param model the class that is not a valid model
     * @param missing what is missing, e.g. "no field is annotated @PrimaryKey or @Index"
     */
    public ModelNotRegisteredException(Class<?> model, String missing) {
        super(model, null, "not registered as a model: " + missing);
    }
}
