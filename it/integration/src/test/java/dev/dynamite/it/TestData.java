package dev.dynamite.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Bulk test data written behind Dynamite's back with {@code BatchWriteItem}, 25 items a request. */
final class TestData {
    private TestData() {
    }

    /** Writes items of strings and numbers; unprocessed items are retried. */
    static void put(DynamoDbClient client, String table, List<Map<String, Object>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, Object> item : items.subList(from, Math.min(items.size(), from + 25))) {
                Map<String, AttributeValue> attributes = new HashMap<>();
                item.forEach((name, value) -> attributes.put(name, value instanceof Number number
                        ? AttributeValue.fromN(number.toString()) : AttributeValue.fromS(value.toString())));
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(attributes).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
