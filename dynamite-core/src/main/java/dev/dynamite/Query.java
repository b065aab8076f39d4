package dev.dynamite;

import dev.dynamite.api.Include;
import dev.dynamite.api.Order;
import dev.dynamite.meta.Filter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A query built step by step: {@code model.query().where("age", ">=", 18).orderBy(Order.DESC).limit(10).list()}.
 *
 * <p>Filters given by several {@code where} calls are combined with AND. Nothing is read until {@link #list()},
 * {@link #first()}, {@link #last()}, {@link #count()} or {@link #stream()} runs it; {@link #explain()} shows the plan
 * without running it. A query is a mutable builder, not thread-safe; it may be run more than once.
 *
 * <p>Every run whose plan is a {@code Scan} follows the client's scan policy ({@code DynamiteConfig.Builder.scans}):
 * under {@code REFUSE} it throws {@link dev.dynamite.api.ScanRefusedException} before any request unless the query
 * says {@link #allowScan()}; under {@code WARN}, the default, it logs the filter's shape once.
 *
 * @param <T> the model type
 */
public interface Query<T> {

    /**
     * Adds filters: Java field names to values ({@code null}: the attribute is absent) or to operator maps
     * ({@code Map.of(">=", 18, "<", 65)}).
     *
     * @param filters the filters
     * @return this query
     * @throws dev.dynamite.api.UnknownFieldException if a name is not a persisted field
     * @throws dev.dynamite.api.UnknownOperatorException if an operator map holds an unknown operator
     * @throws dev.dynamite.api.ModelValidationException if a value does not fit its field or operator
     */
    Query<T> where(Map<String, ?> filters);

    /**
     * Adds a typed filter, built from a metamodel's attribute constants: {@code where(Order_.total.gte(ten)
     * .and(Order_.status.in("pending", "paid")))}. The tests of its top-level {@code and} can serve as the key
     * condition; an {@code or} or a {@code not} is only ever a filter (in memory where it reads a queried key).
     * The filter is checked and converted exactly as the map form is, and sends the same request where both can
     * say the same thing.
     *
     * @param filter the filter
     * @return this query
     * @throws dev.dynamite.api.UnknownFieldException if it names a field that is not persisted
     * @throws dev.dynamite.api.ModelValidationException if a value does not fit its field or operator
     */
    Query<T> where(Filter<T> filter);

    /**
     * Adds an equality filter.
     *
     * @param field the Java field name
     * @param value the value; {@code null} for "absent"
     * @return this query
     */
    Query<T> where(String field, @Nullable Object value);

    /**
     * Adds a filter with an operator.
     *
     * @param field the Java field name
     * @param operator one of {@code = != <> < <= > >= in include between beginsWith} or their {@code $} aliases
     * @param value the operand: a collection for {@code in}, two values for {@code between}
     * @return this query
     * @throws dev.dynamite.api.UnknownOperatorException if the operator is unknown
     */
    Query<T> where(String field, String operator, @Nullable Object value);

    /**
     * Orders the results by key (see {@link dev.dynamite.api.Order}).
     *
     * @param order ascending or descending
     * @return this query
     */
    Query<T> orderBy(Order order);

    /**
     * Returns at most {@code limit} matching items.
     *
     * @param limit at least 0
     * @return this query
     */
    Query<T> limit(int limit);

    /**
     * Skips the first {@code skip} matching items.
     *
     * @param skip at least 0
     * @return this query
     */
    Query<T> skip(int skip);

    /**
     * Skips the first {@code offset} matching items; the same as {@link #skip(int)}.
     *
     * @param offset at least 0
     * @return this query
     */
    Query<T> offset(int offset);

    /**
     * Loads only these fields (and the keys, always).
     *
     * @param fields Java field names
     * @return this query
     */
    Query<T> attributes(String... fields);

    /**
     * Includes a relation.
     *
     * @param relation the relation field name
     * @return this query
     */
    Query<T> include(String relation);

    /**
     * Includes a relation with options of its own.
     *
     * @param relation the relation field name
     * @param include what to load of it
     * @return this query
     */
    Query<T> include(String relation, Include include);

    /**
     * Sees soft-deleted items too.
     *
     * @return this query
     */
    Query<T> withTrashed();

    /**
     * Sees only soft-deleted items.
     *
     * @return this query
     */
    Query<T> onlyTrashed();

    /**
     * Runs the query.
     *
     * @return the matching entities after skip and limit
     */
    List<T> list();

    /**
     * Runs the query for its first match in key order (or in the order given).
     *
     * @return the first match, or empty
     */
    Optional<T> first();

    /**
     * Runs the query for its last match in key order (or in the order given).
     *
     * @return the last match, or empty
     */
    Optional<T> last();

    /**
     * Counts the matching items ({@code Select COUNT}; skip and limit do not apply).
     *
     * @return the number of matching items
     */
    long count();

    /**
     * Runs the query lazily: DynamoDB's pages are read as the stream is consumed, at most one page ahead, so memory
     * stays flat however many items pass and the first item arrives after one request. Two cases read more first:
     * an order that only memory can give (an ordered Scan, which {@link #explain()} shows as sorted in memory) reads
     * and sorts every item before the first one comes, and includes load the relations of all items together. Close
     * the stream (try-with-resources) when it is not read to its end; a {@link #parallel(int)} scan's readers stop
     * then.
     *
     * @return the matching entities
     */
    Stream<T> stream();

    /**
     * Reads one page of the query: at most {@code size} matching items (following DynamoDB's pages while a filter
     * discards some), after the cursor given to {@link #after(String)} if any. A page costs the requests its own items
     * need, wherever it starts: page 25 costs what page 1 costs. Includes, projection, soft delete and an order by
     * sort key work as on {@link #list()}.
     *
     * <pre>{@code
     * Page<Order> first = Order.model.query().where("userId", id).page(20);
     * Page<Order> second = Order.model.query().where("userId", id).after(first.cursor().orElseThrow()).page(20);
     * }</pre>
     *
     * @param size the most items, at least 1
     * @return the page; its cursor is empty on the last page
     * @throws dev.dynamite.api.InvalidQueryException if the size is below 1, a limit or skip is set (a page takes
     *     their place), or the order can only be had by sorting every item in memory (an ordered Scan)
     * @throws dev.dynamite.api.InvalidCursorException if the cursor was made by another query, truncated, altered or
     *     not signed with this client's key; before any request
     */
    Page<T> page(int size);

    /**
     * Reads the query page by page, lazily: a page is read only when the stream reaches it, and memory holds one
     * page at a time. Starts after the cursor given to {@link #after(String)}, if any.
     *
     * @param size the most items a page holds, at least 1
     * @return the pages; the last one has no cursor
     * @throws dev.dynamite.api.InvalidQueryException as {@link #page(int)} does
     */
    Stream<Page<T>> pages(int size);

    /**
     * Makes {@link #page(int)} resume exactly after the last item of the page that gave this cursor. The cursor is
     * checked when the page is read. Only pages resume: {@link #list()} and the other runs refuse a cursor.
     *
     * @param cursor the cursor of the previous page ({@link Page#cursor()})
     * @return this query
     */
    Query<T> after(String cursor);

    /**
     * Reads the query, where its plan is a scan, as that many parallel segments ({@code Segment}/
     * {@code TotalSegments}), at most {@code DynamiteConfig.readConcurrency} at once, for {@link #list()},
     * {@link #stream()}, {@link #count()} ({@code Select COUNT} per segment) and pages (whose cursor holds where each
     * segment stands). Every item comes exactly once, in no particular order (unless an order sorts them in memory).
     * A query on a key ignores it. Close a parallel {@link #stream()} that is not read to its end; one left unread for
     * a minute stops its readers, and reading it on then throws {@code IllegalStateException} rather than end early.
     *
     * @param segments 1 (one scan) to 1,000,000
     * @return this query
     * @throws dev.dynamite.api.InvalidQueryException if out of range
     */
    Query<T> parallel(int segments);

    /**
     * Lets this query scan the table (read every item) even where the client's scan policy
     * ({@code DynamiteConfig.Builder.scans}) refuses scans, and keeps it out of the policy's warning log.
     *
     * @return this query
     */
    Query<T> allowScan();

    /**
     * Returns how the query would run, without running it: the plan shows the scan policy's verdict on a scan
     * ({@link QueryPlan#scanPolicy()}).
     *
     * @return the plan
     */
    QueryPlan explain();
}
