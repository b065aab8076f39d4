package dev.dynamite.core.internal.query;

import dev.dynamite.api.Include;
import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.Tracking;
import dev.dynamite.core.internal.model.Trash;
import dev.dynamite.meta.Filter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The state and runs of one query, behind the public query builder and every {@code where}: filters are parsed as
 * they are added (so a bad filter fails at once, before any request), options are kept until the query runs.
 *
 * @param <T> the model type
 */
public final class Search<T> {
    private final ModelContext<T> context;
    private final List<Condition> conditions = new ArrayList<>();
    private @Nullable Integer limit;
    private int skip;
    private @Nullable Order order;
    private final List<String> fields = new ArrayList<>();
    private Trash trash = Trash.EXCLUDE;
    private final Map<String, Include> includes = new LinkedHashMap<>();
    private @Nullable String after;
    private boolean allowScan;
    private int segments = 1;

    public Search(ModelContext<T> context) {
        this.context = context;
    }

    /**
     * Takes the options of a {@code QueryOptions}.
     *
     * @param options the options
     * @return this query
     * @throws ModelValidationException if an include names no relation, or its filters or attributes are invalid
     */
    public Search<T> options(QueryOptions options) {
        options.limit().ifPresent(this::limit);
        skip(options.skip());
        options.order().ifPresent(this::orderBy);
        if (!options.attributes().isEmpty()) {
            attributes(options.attributes().toArray(String[]::new));
        }
        options.includes().forEach(this::include);
        options.after().ifPresent(this::after);
        if (options.allowScan()) {
            allowScan();
        }
        if (options.segments() > 1) {
            parallel(options.segments());
        }
        if (options.withTrashed()) {
            withTrashed();
        } else if (options.onlyTrashed()) {
            onlyTrashed();
        }
        return this;
    }

    public Search<T> where(Map<String, ?> filters) {
        conditions.addAll(new Filters(context).parse(Objects.requireNonNull(filters, "filters")));
        return this;
    }

    public Search<T> where(Filter<?> filter) {
        conditions.addAll(new Filters(context).parse(filter));
        return this;
    }

    public Search<T> where(String field, @Nullable Object value) {
        return where(Collections.singletonMap(Objects.requireNonNull(field, "field"), value));
    }

    public Search<T> where(String field, String operator, @Nullable Object value) {
        conditions.add(new Filters(context).parse(Objects.requireNonNull(field, "field"),
                Objects.requireNonNull(operator, "operator"), value));
        return this;
    }

    public Search<T> orderBy(Order order) {
        this.order = Objects.requireNonNull(order, "order");
        return this;
    }

    public Search<T> limit(int limit) {
        if (limit < 0) {
            throw new InvalidQueryException("limit must be at least 0, was " + limit);
        }
        this.limit = limit;
        return this;
    }

    public Search<T> skip(int skip) {
        if (skip < 0) {
            throw new InvalidQueryException("skip must be at least 0, was " + skip);
        }
        this.skip = skip;
        return this;
    }

    public Search<T> offset(int offset) {
        return skip(offset);
    }

    public Search<T> attributes(String... names) {
        for (String name : names) {
            context.filterable(name);
        }
        fields.clear();
        fields.addAll(List.of(names));
        return this;
    }

    public Search<T> include(String relation) {
        return include(relation, Include.all());
    }

    public Search<T> include(String relation, Include include) {
        Loader.check(context, Objects.requireNonNull(relation, "relation"), Objects.requireNonNull(include, "include"));
        includes.put(relation, include);
        return this;
    }

    /**
     * Makes the next page start after the last item of the page that gave the cursor; checked when the page is read.
     *
     * @param cursor a page's cursor
     * @return this query
     */
    public Search<T> after(String cursor) {
        this.after = Objects.requireNonNull(cursor, "cursor");
        return this;
    }

    /**
     * Lets this query scan whatever the client's scan policy says.
     *
     * @return this query
     */
    public Search<T> allowScan() {
        this.allowScan = true;
        return this;
    }

    /**
     * Runs the query, where its plan is a scan, as that many parallel segments ({@code Segment}/{@code TotalSegments}).
     *
     * @param segments 1 (one scan) to 1,000,000
     * @return this query
     * @throws InvalidQueryException if out of range
     */
    public Search<T> parallel(int segments) {
        if (segments < 1 || segments > MAX_SEGMENTS) {
            throw new InvalidQueryException("parallel takes 1 to " + MAX_SEGMENTS + " segments, was " + segments);
        }
        this.segments = segments;
        return this;
    }

    /** DynamoDB's limit on {@code TotalSegments}. */
    static final int MAX_SEGMENTS = 1_000_000;

    public Search<T> withTrashed() {
        trash = Trash.INCLUDE;
        return this;
    }

    public Search<T> onlyTrashed() {
        trash = Trash.ONLY;
        return this;
    }

    public List<T> list() {
        return context.observe("query", () -> listNow());
    }

    private List<T> listNow() {
        unpaged("list");
        List<T> found;
        try (Stream<T> results = new Reader<>(context).stream(runnable(limit, order), segments)) {
            found = results.toList();
        }
        return withIncludes(found);
    }

    public Optional<T> first() {
        return context.observe("first", () -> firstNow());
    }

    private Optional<T> firstNow() {
        unpaged("first");
        Plan plan = runnable(1, order == null ? Order.ASC : order);
        try (Stream<T> results = new Reader<>(context).stream(plan, segments)) {
            return results.findFirst().map(entity -> withIncludes(List.of(entity)).get(0));
        }
    }

    public Optional<T> last() {
        return context.observe("last", () -> lastNow());
    }

    private Optional<T> lastNow() {
        unpaged("last");
        Order reversed = order == Order.DESC ? Order.ASC : Order.DESC;
        try (Stream<T> results = new Reader<>(context).stream(runnable(1, reversed), segments)) {
            return results.findFirst().map(entity -> withIncludes(List.of(entity)).get(0));
        }
    }

    public long count() {
        return context.observe("count", () -> countNow());
    }

    private long countNow() {
        unpaged("count");
        return new Reader<>(context).count(runnable(limit, order), segments);
    }

    public Stream<T> stream() {
        unpaged("stream");
        if (!includes.isEmpty()) {
            return list().stream();   // relations load for all parents together
        }
        return new Reader<>(context).stream(runnable(limit, order), segments);
    }

    private List<T> withIncludes(List<T> found) {
        if (!includes.isEmpty()) {
            Loader.load(context, found, includes);
            new Tracking<>(context).forget(found, joinFieldsNotAsked());
        }
        return found;
    }

    /** The fields loaded only because an include joins on them, when the user named the attributes to load. */
    private Set<String> joinFieldsNotAsked() {
        Set<String> extra = new LinkedHashSet<>();
        if (!fields.isEmpty()) {
            for (String relation : includes.keySet()) {
                String localKey = Objects.requireNonNull(context.rules().relation(relation)).localKey();
                if (context.rules().field(localKey) != null && !fields.contains(localKey)
                        && !context.mapper().isKey(localKey)) {
                    extra.add(localKey);
                }
            }
        }
        return extra;
    }

    /** A cursor resumes a paged read only: the other runs would silently start at the first item. */
    private void unpaged(String run) {
        if (after != null) {
            throw new InvalidQueryException(context.type().getSimpleName() + ": after(cursor) resumes a paged read;"
                    + " call page(size) or pages(size), not " + run + "()");
        }
    }

    /**
     * One page of a paged query: its entities and the cursor of the next page.
     *
     * @param items at most the page size of entities, relations included
     * @param cursor the cursor the next page starts after, or null on the last page
     * @param <T> the model type
     */
    public record Paged<T>(List<T> items, @Nullable String cursor) {
    }

    /**
     * Reads one page: at most {@code size} matching items, after the cursor given to {@link #after} if any. A page
     * costs the requests its items need, wherever it starts: a cursor is where DynamoDB resumes, not a count to skip.
     *
     * @param size the most items, at least 1
     * @return the page
     * @throws InvalidQueryException if the size is below 1, the query has a limit or skip (a page takes their
     *     place), or its order can only be had by sorting every item in memory (an ordered Scan)
     * @throws dev.dynamite.api.InvalidCursorException if the cursor is not one of this query's; before any request
     */
    public Paged<T> page(int size) {
        return context.observe("page", () -> pageNow(size));
    }

    private Paged<T> pageNow(int size) {
        return page(size, after);
    }

    /** One page after a cursor (null for the first page); the query itself is left as it is. */
    private Paged<T> page(int size, @Nullable String cursor) {
        if (size < 1) {
            throw new InvalidQueryException("page size must be at least 1, was " + size);
        }
        if (limit != null || skip > 0) {
            throw new InvalidQueryException(context.type().getSimpleName() + ": a page takes the place of limit"
                    + " and skip; give the page size alone, and the previous page's cursor to go on");
        }
        Plan plan = runnable(null, order);
        if (plan.sortInMemory()) {
            throw new InvalidQueryException(context.type().getSimpleName() + ": this order can only be had by"
                    + " reading every item and sorting them (" + plan.describe() + "), which no page can do at the"
                    + " cost of a page; order applies by sort key to a Query: filter on a partition key, or drop the"
                    + " order");
        }
        byte @Nullable [] key = context.binding().cursorKey();
        if (segments > 1 && plan.operation() == Plan.Operation.SCAN) {
            return parallelPage(plan, size, key, cursor);
        }
        byte[] fingerprint = Cursors.fingerprint(context.type(), plan);
        Map<String, AttributeValue> start = cursor == null ? null
                : Cursors.decode(cursor, fingerprint, plan.position(), key, context.type().getSimpleName());
        Reader<T> reader = new Reader<>(context);
        Reader.RawPage raw = reader.page(plan, size, start);
        Tracking<T> tracking = new Tracking<>(context);
        List<T> items = new ArrayList<>(raw.rows().size());
        for (Reader.Row row : raw.rows()) {
            items.add(tracking.load(reader.asProjected(plan, row.item()), plan.projectedFields()));
        }
        String next = raw.more() && !raw.rows().isEmpty()
                ? Cursors.encode(fingerprint, raw.rows().get(raw.rows().size() - 1).position(), key) : null;
        return new Paged<>(withIncludes(items), next);
    }

    /** A page of a scan in parallel segments: the cursor holds where each segment stands. */
    private Paged<T> parallelPage(Plan plan, int size, byte @Nullable [] key, @Nullable String cursor) {
        byte[] fingerprint = Cursors.fingerprint(context.type(), plan, segments);
        List<Cursors.Position> from = cursor == null ? Collections.nCopies(segments, Cursors.Position.START)
                : Cursors.decode(cursor, fingerprint, plan.position(), key, context.type().getSimpleName(), segments);
        Reader<T> reader = new Reader<>(context);
        Reader.SegmentedPage raw = reader.page(plan, size, segments, from);
        Tracking<T> tracking = new Tracking<>(context);
        List<T> items = new ArrayList<>(raw.rows().size());
        for (Reader.Row row : raw.rows()) {
            items.add(tracking.load(row.item(), plan.projectedFields()));
        }
        return new Paged<>(withIncludes(items), raw.more() ? Cursors.encode(fingerprint, raw.next(), key) : null);
    }

    /**
     * Reads page after page, each one only when the stream asks for it; starts after the cursor given to
     * {@link #after}, if any.
     *
     * @param size the most items a page holds, at least 1
     * @return the pages, lazily; the last one has no cursor
     */
    public Stream<Paged<T>> pages(int size) {
        if (size < 1) {
            throw new InvalidQueryException("page size must be at least 1, was " + size);
        }
        Iterator<Paged<T>> pages = new Iterator<>() {
            private @Nullable Paged<T> previous;
            private boolean started;

            @Override
            public boolean hasNext() {
                return !started || previous != null && previous.cursor() != null;
            }

            @Override
            public Paged<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String cursor = started ? Objects.requireNonNull(previous).cursor() : after;
                started = true;
                previous = page(size, cursor);
                return previous;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Returns what the query will send.
     *
     * @return the explanation
     */
    public Explanation explain() {
        return plan(limit, order).describe(ScanGuard.verdict(context, allowScan).name(), segments);
    }

    /**
     * The guard of a bulk write by this query's filters: the conditions on attributes other than the table's key.
     *
     * @return the guard
     */
    Guard guard() {
        List<Condition> nonKey = new ArrayList<>();
        for (Condition condition : conditions) {
            // a compound is kept whole, even when it reads a key attribute
            if (condition.rule() == null || !context.mapper().isKey(condition.rule().name)) {
                nonKey.add(condition);
            }
        }
        return new Guard(nonKey);
    }

    /** The plan of this query, checked by the client's scan policy: what a run sends. */
    private Plan runnable(@Nullable Integer limitOverride, @Nullable Order orderOverride) {
        Plan plan = plan(limitOverride, orderOverride);
        ScanGuard.check(context, plan, conditions, allowScan);
        return plan;
    }

    /** The plan of this query; bulk writes run it too. */
    Plan plan(@Nullable Integer limitOverride, @Nullable Order orderOverride) {
        List<String> loaded = new ArrayList<>(fields);
        if (!loaded.isEmpty()) {
            // the fields the includes join on are loaded even when not asked for
            for (String relation : includes.keySet()) {
                String localKey = Objects.requireNonNull(context.rules().relation(relation)).localKey();
                if (context.rules().field(localKey) != null && !loaded.contains(localKey)) {
                    loaded.add(localKey);
                }
            }
        }
        return new Planner(context).plan(conditions,
                new Planner.Options(limitOverride, skip, orderOverride, List.copyOf(loaded), trash));
    }

}
