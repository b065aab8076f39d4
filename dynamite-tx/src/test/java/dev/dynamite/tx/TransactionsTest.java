package dev.dynamite.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.dynamite.api.Expression;
import dev.dynamite.api.TransactionLimitException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/** The exact request a transaction sends, on a mocked client (pure logic: the server tests are in dynamite-core). */
class TransactionsTest {

    @SuppressWarnings("unchecked")
    private static DynamoDbClient client() {
        DynamoDbClient client = mock(DynamoDbClient.class);
        when(client.describeTable(any(Consumer.class))).thenAnswer(call -> {
            DescribeTableRequest.Builder request = DescribeTableRequest.builder();
            ((Consumer<DescribeTableRequest.Builder>) call.getArgument(0)).accept(request);
            return DescribeTableResponse.builder().table(t -> t.tableName(request.build().tableName())
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))).build();
        });
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenReturn(TransactWriteItemsResponse.builder().build());
        return client;
    }

    @Test
    void sendsOneRequestWithEveryActionInOrder() {
        DynamoDbClient client = client();
        String result = Transactions.run(client, TransactionOptions.builder().clientRequestToken("order-42").build(),
                tx -> {
                    tx.addPut("orders", Map.of("id", "o1", "total", 12.5, "tags", Set.of("new")),
                            Expression.of("attribute_not_exists(#id)").name("#id", "id"));
                    tx.addUpdate("users", Map.of("id", "u1"), Expression.of("SET #n = #n + :one").name("#n", "orders")
                            .value(":one", 1), Expression.of("attribute_exists(#id)").name("#id", "id"));
                    tx.addDelete("carts", Map.of("id", "c1"));
                    tx.addConditionCheck("stock", Map.of("id", "s1"), Expression.of("#q >= :q").name("#q", "quantity")
                            .value(":q", 2));
                    assertThat(tx.size()).isEqualTo(4);
                    return "done";
                });
        assertThat(result).isEqualTo("done");

        ArgumentCaptor<TransactWriteItemsRequest> sent = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
        verify(client).transactWriteItems(sent.capture());
        TransactWriteItemsRequest request = sent.getValue();
        assertThat(request.clientRequestToken()).isEqualTo("order-42");
        List<TransactWriteItem> actions = request.transactItems();
        assertThat(actions).hasSize(4);

        assertThat(actions.get(0).put().tableName()).isEqualTo("orders");
        assertThat(actions.get(0).put().item()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "id", AttributeValue.fromS("o1"), "total", AttributeValue.fromN("12.5"),
                "tags", AttributeValue.fromSs(List.of("new"))));
        assertThat(actions.get(0).put().conditionExpression()).isEqualTo("attribute_not_exists(#id)");
        assertThat(actions.get(0).put().expressionAttributeNames()).isEqualTo(Map.of("#id", "id"));

        assertThat(actions.get(1).update().tableName()).isEqualTo("users");
        assertThat(actions.get(1).update().key()).isEqualTo(Map.of("id", AttributeValue.fromS("u1")));
        assertThat(actions.get(1).update().updateExpression()).isEqualTo("SET #n = #n + :one");
        assertThat(actions.get(1).update().conditionExpression()).isEqualTo("attribute_exists(#id)");
        assertThat(actions.get(1).update().expressionAttributeNames()).isEqualTo(Map.of("#n", "orders", "#id", "id"));
        assertThat(actions.get(1).update().expressionAttributeValues()).isEqualTo(Map.of(":one",
                AttributeValue.fromN("1")));

        assertThat(actions.get(2).delete().tableName()).isEqualTo("carts");
        assertThat(actions.get(2).delete().key()).isEqualTo(Map.of("id", AttributeValue.fromS("c1")));
        assertThat(actions.get(2).delete().conditionExpression()).isNull();

        assertThat(actions.get(3).conditionCheck().tableName()).isEqualTo("stock");
        assertThat(actions.get(3).conditionCheck().conditionExpression()).isEqualTo("#q >= :q");
        assertThat(actions.get(3).conditionCheck().expressionAttributeValues()).isEqualTo(Map.of(":q",
                AttributeValue.fromN("2")));
    }

    @Test
    void aFreshTokenPerTransactionAndNothingSentWhenTheCallbackThrowsOrOverflows() {
        DynamoDbClient client = client();
        Transactions.run(client, TransactionOptions.defaults(), tx -> {
            tx.addDelete("carts", Map.of("id", "c1"));
            return null;
        });
        Transactions.run(client, TransactionOptions.defaults(), tx -> {
            tx.addDelete("carts", Map.of("id", "c2"));
            return null;
        });
        ArgumentCaptor<TransactWriteItemsRequest> sent = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
        verify(client, org.mockito.Mockito.times(2)).transactWriteItems(sent.capture());
        assertThat(sent.getAllValues().get(0).clientRequestToken()).isNotBlank()
                .isNotEqualTo(sent.getAllValues().get(1).clientRequestToken());

        DynamoDbClient untouched = client();
        assertThatThrownBy(() -> Transactions.run(untouched, TransactionOptions.builder().maxActions(2).build(), tx -> {
            for (int i = 0; i < 3; i++) {
                tx.addDelete("carts", Map.of("id", "c" + i));
            }
            return null;
        })).isInstanceOf(TransactionLimitException.class).hasMessageContaining("at most 2 actions");
        verify(untouched, never()).transactWriteItems(any(TransactWriteItemsRequest.class));
        Integer seven = Transactions.run(untouched, TransactionOptions.defaults(), tx -> 7);
        assertThat(seven).isEqualTo(7);
        verify(untouched, never()).transactWriteItems(any(TransactWriteItemsRequest.class));
    }

    @Test
    void aCommitCancelledOnlyByAConflictIsSentAgainWithTheSameToken() {
        DynamoDbClient client = client();
        software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException conflict =
                software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.builder()
                        .message("conflict").cancellationReasons(
                                software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder()
                                        .code("TransactionConflict").build()).build();
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class))).thenThrow(conflict)
                .thenReturn(TransactWriteItemsResponse.builder().build());
        Transactions.run(client, TransactionOptions.defaults(), tx -> {
            tx.addDelete("carts", Map.of("id", "c1"));
            return null;
        });
        ArgumentCaptor<TransactWriteItemsRequest> sent = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
        verify(client, org.mockito.Mockito.times(2)).transactWriteItems(sent.capture());
        assertThat(sent.getAllValues().get(1)).isSameAs(sent.getAllValues().get(0));
    }
}
