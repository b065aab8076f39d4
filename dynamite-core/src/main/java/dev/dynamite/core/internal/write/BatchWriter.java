package dev.dynamite.core.internal.write;

import dev.dynamite.api.PartialWriteException;
import java.time.Duration;
import java.util.ArrayList;
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
     * @throws PartialWriteException if a request failed or items stayed unprocessed until the deadline
     * @throws IllegalStateException if an operation has a condition
     */
    public static void write(DynamoDbClient client, @Nullable Class<?> model, String table, String operation,
                             List<WriteOp> ops, Duration deadline) {
        Map<WriteRequest, Map<String, AttributeValue>> keys = new java.util.LinkedHashMap<>();
        for (WriteOp op : ops) {
            keys.put(op.batchEntry(), op.key());
        }
        write(client, model, table, operation, List.copyOf(keys.keySet()), keys::get, deadline);
    }

    /**
     * Writes every request.
     *
     * @param client the SDK client
     * @param model the model the table belongs to, or null (a pivot table)
     * @param table the table
     * @param operation the call, for the exception
     * @param writes the puts and deletes, no two on the same key
     * @param keyOf the key of a request
     * @param deadline how long unprocessed items are retried
     * @throws PartialWriteException if a request failed or items stayed unprocessed until the deadline
     */
    public static void write(DynamoDbClient client, @Nullable Class<?> model, String table, String operation,
                             List<WriteRequest> writes, Function<WriteRequest, Map<String, AttributeValue>> keyOf,
                             Duration deadline) {
        List<Map<String, AttributeValue>> written = new ArrayList<>();
        Backoff backoff = Backoff.start(deadline);
        for (int from = 0; from < writes.size(); from += MAX_REQUESTS) {
            List<WriteRequest> pending = new ArrayList<>(writes.subList(from,
                    Math.min(writes.size(), from + MAX_REQUESTS)));
            List<WriteRequest> unsent = writes.subList(Math.min(writes.size(), from + MAX_REQUESTS), writes.size());
            for (int retry = 0; !pending.isEmpty(); retry++) {
                if (retry > 0) {
                    if (backoff.expired()) {
                        throw partial(model, table, operation, written, keys(pending, unsent, keyOf), List.of(),
                                new IllegalStateException(pending.size() + " item(s) still unprocessed after " + retry
                                        + " BatchWriteItem requests and " + deadline.toMillis() + " ms: the"
                                        + " table's write capacity is probably exhausted"));
                    }
                    backoff.pause(retry);
                }
                List<WriteRequest> request = List.copyOf(pending);
                BatchWriteItemResponse response;
                try {
                    response = client.batchWriteItem(b -> b.requestItems(Map.of(table, request)));
                } catch (RuntimeException e) {
                    boolean doubt = Outcomes.inDoubt(e);
                    throw partial(model, table, operation, written,
                            keys(doubt ? List.of() : request, unsent, keyOf),
                            doubt ? keys(request, List.of(), keyOf) : List.of(), e);
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
        }
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
