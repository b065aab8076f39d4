package dev.dynamite;

import dev.dynamite.api.Include;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.ScanPolicy;
import dev.dynamite.core.internal.query.Explanation;
import dev.dynamite.core.internal.query.Search;
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
 */
final class DefaultQuery<T> implements Query<T> {
    private final Search<T> search;
    private final Class<T> type;

    DefaultQuery(Search<T> search, Class<T> type) {
        this.search = search;
        this.type = type;
    }

    /** Takes the options of a {@code QueryOptions}. */
    DefaultQuery<T> options(QueryOptions options) {
        search.options(options);
        return this;
    }

    @Override
    public DefaultQuery<T> where(Map<String, ?> filters) {
        search.where(filters);
        return this;
    }

    @Override
    public DefaultQuery<T> where(String field, @Nullable Object value) {
        search.where(field, value);
        return this;
    }

    @Override
    public DefaultQuery<T> where(String field, String operator, @Nullable Object value) {
        search.where(field, operator, value);
        return this;
    }

    @Override
    public DefaultQuery<T> orderBy(Order order) {
        search.orderBy(order);
        return this;
    }

    @Override
    public DefaultQuery<T> limit(int limit) {
        search.limit(limit);
        return this;
    }

    @Override
    public DefaultQuery<T> skip(int skip) {
        search.skip(skip);
        return this;
    }

    @Override
    public DefaultQuery<T> offset(int offset) {
        search.offset(offset);
        return this;
    }

    @Override
    public DefaultQuery<T> attributes(String... fields) {
        search.attributes(fields);
        return this;
    }

    @Override
    public DefaultQuery<T> include(String relation) {
        search.include(relation);
        return this;
    }

    @Override
    public DefaultQuery<T> include(String relation, Include include) {
        search.include(relation, include);
        return this;
    }

    @Override
    public DefaultQuery<T> withTrashed() {
        search.withTrashed();
        return this;
    }

    @Override
    public DefaultQuery<T> onlyTrashed() {
        search.onlyTrashed();
        return this;
    }

    @Override
    public List<T> list() {
        return search.list();
    }

    @Override
    public Optional<T> first() {
        return search.first();
    }

    @Override
    public Optional<T> last() {
        return search.last();
    }

    @Override
    public long count() {
        return search.count();
    }

    @Override
    public Stream<T> stream() {
        return search.stream();
    }

    @Override
    public Page<T> page(int size) {
        return page(search.page(size));
    }

    @Override
    public Stream<Page<T>> pages(int size) {
        return search.pages(size).map(DefaultQuery::page);
    }

    @Override
    public DefaultQuery<T> parallel(int segments) {
        search.parallel(segments);
        return this;
    }

    @Override
    public DefaultQuery<T> allowScan() {
        search.allowScan();
        return this;
    }

    @Override
    public DefaultQuery<T> after(String cursor) {
        search.after(java.util.Objects.requireNonNull(cursor, "cursor"));
        return this;
    }

    private static <T> Page<T> page(Search.Paged<T> paged) {
        return new Page<>(paged.items(), paged.cursor());
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
