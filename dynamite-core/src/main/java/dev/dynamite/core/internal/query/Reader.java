package dev.dynamite.core.internal.query;

import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.Tracking;
import dev.dynamite.core.internal.model.Trash;
import dev.dynamite.core.internal.query.Plan.Operation;
import dev.dynamite.core.internal.write.Workers;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Runs a {@link Plan}: reads pages only as the results are consumed, pushes {@code Limit} down when every item the
 * server returns matches, follows {@code LastEvaluatedKey} until the limit is met, and reads index results whole with
 * {@code BatchGetItem} when the index does not project what was asked.
 *
 * @param <T> the model type
 */
final class Reader<T> {
    /** The logger, looked up on first use: finding the logging backend costs a cold start milliseconds. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.dynamite.query");
    }

    private final ModelContext<T> context;
    private final DynamoDbClient client;

    Reader(ModelContext<T> context) {
        this.context = context;
        this.client = context.client();
    }

    /** The matching entities, after skip and limit, read lazily. */
    Stream<T> stream(Plan plan) {
        return stream(plan, 1);
    }

    /**
     * The matching entities, after skip and limit, read lazily; a scan in {@code segments} parallel segments when
     * more than one is asked (then in no particular order, unless sorted in memory). Close the stream when it is not
     * read to its end: that stops the segments' readers.
     */
    Stream<T> stream(Plan plan, int segments) {
        if (plan.operation() == Operation.NONE || plan.limit() != null && plan.limit() == 0) {
            return Stream.empty();
        }
        boolean parallel = segments > 1 && plan.operation() == Operation.SCAN;
        Stream<Map<String, AttributeValue>> items;
        if (plan.operation() == Operation.GET_ITEM) {
            items = getItem(plan).stream();
        } else if (plan.operation() == Operation.BATCH_GET_ITEM) {
            items = batchGet(plan).stream();
        } else if (plan.sortInMemory()) {
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            if (parallel) {
                try (Stream<Map<String, AttributeValue>> read = segments(plan, segments)) {
                    read.forEach(all::add);
                }
            } else {
                new Pages(plan).forEachRemaining(all::add);
            }
            Comparator<Map<String, AttributeValue>> byKey = keyOrder();
            all.sort(plan.forward() ? byKey : byKey.reversed());
            items = all.stream();
        } else if (parallel) {
            items = segments(plan, segments);
        } else {
            items = StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Pages(plan),
                    Spliterator.ORDERED | Spliterator.NONNULL), false);
        }
        if (!plan.residual().isEmpty()) {
            items = items.filter(item -> plan.residual().stream().allMatch(condition -> condition.test(item)));
        }
        if (plan.skip() > 0) {
            items = items.skip(plan.skip());
        }
        if (plan.limit() != null) {
            items = items.limit(plan.limit());
        }
        Tracking<T> tracking = new Tracking<>(context);
        return items.map(item -> tracking.load(asProjected(plan, item), plan.projectedFields()));
    }

    /**
     * One stored item of a page and where it stands in the read.
     *
     * @param item the item
     * @param position its position attributes, which the next page starts after
     */
    record Row(Map<String, AttributeValue> item, Map<String, AttributeValue> position) {
    }

    /**
     * One page of raw rows.
     *
     * @param rows at most the page size of matching items
     * @param more whether more items may follow the last row
     */
    record RawPage(List<Row> rows, boolean more) {
    }

    /**
     * Reads one page: at most {@code size} matching items after a position, reading DynamoDB pages of at most
     * {@code size} items until the page is full or the read ends. A page costs what it holds, wherever it starts.
     *
     * @param plan the plan, which must not sort in memory
     * @param size the most items
     * @param after the position to start after, or null for the first page
     * @return the page
     */
    RawPage page(Plan plan, int size, @Nullable Map<String, AttributeValue> after) {
        switch (plan.operation()) {
            case NONE -> {
                return new RawPage(List.of(), false);
            }
            case GET_ITEM, BATCH_GET_ITEM -> {
                List<Map<String, AttributeValue>> found = plan.operation() == Operation.GET_ITEM ? getItem(plan)
                        : batchGet(plan);
                Comparator<Map<String, AttributeValue>> byKey = plan.forward() ? keyOrder() : keyOrder().reversed();
                List<Row> rows = new ArrayList<>();
                for (Map<String, AttributeValue> item : found) {
                    if (after == null || byKey.compare(item, after) > 0) {
                        rows.add(new Row(item, position(plan, item)));
                    }
                }
                return rows.size() > size ? new RawPage(List.copyOf(rows.subList(0, size)), true)
                        : new RawPage(rows, false);
            }
            default -> {
                return readPage(plan, size, after);
            }
        }
    }

    /**
     * One page of a scan in parallel segments.
     *
     * @param rows at most the page size of items: each segment's, in segment order
     * @param next where each segment stands after the page
     */
    record SegmentedPage(List<Row> rows, List<Cursors.Position> next) {
        /** Whether a segment has items left. */
        boolean more() {
            return next.stream().anyMatch(position -> !position.done());
        }
    }

    /**
     * Reads one page of a scan in {@code segments} parallel segments: each round asks every segment not yet done for
     * its share of the items the page lacks (and one more), all at once, and takes them segment by segment; a segment
     * whose items were not all taken resumes after the last one taken. A page costs its rounds, wherever it starts.
     *
     * @param from where each segment stands: the cursor's positions, or every segment at its start
     */
    SegmentedPage page(Plan plan, int size, int segments, List<Cursors.Position> from) {
        logScan(plan);
        List<Row> rows = new ArrayList<>(size);
        List<Cursors.Position> states = new ArrayList<>(from);
        while (rows.size() < size) {
            List<Integer> active = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                if (!states.get(segment).done()) {
                    active.add(segment);
                }
            }
            if (active.isEmpty()) {
                break;
            }
            // twice an even share of what the page lacks (and one more): few rounds when segments or filters are
            // uneven, and at most twice the items read that one scan would read
            int remaining = size - rows.size();
            int limit = Math.min(remaining, 2 * ((remaining + active.size() - 1) / active.size())) + 1;
            ScanResponse[] responses = new ScanResponse[segments];
            Workers.run(active.size(), context.readConcurrency(), k -> {
                int segment = active.get(k);
                responses[segment] = client.scan(scanRequest(plan, states.get(segment).after(), limit)
                        .segment(segment).totalSegments(segments).build());
                return true;
            });
            for (int segment : active) {
                ScanResponse response = responses[segment];
                List<Map<String, AttributeValue>> items = response.items();
                int taken = 0;
                while (taken < items.size() && rows.size() < size) {
                    Map<String, AttributeValue> item = items.get(taken++);
                    rows.add(new Row(item, position(plan, item)));
                }
                if (taken == items.size()) {
                    Map<String, AttributeValue> start = nextStart(response.hasLastEvaluatedKey(),
                            response.lastEvaluatedKey());
                    states.set(segment, start == null ? Cursors.Position.DONE : Cursors.Position.after(start));
                } else if (taken > 0) {
                    states.set(segment, Cursors.Position.after(position(plan, items.get(taken - 1))));
                }
            }
        }
        return new SegmentedPage(rows, List.copyOf(states));
    }

    private RawPage readPage(Plan plan, int size, @Nullable Map<String, AttributeValue> after) {
        if (plan.operation() == Operation.SCAN) {
            logScan(plan);
        }
        List<Row> rows = new ArrayList<>(size);
        Map<String, AttributeValue> start = after;
        while (true) {
            // the items the page lacks and one more, which tells whether another page follows; DynamoDB's Limit
            // counts items it examined, so with a filter a page may take more than one request
            int limit = size - rows.size() + 1;
            Fetched fetched = fetch(plan, start, limit);
            List<Map<String, AttributeValue>> items = fetched.items();
            start = fetched.next();
            List<Map<String, AttributeValue>> full = plan.fetchFull() ? fullItems(plan, items) : items;
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new HashMap<>();
            if (plan.fetchFull()) {
                full.forEach(item -> byKey.put(context.tableKey(item), item));
            }
            for (int i = 0; i < items.size(); i++) {
                Map<String, AttributeValue> read = items.get(i);
                Map<String, AttributeValue> item = plan.fetchFull() ? byKey.get(context.tableKey(read)) : read;
                if (item == null || !plan.residual().stream().allMatch(condition -> condition.test(item))) {
                    continue;
                }
                rows.add(new Row(item, position(plan, read)));
                if (rows.size() == size) {
                    return new RawPage(rows, i < items.size() - 1 || start != null);
                }
            }
            if (start == null) {
                return new RawPage(rows, false);
            }
        }
    }

    /** One DynamoDB page of a Query or Scan: its items and where the next one starts (null at the end). */
    private record Fetched(List<Map<String, AttributeValue>> items, @Nullable Map<String, AttributeValue> next) {
    }

    private Fetched fetch(Plan plan, @Nullable Map<String, AttributeValue> start, @Nullable Integer limit) {
        if (plan.operation() == Operation.QUERY) {
            QueryResponse page = client.query(queryRequest(plan, start, limit).build());
            return new Fetched(page.items(), nextStart(page.hasLastEvaluatedKey(), page.lastEvaluatedKey()));
        }
        ScanResponse page = client.scan(scanRequest(plan, start, limit).build());
        return new Fetched(page.items(), nextStart(page.hasLastEvaluatedKey(), page.lastEvaluatedKey()));
    }

    /** Where an item stands: its position attributes, as the read returned them. */
    private static Map<String, AttributeValue> position(Plan plan, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> position = new LinkedHashMap<>();
        for (String attribute : plan.position()) {
            AttributeValue value = item.get(attribute);
            if (value == null) {
                throw new IllegalStateException("an item read from " + plan.table() + " lacks its key attribute "
                        + attribute);
            }
            position.put(attribute, value);
        }
        return position;
    }

    /**
     * An item as its projection asked: an index query's projection also reads the index keys (to know each item's
     * position), which are left out again unless they were asked for.
     */
    Map<String, AttributeValue> asProjected(Plan plan, Map<String, AttributeValue> item) {
        if (plan.projectedFields() == null || plan.index() == null) {
            return item;
        }
        Map<String, AttributeValue> visible = null;
        for (String attribute : plan.position()) {
            if (item.containsKey(attribute) && !projects(plan, attribute)) {
                if (visible == null) {
                    visible = new HashMap<>(item);
                }
                visible.remove(attribute);
            }
        }
        return visible == null ? item : visible;
    }

    private boolean projects(Plan plan, String attribute) {
        for (String field : Objects.requireNonNull(plan.projectedFields())) {
            if (context.rules().field(field).attributeName.equals(attribute)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of matching items ({@code Select COUNT}); skip and limit do not apply. A scan is counted in
     * {@code segments} parallel segments when more than one.
     */
    long count(Plan plan, int segments) {
        if (segments > 1 && plan.operation() == Operation.SCAN) {
            logScan(plan);
            AtomicLong count = new AtomicLong();
            Workers.run(segments, context.readConcurrency(), segment -> {
                Map<String, AttributeValue> start = null;
                do {
                    ScanResponse page = client.scan(scanRequest(plan, start, null).select(Select.COUNT)
                            .projectionExpression(null).segment(segment).totalSegments(segments).build());
                    count.addAndGet(page.count());
                    start = nextStart(page.hasLastEvaluatedKey(), page.lastEvaluatedKey());
                } while (start != null);
                return true;
            });
            return count.get();
        }
        switch (plan.operation()) {
            case NONE -> {
                return 0;
            }
            case GET_ITEM -> {
                return getItem(plan).size();
            }
            case BATCH_GET_ITEM -> {
                return batchGet(plan).size();
            }
            case QUERY -> {
                if (!plan.residual().isEmpty()) {
                    // key conditions the server cannot evaluate: count what they let through
                    try (Stream<T> matching = stream(withoutWindow(plan))) {
                        return matching.count();
                    }
                }
                long count = 0;
                Map<String, AttributeValue> start = null;
                do {
                    QueryResponse page = client.query(queryRequest(plan, start, null).select(Select.COUNT)
                            .projectionExpression(null).build());
                    count += page.count();
                    start = nextStart(page.hasLastEvaluatedKey(), page.lastEvaluatedKey());
                } while (start != null);
                return count;
            }
            case SCAN -> {
                logScan(plan);
                long count = 0;
                Map<String, AttributeValue> start = null;
                do {
                    ScanResponse page = client.scan(scanRequest(plan, start, null).select(Select.COUNT)
                            .projectionExpression(null).build());
                    count += page.count();
                    start = nextStart(page.hasLastEvaluatedKey(), page.lastEvaluatedKey());
                } while (start != null);
                return count;
            }
        }
        throw new IllegalStateException(plan.operation().name());
    }

    private static Plan withoutWindow(Plan plan) {
        return new Plan(plan.operation(), plan.table(), plan.index(), plan.keys(), plan.keyCondition(), plan.filter(),
                plan.projection(), plan.names(), plan.values(), plan.projectedFields(), plan.fetchFull(),
                plan.forward(), plan.sortInMemory(), null, 0, plan.trashedInMemory(), plan.residual(),
                plan.position());
    }

    private List<Map<String, AttributeValue>> getItem(Plan plan) {
        GetItemResponse response = client.getItem(b -> b.tableName(plan.table()).key(plan.keys().get(0))
                .projectionExpression(plan.projection()).expressionAttributeNames(plan.names()));
        if (!response.hasItem() || response.item().isEmpty() || !wanted(plan, response.item())) {
            return List.of();
        }
        return List.of(response.item());
    }

    /** The items of the plan's keys that exist (and are in the soft-delete state asked for), in key order. */
    private List<Map<String, AttributeValue>> batchGet(Plan plan) {
        // the plan's names and values also hold the keys as a condition (for explain), which a BatchGetItem refuses
        List<Map<String, AttributeValue>> found = new ArrayList<>(BatchGets.get(client, context.batchDeadline(),
                plan.table(), plan.keys(), fullProjection(plan), fullProjectionNames(plan), context::tableKey,
                context.readConcurrency()).values());
        found.removeIf(item -> !wanted(plan, item));
        Comparator<Map<String, AttributeValue>> byKey = keyOrder();
        found.sort(plan.forward() ? byKey : byKey.reversed());
        return found;
    }

    private boolean wanted(Plan plan, Map<String, AttributeValue> item) {
        boolean trashed = context.isTrashed(item);
        Trash wanted = plan.trashedInMemory();
        return !(wanted == Trash.EXCLUDE && trashed || wanted == Trash.ONLY && !trashed);
    }

    /**
     * The items of a scan in parallel segments: each segment's pages are read on a worker thread (at most the client's
     * read concurrency at once) and handed over through a queue that holds one page a segment, so memory holds a few
     * pages however many items pass. Closing the stream stops the readers; a reader whose pages nobody takes for
     * {@link #ABANDONED_MILLIS} stops too.
     */
    private Stream<Map<String, AttributeValue>> segments(Plan plan, int segments) {
        logScan(plan);
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(segments);
        AtomicBoolean stopped = new AtomicBoolean();
        Object end = new Object();
        Workers.start(() -> {
            Object last = end;
            try {
                Workers.run(segments, context.readConcurrency(), segment -> {
                    Map<String, AttributeValue> start = null;
                    do {
                        ScanResponse page = client.scan(scanRequest(plan, start, null).segment(segment)
                                .totalSegments(segments).build());
                        if (!page.items().isEmpty() && !hand(queue, page.items(), stopped)) {
                            return false;
                        }
                        start = nextStart(page.hasLastEvaluatedKey(), page.lastEvaluatedKey());
                    } while (start != null && !stopped.get());
                    return !stopped.get();
                });
            } catch (RuntimeException | Error e) {
                last = e;
            }
            if (!stopped.get()) {
                // after the stream was closed or abandoned nobody reads, and an end now would read as complete
                hand(queue, last, stopped);
            }
        });
        Iterator<Map<String, AttributeValue>> items = new Iterator<>() {
            private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();
            private boolean finished;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !finished) {
                    Object next;
                    try {
                        next = queue.poll(100, TimeUnit.MILLISECONDS);
                        if (next == null) {
                            if (stopped.get() && queue.isEmpty()) {
                                // the readers gave up while nobody took their pages; they hand nothing more
                                finished = true;
                                throw new IllegalStateException("the parallel scan's readers stopped: its stream was"
                                        + " closed, or not read for " + ABANDONED_MILLIS + " ms; read it without"
                                        + " pausing that long, or use pages(size)");
                            }
                            continue;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopped.set(true);
                        throw new IllegalStateException("interrupted while reading a parallel scan", e);
                    }
                    if (next == end) {
                        finished = true;
                    } else if (next instanceof RuntimeException failure) {
                        finished = true;
                        throw failure;
                    } else if (next instanceof Error failure) {
                        finished = true;
                        throw failure;
                    } else {
                        @SuppressWarnings("unchecked")
                        List<Map<String, AttributeValue>> items = (List<Map<String, AttributeValue>>) next;
                        page = items.iterator();
                    }
                }
                return page.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.NONNULL), false)
                .onClose(() -> stopped.set(true));
    }

    /** How long a parallel scan's reader waits for its pages to be taken before it takes the stream as abandoned. */
    static final long ABANDONED_MILLIS = 60_000;

    /** Hands a page (or the end) to the consumer; false once the stream was closed or abandoned. */
    private static boolean hand(BlockingQueue<Object> queue, Object value,
                                AtomicBoolean stopped) {
        long waited = 0;
        try {
            while (!queue.offer(value, 100, TimeUnit.MILLISECONDS)) {
                waited += 100;
                if (stopped.get() || waited >= ABANDONED_MILLIS) {
                    stopped.set(true);
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
            return false;
        }
    }

    /** The items of every page, read one page at a time as they are consumed. */
    private final class Pages implements Iterator<Map<String, AttributeValue>> {
        private final Plan plan;
        private final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
        private @Nullable Map<String, AttributeValue> start;
        private boolean exhausted;
        private long delivered;

        Pages(Plan plan) {
            this.plan = plan;
            if (plan.operation() == Operation.SCAN) {
                logScan(plan);
            }
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && !exhausted) {
                fetch();
            }
            return !buffer.isEmpty();
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            delivered++;
            return buffer.removeFirst();
        }

        private void fetch() {
            Integer limit = null;
            if (plan.limit() != null && plan.exactPages()) {
                // every item returned matches, so ask for no more than are still wanted
                limit = (int) Math.max(1, Math.min(Integer.MAX_VALUE, plan.skip() + (long) plan.limit() - delivered));
            }
            Fetched fetched = Reader.this.fetch(plan, start, limit);
            List<Map<String, AttributeValue>> items = fetched.items();
            start = fetched.next();
            exhausted = start == null;
            buffer.addAll(plan.fetchFull() ? fullItems(plan, items) : items);
        }
    }

    private QueryRequest.Builder queryRequest(Plan plan, @Nullable Map<String, AttributeValue> start,
                                              @Nullable Integer limit) {
        return QueryRequest.builder().tableName(plan.table()).indexName(plan.index())
                .keyConditionExpression(plan.keyCondition()).filterExpression(plan.filter())
                .projectionExpression(plan.projection()).expressionAttributeNames(plan.names())
                .expressionAttributeValues(plan.values()).scanIndexForward(plan.forward()).exclusiveStartKey(start)
                .limit(limit);
    }

    private ScanRequest.Builder scanRequest(Plan plan, @Nullable Map<String, AttributeValue> start,
                                            @Nullable Integer limit) {
        return ScanRequest.builder().tableName(plan.table()).filterExpression(plan.filter())
                .projectionExpression(plan.projection()).expressionAttributeNames(plan.names())
                .expressionAttributeValues(plan.values()).exclusiveStartKey(start).limit(limit);
    }

    private static @Nullable Map<String, AttributeValue> nextStart(boolean has, Map<String, AttributeValue> key) {
        return has && !key.isEmpty() ? key : null;
    }

    private void logScan(Plan plan) {
        Log.LOG.log(Level.DEBUG, () -> "No key condition applies, so the query scans every item: " + plan.describe());
    }

    /** Reads the items of an index page whole from the table, in the page's order; items gone meanwhile drop out. */
    private List<Map<String, AttributeValue>> fullItems(Plan plan, List<Map<String, AttributeValue>> found) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(found.size());
        for (Map<String, AttributeValue> item : found) {
            keys.add(context.tableKey(item));
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = BatchGets.get(client,
                context.batchDeadline(), plan.table(), keys, fullProjection(plan), fullProjectionNames(plan),
                context::tableKey, context.readConcurrency());
        List<Map<String, AttributeValue>> ordered = new ArrayList<>(keys.size());
        for (Map<String, AttributeValue> key : keys) {
            Map<String, AttributeValue> item = byKey.get(key);
            if (item != null) {
                ordered.add(item);
            }
        }
        return ordered;
    }

    private @Nullable String fullProjection(Plan plan) {
        return plan.projectedFields() == null ? null : context.projectionOf(plan.projectedFields()).expression();
    }

    private @Nullable Map<String, String> fullProjectionNames(Plan plan) {
        return plan.projectedFields() == null ? null : context.projectionOf(plan.projectedFields()).names();
    }

    /** Key order: partition key, then sort key; numbers by value, strings and binaries by their bytes. */
    private Comparator<Map<String, AttributeValue>> keyOrder() {
        String partition = context.partitionAttribute();
        String sort = context.sortAttribute();
        Comparator<Map<String, AttributeValue>> order = (a, b) -> compare(a.get(partition), b.get(partition));
        if (sort != null) {
            order = order.thenComparing((a, b) -> compare(a.get(sort), b.get(sort)));
        }
        return order;
    }

    static int compare(@Nullable AttributeValue a, @Nullable AttributeValue b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        if (a.s() != null && b.s() != null) {
            return Arrays.compareUnsigned(a.s().getBytes(StandardCharsets.UTF_8),
                    b.s().getBytes(StandardCharsets.UTF_8));
        }
        if (a.b() != null && b.b() != null) {
            return Arrays.compareUnsigned(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
        }
        return 0;
    }
}
