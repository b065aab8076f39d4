package dev.dynamite.api;

import java.util.Collection;
import java.util.List;

/**
 * Thrown when a Java field name given to Dynamite (in a map of attributes, a filter or a field accessor) is not a
 * persisted field of the model.
 *
 * <p>The message names the model and the unknown field and lists the known ones, e.g.
 * {@code User.emial: unknown field; known fields: id, name, email}.
 */
public final class UnknownFieldException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> model;
    private final String field;
    private final List<String> knownFields;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param field the name that matched no field
     * @param knownFields the model's persisted Java field names, in declaration order
     */
    public UnknownFieldException(Class<?> model, String field, Collection<String> knownFields) {
        super(model.getSimpleName() + "." + field + ": unknown field; known fields: "
                + String.join(", ", knownFields));
        this.model = model;
        this.field = field;
        this.knownFields = List.copyOf(knownFields);
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
     * Returns the name that matched no field.
     *
     * @return the unknown field name
     */
    public String field() {
        return field;
    }

    /**
     * Returns the model's persisted Java field names.
     *
     * @return an unmodifiable list, in declaration order
     */
    public List<String> knownFields() {
        return knownFields;
    }
}
