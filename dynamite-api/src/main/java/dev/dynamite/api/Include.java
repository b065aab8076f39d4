package dev.dynamite.api;

import dev.dynamite.meta.Filter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What to load of one relation named in {@link QueryOptions.Builder#include(String, Include)}: filters on the related
 * items, their order, limit and attributes, and nested includes. Applies per parent. Immutable: every method returns a
 * new {@code Include}; thread-safe. Because an include is immutable and nests only includes built before it, an
 * include tree can never contain a cycle, and it is loaded to its full depth.
 *
 * <pre>{@code
 * QueryOptions.builder()
 *     .include("orders", Include.where(Map.of("status", "pending")).limit(5).order(Order.DESC).include("items"))
 *     .build();
 * }</pre>
 */
public final class Include {
    private static final Include ALL = new Include(Map.of(), null, 0, null, List.of(), Map.of(), false, null);

    private final Map<String, Object> filters;
    private final @Nullable Integer limit;
    private final int skip;
    private final @Nullable Order order;
    private final List<String> attributes;
    private final Map<String, Include> includes;
    private final boolean withTrashed;
    private final @Nullable Filter<?> filter;

    private Include(Map<String, ?> filters, @Nullable Integer limit, int skip, @Nullable Order order,
                    List<String> attributes, Map<String, Include> includes, boolean withTrashed,
                    @Nullable Filter<?> filter) {
        this.filter = filter;
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        this.limit = limit;
        this.skip = skip;
        this.order = order;
        this.attributes = List.copyOf(attributes);
        this.includes = Collections.unmodifiableMap(new LinkedHashMap<>(includes));
        this.withTrashed = withTrashed;
    }

    /**
     * Returns an include of every related item.
     *
     * @return the include
     */
    public static Include all() {
        return ALL;
    }

    /**
     * Returns an include of the related items matching filters (the filter language of {@code where}).
     *
     * @param filters Java field names of the related model to values or operator maps
     * @return the include
     */
    public static Include where(Map<String, ?> filters) {
        return ALL.with(Objects.requireNonNull(filters, "filters"), ALL.limit, ALL.skip, ALL.order, ALL.attributes,
                ALL.includes, false);
    }

    /**
     * Returns an include of the related items matching a typed filter, built from the related model's metamodel:
     * {@code Include.where(Task_.status.eq("open").or(Task_.priority.gte(3)))}.
     *
     * @param filter the filter on the related model
     * @return the include
     */
    public static Include where(Filter<?> filter) {
        return ALL.and(filter);
    }

    /**
     * Returns this include with a typed filter as well (ANDed with its map filters and with any typed filter it
     * has).
     *
     * @param filter the filter on the related model
     * @return a new include
     */
    @SuppressWarnings("unchecked")
    public Include and(Filter<?> filter) {
        Objects.requireNonNull(filter, "filter");
        return new Include(filters, limit, skip, order, attributes, includes, withTrashed,
                this.filter == null ? filter : Filter.and((Filter<Object>) this.filter, (Filter<Object>) filter));
    }

    /**
     * Returns the typed filter, if one was given.
     *
     * @return the filter on the related model, or empty
     */
    public Optional<Filter<?>> filter() {
        return Optional.ofNullable(filter);
    }

    /**
     * Returns this include limited to the first {@code limit} related items of each parent.
     *
     * @param limit at least 0
     * @return a new include
     * @throws InvalidQueryException if the limit is negative
     */
    public Include limit(int limit) {
        if (limit < 0) {
            throw new InvalidQueryException("Include limit must be at least 0, was " + limit);
        }
        return with(filters, limit, skip, order, attributes, includes, withTrashed);
    }

    /**
     * Returns this include skipping the first {@code skip} related items of each parent.
     *
     * @param skip at least 0
     * @return a new include
     * @throws InvalidQueryException if the skip is negative
     */
    public Include skip(int skip) {
        if (skip < 0) {
            throw new InvalidQueryException("Include skip must be at least 0, was " + skip);
        }
        return with(filters, limit, skip, order, attributes, includes, withTrashed);
    }

    /**
     * Returns this include ordered by the related items' sort key.
     *
     * @param order ascending or descending
     * @return a new include
     */
    public Include order(Order order) {
        return with(filters, limit, skip, Objects.requireNonNull(order, "order"), attributes, includes, withTrashed);
    }

    /**
     * Returns this include loading only some attributes of the related items (their keys always).
     *
     * @param attributes Java field names of the related model
     * @return a new include
     */
    public Include attributes(String... attributes) {
        return with(filters, limit, skip, order, List.of(attributes), includes, withTrashed);
    }

    /**
     * Returns this include also loading a relation of the related items, whole.
     *
     * @param relation the relation field of the related model
     * @return a new include
     */
    public Include include(String relation) {
        return include(relation, ALL);
    }

    /**
     * Returns this include also loading a relation of the related items.
     *
     * @param relation the relation field of the related model
     * @param nested what to load of it
     * @return a new include
     */
    public Include include(String relation, Include nested) {
        Map<String, Include> next = new LinkedHashMap<>(includes);
        next.put(Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(nested, "nested"));
        return with(filters, limit, skip, order, attributes, next, withTrashed);
    }

    /**
     * Returns this include seeing soft-deleted related items too.
     *
     * @return a new include
     */
    public Include withTrashed() {
        return with(filters, limit, skip, order, attributes, includes, true);
    }

    /**
     * Returns the filters on the related items.
     *
     * @return Java field names to values or operator maps; empty for all
     */
    public Map<String, Object> filters() {
        return filters;
    }

    /**
     * Returns the limit per parent.
     *
     * @return the limit, or empty for none
     */
    public OptionalInt limitValue() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /**
     * Returns how many related items per parent are skipped.
     *
     * @return the skip, 0 by default
     */
    public int skipValue() {
        return skip;
    }

    /**
     * Returns the order of the related items.
     *
     * @return the order, or null for the natural one
     */
    public @Nullable Order orderValue() {
        return order;
    }

    /**
     * Returns the attributes to load of the related items.
     *
     * @return Java field names; empty for all
     */
    public List<String> attributesValue() {
        return attributes;
    }

    /**
     * Returns the nested includes.
     *
     * @return relation names to what to load of them
     */
    public Map<String, Include> includes() {
        return includes;
    }

    /**
     * Tells whether soft-deleted related items are seen.
     *
     * @return true after {@link #withTrashed()}
     */
    public boolean isWithTrashed() {
        return withTrashed;
    }

    private Include with(Map<String, ?> filters, @Nullable Integer limit, int skip, @Nullable Order order,
                         List<String> attributes, Map<String, Include> includes, boolean withTrashed) {
        return new Include(filters, limit, skip, order, new ArrayList<>(attributes), includes, withTrashed, filter);
    }

    @Override
    public String toString() {
        return "Include[filters=" + filters + (filter == null ? "" : ", filter=" + filter) + ", limit=" + limit + ", skip=" + skip + ", order=" + order
                + ", attributes=" + attributes + ", includes=" + includes.keySet() + ", withTrashed=" + withTrashed
                + "]";
    }
}
