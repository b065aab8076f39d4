package dev.dynamite.core.internal.write;

import dev.dynamite.api.PartialWriteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Unconditional puts and deletes with {@code BatchWriteItem}: 25 a request, {@code UnprocessedItems} retried with
 * exponential backoff and full jitter until a deadline. A failure, or items still unprocessed at the deadline, throw
 * a {@link PartialWriteException} that lists what was written, what was not and what is in doubt.
 */
public final class BatchWriter {
    /** DynamoDB's limit of requests in one {@code BatchWriteItem}. */
    public static final int MAX_REQUESTS = 25;

    private BatchWriter() {
    }

    /**
     * Writes unconditional operations as {@code BatchWriteItem} entries ({@link WriteOp#batchEntry}).
     *
     * @param client the SDK client
     * @param model the model the table belongs to, or null (a pivot table)
     * @param table the table
     * @param operation the call, for the exception
     * @param ops the puts and deletes, unconditional, no two on the same key
     * @param deadline how long unprocessed items are retried
     * @param concurrency the most requests in flight at once
     * @throws PartialWriteException if a request failed or items stayed unprocessed until the deadline
     * @throws IllegalStateException if an operation has a condition
     */
    public static void write(DynamoDbClient client, @Nullable Class<?> model, String table, String operation,
                             List<WriteOp> ops, Duration deadline, int concurrency) {
        Map<WriteRequest, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
        for (WriteOp op : ops) {
            keys.put(op.batchEntry(), op.key());
        }
        write(client, model, table, operation, List.copyOf(keys.keySet()), keys::get, deadline, concurrency);
    }

    /**
     * Writes every request, {@value #MAX_REQUESTS} a request, with up to {@code concurrency} requests in flight; each
     * request's unprocessed items are retried until the deadline. After a failure no new request starts; those in
     * flight finish and are counted.
     *
     * @param client the SDK client
     * @param model the model the table belongs to, or null (a pivot table)
     * @param table the table
     * @param operation the call, for the exception
     * @param writes the puts and deletes, no two on the same key
     * @param keyOf the key of a request
     * @param deadline how long unprocessed items are retried
     * @param concurrency the most requests in flight at once
     * @throws PartialWriteException if a request failed or items stayed unprocessed until the deadline: it lists the
     *     keys written, not written and in doubt (a request that failed after more than one attempt)
     */
    public static void write(DynamoDbClient client, @Nullable Class<?> model, String table, String operation,
                             List<WriteRequest> writes, Function<WriteRequest, Map<String, AttributeValue>> keyOf,
                             Duration deadline, int concurrency) {
        int chunks = (writes.size() + MAX_REQUESTS - 1) / MAX_REQUESTS;
        List<Map<String, AttributeValue>> written = Collections.synchronizedList(new ArrayList<>());
        List<Map<String, AttributeValue>> notWritten = Collections.synchronizedList(new ArrayList<>());
        List<Map<String, AttributeValue>> inDoubt = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        boolean[] started = new boolean[chunks];
        Backoff backoff = Backoff.start(deadline);
        Workers.run(chunks, concurrency, chunk -> {
            started[chunk] = true;
            List<WriteRequest> pending = new ArrayList<>(writes.subList(chunk * MAX_REQUESTS,
                    Math.min(writes.size(), (chunk + 1) * MAX_REQUESTS)));
            for (int retry = 0; !pending.isEmpty(); retry++) {
                if (retry > 0) {
                    if (backoff.expired()) {
                        pending.forEach(w -> notWritten.add(keyOf.apply(w)));
                        failures.add(new IllegalStateException(pending.size() + " item(s) still unprocessed after "
                                + retry + " BatchWriteItem requests and " + deadline.toMillis() + " ms: the"
                                + " table's write capacity is probably exhausted"));
                        return false;
                    }
                    backoff.pause(retry);
                }
                List<WriteRequest> request = List.copyOf(pending);
                BatchWriteItemResponse response;
                try {
                    response = client.batchWriteItem(b -> b.requestItems(Map.of(table, request)));
                } catch (RuntimeException e) {
                    (Outcomes.inDoubt(e) ? inDoubt : notWritten).addAll(keys(request, List.of(), keyOf));
                    failures.add(e);
                    return false;
                }
                List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
                for (WriteRequest sent : request) {
                    if (!unprocessed.contains(sent)) {
                        written.add(keyOf.apply(sent));
                    }
                }
                pending.clear();
                pending.addAll(unprocessed);
            }
            return true;
        });
        if (failures.isEmpty()) {
            return;
        }
        for (int chunk = 0; chunk < chunks; chunk++) {
            if (!started[chunk]) {
                notWritten.addAll(keys(writes.subList(chunk * MAX_REQUESTS,
                        Math.min(writes.size(), (chunk + 1) * MAX_REQUESTS)), List.of(), keyOf));
            }
        }
        Throwable cause = failures.get(0);
        failures.subList(1, failures.size()).forEach(cause::addSuppressed);
        throw partial(model, table, operation, List.copyOf(written), List.copyOf(notWritten), List.copyOf(inDoubt),
                cause);
    }

    private static List<Map<String, AttributeValue>> keys(List<WriteRequest> first, List<WriteRequest> then,
                                                          Function<WriteRequest, Map<String, AttributeValue>> keyOf) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        first.forEach(w -> keys.add(keyOf.apply(w)));
        then.forEach(w -> keys.add(keyOf.apply(w)));
        return keys;
    }

    private static PartialWriteException partial(@Nullable Class<?> model, String table, String operation,
                                                 List<Map<String, AttributeValue>> written,
                                                 List<Map<String, AttributeValue>> notWritten,
                                                 List<Map<String, AttributeValue>> inDoubt, Throwable cause) {
        return new PartialWriteException(model, table, operation, written, notWritten, inDoubt, cause);
    }
}
