package dev.dynamite.core.internal.model;

import dev.dynamite.Query;
import dev.dynamite.QueryPlan;
import dev.dynamite.api.Include;
import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.core.internal.model.Session.Trash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The query builder behind {@code Model.query()} and every {@code where}: filters are parsed as they are added (so a
 * bad filter fails at once, before any request), options are kept until the query runs.
 *
 * @param <T> the model type
 */
public final class DefaultQuery<T> implements Query<T> {
    private final Session<T> session;
    private final List<Condition> conditions = new ArrayList<>();
    private @Nullable Integer limit;
    private int skip;
    private @Nullable Order order;
    private final List<String> fields = new ArrayList<>();
    private Trash trash = Trash.EXCLUDE;

    DefaultQuery(Session<T> session) {
        this.session = session;
    }

    /**
     * Takes the options of a {@code QueryOptions}.
     *
     * @param options the options
     * @return this query
     * @throws ModelValidationException if an include names no relation, or names one (relations load in a later
     *     release)
     */
    public DefaultQuery<T> options(QueryOptions options) {
        options.limit().ifPresent(this::limit);
        skip(options.skip());
        options.order().ifPresent(this::orderBy);
        if (!options.attributes().isEmpty()) {
            attributes(options.attributes().toArray(String[]::new));
        }
        options.includes().forEach(this::include);
        if (options.withTrashed()) {
            withTrashed();
        } else if (options.onlyTrashed()) {
            onlyTrashed();
        }
        return this;
    }

    @Override
    public DefaultQuery<T> where(Map<String, ?> filters) {
        conditions.addAll(session.filters().parse(Objects.requireNonNull(filters, "filters")));
        return this;
    }

    @Override
    public DefaultQuery<T> where(String field, @Nullable Object value) {
        return where(java.util.Collections.singletonMap(Objects.requireNonNull(field, "field"), value));
    }

    @Override
    public DefaultQuery<T> where(String field, String operator, @Nullable Object value) {
        conditions.add(session.filters().parse(Objects.requireNonNull(field, "field"),
                Objects.requireNonNull(operator, "operator"), value));
        return this;
    }

    @Override
    public DefaultQuery<T> orderBy(Order order) {
        this.order = Objects.requireNonNull(order, "order");
        return this;
    }

    @Override
    public DefaultQuery<T> limit(int limit) {
        if (limit < 0) {
            throw new InvalidQueryException("limit must be at least 0, was " + limit);
        }
        this.limit = limit;
        return this;
    }

    @Override
    public DefaultQuery<T> skip(int skip) {
        if (skip < 0) {
            throw new InvalidQueryException("skip must be at least 0, was " + skip);
        }
        this.skip = skip;
        return this;
    }

    @Override
    public DefaultQuery<T> offset(int offset) {
        return skip(offset);
    }

    @Override
    public DefaultQuery<T> attributes(String... names) {
        for (String name : names) {
            session.filterable(name);
        }
        fields.clear();
        fields.addAll(List.of(names));
        return this;
    }

    @Override
    public DefaultQuery<T> include(String relation) {
        return include(relation, Include.all());
    }

    @Override
    public DefaultQuery<T> include(String relation, Include include) {
        if (!session.rules().isRelation(relation)) {
            throw new ModelValidationException(session.type(), relation, "is not a relation, so it cannot be"
                    + " included; relations are the @HasMany, @HasOne, @BelongsTo and @ManyToMany fields");
        }
        throw new ModelValidationException(session.type(), relation, "include is not supported yet: relations are"
                + " loaded in a later release; query the related model with where() meanwhile");
    }

    @Override
    public DefaultQuery<T> withTrashed() {
        trash = Trash.INCLUDE;
        return this;
    }

    @Override
    public DefaultQuery<T> onlyTrashed() {
        trash = Trash.ONLY;
        return this;
    }

    @Override
    public List<T> list() {
        try (Stream<T> results = stream()) {
            return results.toList();
        }
    }

    @Override
    public Optional<T> first() {
        return session.reader().stream(plan(1, order == null ? Order.ASC : order)).findFirst();
    }

    @Override
    public Optional<T> last() {
        Order reversed = order == Order.DESC ? Order.ASC : Order.DESC;
        return session.reader().stream(plan(1, reversed)).findFirst();
    }

    @Override
    public long count() {
        return session.reader().count(plan(limit, order));
    }

    @Override
    public Stream<T> stream() {
        return session.reader().stream(plan(limit, order));
    }

    @Override
    public QueryPlan explain() {
        return plan(limit, order).describe();
    }

    /** The plan of this query; bulk writes run it too. */
    Plan plan(@Nullable Integer limitOverride, @Nullable Order orderOverride) {
        return session.planner().plan(conditions,
                new Planner.Options(limitOverride, skip, orderOverride, List.copyOf(fields), trash));
    }

    @Override
    public String toString() {
        return "Query[" + session.type().getSimpleName() + ", " + explain() + "]";
    }
}
