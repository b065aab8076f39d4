package dev.dynamite;

import dev.dynamite.api.Include;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.ScanPolicy;
import dev.dynamite.core.internal.model.Shape;
import dev.dynamite.core.internal.query.Explanation;
import dev.dynamite.core.internal.query.Search;
import dev.dynamite.meta.Filter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The query builder behind {@code Model.query()}: the public face of an internal {@link Search}, which parses each
 * filter as it is added and runs the query.
 *
 * @param <T> the model type
 * @param <E> the type of the runtime's entities (see {@link Shape})
 */
final class DefaultQuery<T, E> implements Query<T> {
    private final Search<E> search;
    private final Class<T> type;
    private final Shape<T, E> shape;

    DefaultQuery(Search<E> search, Class<T> type, Shape<T, E> shape) {
        this.search = search;
        this.type = type;
        this.shape = shape;
    }

    /**
     * Starts a query, as its interface: made here, so that verifying a model handle, which hands one out, loads no
     * query class.
     */
    static <T, E> Query<T> start(Search<E> search, Class<T> type, Shape<T, E> shape) {
        return new DefaultQuery<>(search, type, shape);
    }

    /** Takes the options of a {@code QueryOptions}. */
    DefaultQuery<T, E> options(QueryOptions options) {
        search.options(options);
        return this;
    }

    @Override
    public DefaultQuery<T, E> where(Map<String, ?> filters) {
        search.where(filters);
        return this;
    }

    @Override
    public DefaultQuery<T, E> where(Filter<T> filter) {
        search.where(filter);
        return this;
    }

    @Override
    public DefaultQuery<T, E> where(String field, @Nullable Object value) {
        search.where(field, value);
        return this;
    }

    @Override
    public DefaultQuery<T, E> where(String field, String operator, @Nullable Object value) {
        search.where(field, operator, value);
        return this;
    }

    @Override
    public DefaultQuery<T, E> orderBy(Order order) {
        search.orderBy(order);
        return this;
    }

    @Override
    public DefaultQuery<T, E> limit(int limit) {
        search.limit(limit);
        return this;
    }

    @Override
    public DefaultQuery<T, E> skip(int skip) {
        search.skip(skip);
        return this;
    }

    @Override
    public DefaultQuery<T, E> offset(int offset) {
        search.offset(offset);
        return this;
    }

    @Override
    public DefaultQuery<T, E> attributes(String... fields) {
        search.attributes(fields);
        return this;
    }

    @Override
    public DefaultQuery<T, E> include(String relation) {
        search.include(relation);
        return this;
    }

    @Override
    public DefaultQuery<T, E> include(String relation, Include include) {
        search.include(relation, include);
        return this;
    }

    @Override
    public DefaultQuery<T, E> withTrashed() {
        search.withTrashed();
        return this;
    }

    @Override
    public DefaultQuery<T, E> onlyTrashed() {
        search.onlyTrashed();
        return this;
    }

    @Override
    public List<T> list() {
        return shape.out(search.list());
    }

    @Override
    public Optional<T> first() {
        return shape.out(search.first());
    }

    @Override
    public Optional<T> last() {
        return shape.out(search.last());
    }

    @Override
    public long count() {
        return search.count();
    }

    @Override
    public Stream<T> stream() {
        return shape.out(search.stream());
    }

    @Override
    public Page<T> page(int size) {
        return page(search.page(size));
    }

    @Override
    public Stream<Page<T>> pages(int size) {
        return search.pages(size).map(this::page);
    }

    @Override
    public DefaultQuery<T, E> parallel(int segments) {
        search.parallel(segments);
        return this;
    }

    @Override
    public DefaultQuery<T, E> allowScan() {
        search.allowScan();
        return this;
    }

    @Override
    public DefaultQuery<T, E> after(String cursor) {
        search.after(java.util.Objects.requireNonNull(cursor, "cursor"));
        return this;
    }

    private Page<T> page(Search.Paged<E> paged) {
        return new Page<>(shape.out(paged.items()), paged.cursor());
    }

    @Override
    public QueryPlan explain() {
        return plan(search.explain());
    }

    /** The public plan of an internal explanation. */
    static QueryPlan plan(Explanation explained) {
        return new QueryPlan(QueryPlan.Operation.valueOf(explained.operation()), explained.table(), explained.index(),
                explained.keyCondition(), explained.filter(), explained.projection(), explained.names(),
                explained.values(), explained.fetchFull(), explained.sortInMemory(),
                explained.scanPolicy() == null ? null : ScanPolicy.valueOf(explained.scanPolicy()),
                explained.segments());
    }

    @Override
    public String toString() {
        return "Query[" + type.getSimpleName() + ", " + explain() + "]";
    }
}
