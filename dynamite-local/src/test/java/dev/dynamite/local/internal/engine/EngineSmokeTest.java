package dev.dynamite.local.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.local.DynamoDbLocal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The engine through the AWS SDK and the in-process transport: the basic item life cycle. */
class EngineSmokeTest {
    private final DynamoDbLocal local = DynamoDbLocal.create();
    private final DynamoDbClient client = local.client();

    @AfterEach
    void close() {
        client.close();
        local.close();
    }

    private void createTable() {
        client.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    @Test
    void putGetUpdateQueryDelete() {
        createTable();
        assertThat(client.describeTable(b -> b.tableName("things")).table().tableStatusAsString()).isEqualTo("ACTIVE");
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.putItem(b -> b.tableName("things").item(Map.of("pk", AttributeValue.fromS("a"),
                    "sk", AttributeValue.fromN(Integer.toString(n)), "v", AttributeValue.fromN("10"))));
        }
        assertThat(client.getItem(b -> b.tableName("things").key(Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("3")))).item()).containsEntry("v", AttributeValue.fromN("10"));

        var updated = client.updateItem(b -> b.tableName("things")
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("3")))
                .updateExpression("SET v = v + :d, #s = :s")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromN("5"), ":s", AttributeValue.fromS("ok")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updated.attributes()).containsEntry("v", AttributeValue.fromN("15"))
                .containsEntry("status", AttributeValue.fromS("ok"));

        var query = client.query(b -> b.tableName("things").keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a"), ":a", AttributeValue.fromN("1"),
                        ":b", AttributeValue.fromN("3")))
                .scanIndexForward(false));
        assertThat(query.items()).extracting(i -> i.get("sk").n()).containsExactly("3", "2", "1");

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("things")
                .item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);

        client.deleteItem(b -> b.tableName("things").key(Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("1"))));
        assertThat(client.scan(b -> b.tableName("things")).count()).isEqualTo(4);
    }
}
