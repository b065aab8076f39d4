package dev.dynamite.core.internal.model;

import dev.dynamite.api.IncompleteBatchException;
import dev.dynamite.core.internal.write.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Reads the items of the given keys; keys without an item are absent from the result.
     *
     * @param deadline how long unprocessed keys are retried
     * @param keyOf the key of a returned item, to match it with the key asked for
     * @return the items by key
     */
    static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> get(
            DynamoDbClient client, Duration deadline, String table, List<Map<String, AttributeValue>> keys,
            @Nullable String projection,
            @Nullable Map<String, String> names, Function<Map<String, AttributeValue>, Map<String, AttributeValue>> keyOf) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        Backoff backoff = Backoff.start(deadline);
        int attempts = 0;
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.subList(from,
                    Math.min(keys.size(), from + MAX_KEYS)));
            for (int retry = 0; !pending.isEmpty(); retry++) {
                if (retry > 0) {
                    if (backoff.expired()) {
                        // every key not read: this chunk's pending ones and all of the chunks not yet sent
                        List<Map<String, AttributeValue>> missing = new ArrayList<>(pending);
                        missing.addAll(keys.subList(Math.min(keys.size(), from + MAX_KEYS), keys.size()));
                        throw new IncompleteBatchException(table, missing, attempts);
                    }
                    backoff.pause(retry);
                }
                List<Map<String, AttributeValue>> request = List.copyOf(pending);
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(request).projectionExpression(projection)
                                .expressionAttributeNames(names).build())));
                attempts++;
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
        }
        return found;
    }
}
