package dev.dynamite.core.internal.query;

import dev.dynamite.api.IncompleteBatchException;
import dev.dynamite.core.internal.write.Backoff;
import dev.dynamite.core.internal.write.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads items by key with {@code BatchGetItem}: 100 keys a request, {@code UnprocessedKeys} retried with exponential
 * backoff and full jitter until a deadline, then {@link IncompleteBatchException} listing what is missing.
 */
final class BatchGets {
    static final int MAX_KEYS = 100;

    private BatchGets() {
    }

    /**
     * Reads the items of the given keys, {@value #MAX_KEYS} keys a request, with up to {@code concurrency} requests
     * in flight; keys without an item are absent from the result. Each request's unprocessed keys are retried until
     * the deadline; then no new request starts, and the exception lists every key not read, of every request.
     *
     * @param deadline how long unprocessed keys are retried
     * @param keyOf the key of a returned item, to match it with the key asked for
     * @param concurrency the most requests in flight at once
     * @return the items by key
     * @throws IncompleteBatchException if keys stayed unprocessed until the deadline
     */
    static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> get(
            DynamoDbClient client, Duration deadline, String table, List<Map<String, AttributeValue>> keys,
            @Nullable String projection, @Nullable Map<String, String> names,
            Function<Map<String, AttributeValue>, Map<String, AttributeValue>> keyOf, int concurrency) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();
        List<Map<String, AttributeValue>> missing = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger attempts = new AtomicInteger();
        int chunks = (keys.size() + MAX_KEYS - 1) / MAX_KEYS;
        boolean[] started = new boolean[chunks];
        Backoff backoff = Backoff.start(deadline);
        Workers.run(chunks, concurrency, chunk -> {
            started[chunk] = true;
            List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.subList(chunk * MAX_KEYS,
                    Math.min(keys.size(), (chunk + 1) * MAX_KEYS)));
            for (int retry = 0; !pending.isEmpty(); retry++) {
                if (retry > 0) {
                    if (backoff.expired()) {
                        missing.addAll(pending);
                        return false;
                    }
                    backoff.pause(retry);
                }
                List<Map<String, AttributeValue>> request = List.copyOf(pending);
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(request).projectionExpression(projection)
                                .expressionAttributeNames(names).build())));
                attempts.incrementAndGet();
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    found.put(keyOf.apply(item), item);
                }
                pending.clear();
                KeysAndAttributes unprocessed = response.hasUnprocessedKeys()
                        ? response.unprocessedKeys().get(table) : null;
                if (unprocessed != null && unprocessed.hasKeys()) {
                    pending.addAll(unprocessed.keys());
                }
            }
            return true;
        });
        if (!missing.isEmpty()) {
            // every key not read: the requests that ran out of time, and those never sent
            for (int chunk = 0; chunk < chunks; chunk++) {
                if (!started[chunk]) {
                    missing.addAll(keys.subList(chunk * MAX_KEYS, Math.min(keys.size(), (chunk + 1) * MAX_KEYS)));
                }
            }
            throw new IncompleteBatchException(table, List.copyOf(missing), attempts.get());
        }
        return new HashMap<>(found);
    }
}
