package dev.dynamite.local.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.DynamoDbLocal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** DynamoDB reads at most 1 MB per Query or Scan page, then answers with a LastEvaluatedKey to continue from. */
class PageLimitTest {
    private static final int ITEMS = 30;
    private static final int ITEM_BYTES = 100 * 1024;

    private final DynamoDbLocal local = DynamoDbLocal.create();
    private final DynamoDbClient client = local.client();

    @AfterEach
    void close() {
        local.close();
    }

    private void fill() {
        client.createTable(b -> b.tableName("big").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        String payload = "x".repeat(ITEM_BYTES);
        for (int i = 0; i < ITEMS; i++) {
            int n = i;
            client.putItem(b -> b.tableName("big").item(Map.of("pk", AttributeValue.fromS("p"),
                    "sk", AttributeValue.fromN(Integer.toString(n)), "payload", AttributeValue.fromS(payload))));
        }
    }

    @Test
    void queryPagesStopAtOneMegabyteAndResumeFromTheLastKey() {
        fill();
        List<Integer> pageSizes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName("big").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))).exclusiveStartKey(from));
            pageSizes.add(page.count());
            page.items().forEach(i -> keys.add(i.get("sk").n()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        // ten items of 100 KB stay under 1 MB, the eleventh reaches it: DynamoDB stops after the item that does
        assertThat(pageSizes.get(0)).isEqualTo(11);
        assertThat(pageSizes).allMatch(n -> n <= 11);
        assertThat(keys).hasSize(ITEMS).doesNotHaveDuplicates();
        assertThat(keys).isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    }

    @Test
    void scanPagesStopAtOneMegabyteToo() {
        fill();
        Set<String> keys = new HashSet<>();
        int pages = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName("big").exclusiveStartKey(from));
            assertThat(page.scannedCount()).isLessThanOrEqualTo(11);
            page.items().forEach(i -> keys.add(i.get("sk").n()));
            pages++;
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(keys).hasSize(ITEMS);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }
}
