package dev.dynamite.meta;

import java.util.Collection;
import java.util.Objects;

/**
 * A set or list attribute: whether it holds an element. Immutable.
 *
 * <pre>{@code
 * orders.where(Order_.tags.contains("gift"));
 * }</pre>
 *
 * @param <T> the model
 * @param <E> the element type
 * @param <C> the field's collection type
 */
public final class CollectionAttribute<T, E, C extends Collection<E>> extends Attribute<T, C> {
    /**
     * Creates the attribute of one field.
     *
     * @param model the model class
     * @param name the Java field name
     * @param type the field's collection class
     */
    public CollectionAttribute(Class<T> model, String name, Class<?> type) {
        super(model, name, type);
    }

    /**
     * Holds an element.
     *
     * @param element the element
     * @return the filter
     */
    public Filter<T> contains(E element) {
        return test(Operator.CONTAINS, Objects.requireNonNull(element, "element"));
    }
}
