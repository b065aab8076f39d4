package dev.dynamite.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A typed filter on the items of model {@code T}: a test of one attribute, or tests combined with {@link #and},
 * {@link #or} and {@link #not}. Built from a metamodel's {@link Attribute} constants; accepted wherever the map form
 * of filters is (queries, counts, pages, bulk updates and deletes, counters, transactions). Immutable.
 *
 * <pre>{@code
 * Filter<Order> bigOrUnpaid = Order_.total.gte(new BigDecimal("100")).or(Order_.status.ne("paid"));
 * List<Order> orders = Order.model.where(Order_.userId.eq(id).and(bigOrUnpaid));
 * }</pre>
 *
 * <p>The tests of an {@code and} at the top of a filter are what a query's key condition can use; a test inside an
 * {@code or} or a {@code not} is only ever a filter.
 *
 * @param <T> the model the filter applies to
 */
public sealed interface Filter<T> permits Filter.Test, Filter.All, Filter.Any, Filter.Not {

    /**
     * Returns the filter that holds when this one and the other hold.
     *
     * @param other the other filter
     * @return both
     */
    default Filter<T> and(Filter<T> other) {
        return all(List.of(this, Objects.requireNonNull(other, "other")));
    }

    /**
     * Returns the filter that holds when this one or the other holds.
     *
     * @param other the other filter
     * @return either
     */
    default Filter<T> or(Filter<T> other) {
        return any(List.of(this, Objects.requireNonNull(other, "other")));
    }

    /**
     * Returns the filter that holds when this one does not. An absent attribute fails every test but {@code ne}
     * and {@code notExists}, so {@code not(total.gt(x))} holds for an item without a total.
     *
     * @return the negation
     */
    default Filter<T> not() {
        return new Not<>(this);
    }

    /**
     * Returns the filter that holds when every one given holds.
     *
     * @param filters one filter or more
     * @param <T> the model
     * @return all of them
     * @throws IllegalArgumentException if none is given
     */
    @SafeVarargs
    static <T> Filter<T> and(Filter<T>... filters) {
        List<Filter<T>> list = new ArrayList<>(filters.length);
        for (Filter<T> filter : filters) {
            list.add(Objects.requireNonNull(filter, "filter"));
        }
        return all(list);
    }

    /**
     * Returns the filter that holds when any one given holds.
     *
     * @param filters one filter or more
     * @param <T> the model
     * @return any of them
     * @throws IllegalArgumentException if none is given
     */
    @SafeVarargs
    static <T> Filter<T> or(Filter<T>... filters) {
        List<Filter<T>> list = new ArrayList<>(filters.length);
        for (Filter<T> filter : filters) {
            list.add(Objects.requireNonNull(filter, "filter"));
        }
        return any(list);
    }

    /**
     * Returns the filter that holds when the one given does not.
     *
     * @param filter the filter
     * @param <T> the model
     * @return its negation
     */
    static <T> Filter<T> not(Filter<T> filter) {
        return new Not<>(Objects.requireNonNull(filter, "filter"));
    }

    private static <T> Filter<T> all(List<Filter<T>> filters) {
        List<Filter<T>> parts = new ArrayList<>();
        for (Filter<T> filter : filters) {
            // and(and(a, b), c) is and(a, b, c): the top-level tests stay visible to the key condition
            if (filter instanceof All<T> all) {
                parts.addAll(all.parts());
            } else {
                parts.add(filter);
            }
        }
        return parts.size() == 1 ? parts.get(0) : new All<>(parts);
    }

    private static <T> Filter<T> any(List<Filter<T>> filters) {
        List<Filter<T>> parts = new ArrayList<>();
        for (Filter<T> filter : filters) {
            if (filter instanceof Any<T> any) {
                parts.addAll(any.parts());
            } else {
                parts.add(filter);
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Any<>(parts);
    }

    /**
     * A test of one attribute.
     *
     * @param field the Java field (or record component) name
     * @param operator the comparison
     * @param operand the Java value compared with: a list for {@link Operator#IN} and {@link Operator#BETWEEN},
     *     null for {@link Operator#EXISTS} and {@link Operator#NOT_EXISTS}
     * @param <T> the model
     */
    record Test<T>(String field, Operator operator, @Nullable Object operand) implements Filter<T> {
        /**
         * Checks the test's shape.
         *
         * @param field the Java field name
         * @param operator the comparison
         * @param operand the operand
         *
         * @throws NullPointerException if the field or operator is null, or the operand is null where one is needed
         */
        public Test {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            if (operand == null && operator != Operator.EXISTS && operator != Operator.NOT_EXISTS) {
                throw new NullPointerException(field + " " + operator.name().toLowerCase() + " needs a value;"
                        + " test for absence with notExists()");
            }
            if (operand instanceof List<?> list) {
                operand = List.copyOf(list);
            }
        }
    }

    /**
     * Every part holds.
     *
     * @param parts two filters or more
     * @param <T> the model
     */
    record All<T>(List<Filter<T>> parts) implements Filter<T> {
        /**
         * Copies the parts.
         *
         * @param parts the parts
         *
         * @throws IllegalArgumentException if there is none
         */
        public All {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("and(...) needs at least one filter");
            }
        }
    }

    /**
     * Some part holds.
     *
     * @param parts two filters or more
     * @param <T> the model
     */
    record Any<T>(List<Filter<T>> parts) implements Filter<T> {
        /**
         * Copies the parts.
         *
         * @param parts the parts
         *
         * @throws IllegalArgumentException if there is none
         */
        public Any {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("or(...) needs at least one filter");
            }
        }
    }

    /**
     * The part does not hold.
     *
     * @param part the filter negated
     * @param <T> the model
     */
    record Not<T>(Filter<T> part) implements Filter<T> {
        /**
         * Checks the part.
         *
         * @param part the part
         *
         * @throws NullPointerException if it is null
         */
        public Not {
            Objects.requireNonNull(part, "part");
        }
    }
}
