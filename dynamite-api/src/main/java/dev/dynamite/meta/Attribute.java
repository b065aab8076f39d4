package dev.dynamite.meta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One persisted field of model {@code T}, of Java type {@code V}: the tests and updates every attribute has.
 * Metamodel classes hold one constant per field; the narrower kinds add what their type allows ({@link
 * ComparableAttribute} ranges, {@link NumberAttribute} additions, {@link StringAttribute} prefixes, {@link
 * CollectionAttribute} elements). Immutable.
 *
 * <pre>{@code
 * public static final Attribute<Order, Status> status = new Attribute<>(Order.class, "status", Status.class);
 * orders.where(Order_.status.in(Status.PENDING, Status.PAID));
 * }</pre>
 *
 * @param <T> the model
 * @param <V> the field's Java type (boxed for a primitive field)
 */
public class Attribute<T, V> {
    private final Class<T> model;
    private final String name;
    private final Class<?> type;

    /**
     * Creates the attribute of one field.
     *
     * @param model the model class
     * @param name the Java field (or record component) name, not the stored attribute name
     * @param type the field's Java type (its raw class for a generic type)
     */
    public Attribute(Class<T> model, String name, Class<?> type) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Returns the model class.
     *
     * @return the model
     */
    public final Class<T> model() {
        return model;
    }

    /**
     * Returns the Java field name, which filters and updates name.
     *
     * @return the field name
     */
    public final String name() {
        return name;
    }

    /**
     * Returns the field's Java type.
     *
     * @return the type
     */
    public final Class<?> type() {
        return type;
    }

    /**
     * Equal to a value.
     *
     * @param value the value, not null (test for absence with {@link #notExists()})
     * @return the filter
     */
    public final Filter<T> eq(V value) {
        return test(Operator.EQ, value);
    }

    /**
     * Not equal to a value; an item without the attribute is not equal.
     *
     * @param value the value, not null (test for presence with {@link #exists()})
     * @return the filter
     */
    public final Filter<T> ne(V value) {
        return test(Operator.NE, value);
    }

    /**
     * Equal to one of the values. No value at all matches no item (and sends no request when it is the whole
     * filter).
     *
     * @param values the values
     * @return the filter
     */
    @SafeVarargs
    public final Filter<T> in(V... values) {
        List<V> list = new ArrayList<>(values.length);
        for (V value : values) {
            list.add(value);
        }
        return in(list);
    }

    /**
     * Equal to one of the values.
     *
     * @param values the values
     * @return the filter
     */
    public final Filter<T> in(Collection<? extends V> values) {
        for (V value : Objects.requireNonNull(values, "values")) {
            Objects.requireNonNull(value, () -> name + " in(...) was given a null value");
        }
        return test(Operator.IN, List.copyOf(values));
    }

    /**
     * The attribute is stored (a null field is not stored).
     *
     * @return the filter
     */
    public final Filter<T> exists() {
        return new Filter.Test<>(name, Operator.EXISTS, null);
    }

    /**
     * The attribute is not stored.
     *
     * @return the filter
     */
    public final Filter<T> notExists() {
        return new Filter.Test<>(name, Operator.NOT_EXISTS, null);
    }

    /**
     * Sets the field to a value; null removes the attribute.
     *
     * @param value the new value, or null
     * @return the update
     */
    public final Update<T> set(@Nullable V value) {
        return Update.change(new Update.Change(name, Update.Kind.SET, value));
    }

    /**
     * Removes the attribute (the field becomes null).
     *
     * @return the update
     */
    public final Update<T> remove() {
        return Update.change(new Update.Change(name, Update.Kind.REMOVE, null));
    }

    /**
     * Returns a test of this attribute.
     *
     * @param operator the comparison
     * @param operand the operand, as {@link Filter.Test} describes it
     * @return the filter
     */
    protected final Filter<T> test(Operator operator, @Nullable Object operand) {
        return new Filter.Test<>(name, operator, operand);
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "_." + name;
    }
}
