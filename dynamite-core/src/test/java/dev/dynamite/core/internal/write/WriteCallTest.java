package dev.dynamite.core.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.TransactionContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The one place a write is submitted, on hand-built operations and a scripted stand-in for the SDK client (each call
 * answered by the test, no server): applied, refused with the stored item, a lost response recognised, the
 * idempotent form, and the transaction form.
 */
class WriteCallTest {
    private static final WriteModel MODEL = new WriteModel(WriteCallTest.class, "t_docs", "id", "version", null,
            null, null);
    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("d1"));

    /** Answers each call with the function given for its request type; records every request. */
    private static final class Scripted implements DynamoDbClient {
        final List<AwsRequest> requests = new ArrayList<>();
        Function<UpdateItemRequest, UpdateItemResponse> update = r -> UpdateItemResponse.builder().build();
        Function<DeleteItemRequest, DeleteItemResponse> delete = r -> DeleteItemResponse.builder().build();
        Function<GetItemRequest, GetItemResponse> get = r -> GetItemResponse.builder().build();
        Function<TransactWriteItemsRequest, TransactWriteItemsResponse> transact =
                r -> TransactWriteItemsResponse.builder().build();

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            requests.add(request);
            return update.apply(request);
        }

        @Override
        public DeleteItemResponse deleteItem(DeleteItemRequest request) {
            requests.add(request);
            return delete.apply(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            requests.add(request);
            return get.apply(request);
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            requests.add(request);
            return transact.apply(request);
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private final Scripted client = new Scripted();
    private final List<String> events = new ArrayList<>();
    private final Receipt receipt = new Receipt();

    private WriteCall.Hooks hooks() {
        return new WriteCall.Hooks(returned -> events.add("after " + new TreeSet<>(returned.keySet())),
                () -> events.add("undo"), receipt);
    }

    private static WriteOp versionedUpdate() {
        return WriteOp.update(MODEL, KEY).set("title", AttributeValue.fromS("New")).mustExist().version(3)
                .returnNew().build();
    }

    private static ConditionalCheckFailedException failed(Map<String, AttributeValue> item, int attempts) {
        ConditionalCheckFailedException.Builder failure = ConditionalCheckFailedException.builder()
                .message("The conditional request failed");
        if (item != null) {
            failure.item(item);
        }
        failure.numAttempts(attempts);
        return failure.build();
    }

    @Test
    void anAppliedWriteConfirmsItsReceiptAndRunsAfterWithWhatDynamoDbReturned() {
        client.update = r -> UpdateItemResponse.builder().attributes(Map.of("title", AttributeValue.fromS("New"),
                "version", AttributeValue.fromN("4"))).build();

        WriteCall.Result result = WriteCall.submit(client, versionedUpdate(), null, false, hooks());

        assertThat(result.status()).isEqualTo(WriteCall.Status.APPLIED);
        assertThat(receipt.confirmed()).isTrue();
        assertThat(events).containsExactly("after [title, version]");
        UpdateItemRequest sent = (UpdateItemRequest) client.requests.get(0);
        assertThat(sent.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    @Test
    void aRefusedWriteComesBackWithTheStoredItemOfTheFailureAndRunsUndo() {
        Map<String, AttributeValue> stored = Map.of("id", AttributeValue.fromS("d1"), "version",
                AttributeValue.fromN("7"));
        client.update = r -> {
            throw failed(stored, 1);
        };

        WriteCall.Result result = WriteCall.submit(client, versionedUpdate(), null, false, hooks());

        assertThat(result.status()).isEqualTo(WriteCall.Status.REFUSED);
        assertThat(result.stored()).isEqualTo(stored);
        assertThat(result.cause()).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(events).containsExactly("undo");
        assertThat(receipt.confirmed()).isFalse();
        assertThat(client.requests).hasSize(1);
    }

    @Test
    void withoutTheItemInTheFailureTheStoredItemIsReadConsistently() {
        client.update = r -> {
            throw failed(null, 1);
        };

        WriteCall.Result result = WriteCall.submit(client, versionedUpdate(), null, false, hooks());

        assertThat(result.status()).isEqualTo(WriteCall.Status.REFUSED);
        assertThat(result.stored()).as("no item").isNull();
        GetItemRequest read = (GetItemRequest) client.requests.get(1);
        assertThat(read.consistentRead()).isTrue();
        assertThat(read.key()).isEqualTo(KEY);
    }

    @Test
    void aRetryThatFindsExactlyWhatItsWriteLeavesWasTheWriteItself() {
        // the first attempt was applied and its response lost; the SDK's retry finds version 4 and the new title
        Map<String, AttributeValue> ours = Map.of("id", AttributeValue.fromS("d1"), "title",
                AttributeValue.fromS("New"), "version", AttributeValue.fromN("4"));
        client.update = r -> {
            throw failed(ours, 2);
        };

        assertThat(WriteCall.submit(client, versionedUpdate(), null, false, hooks()).status())
                .isEqualTo(WriteCall.Status.APPLIED);
        assertThat(events).containsExactly("after []");

        // the same item found by a first attempt is another writer's: refused
        events.clear();
        client.update = r -> {
            throw failed(ours, 1);
        };
        assertThat(WriteCall.submit(client, versionedUpdate(), null, false, hooks()).status())
                .isEqualTo(WriteCall.Status.REFUSED);
    }

    @Test
    void aRetriedDeleteThatFindsNoItemDeletedIt() {
        client.delete = r -> {
            throw failed(null, 3);
        };
        WriteOp delete = WriteOp.delete(MODEL, KEY).mustExist().build();

        assertThat(WriteCall.submit(client, delete, null, false, hooks()).status())
                .isEqualTo(WriteCall.Status.APPLIED);
    }

    @Test
    void theIdempotentFormIsOneActionWithATokenAndExplainsItsCancellation() {
        Map<String, AttributeValue> stored = Map.of("id", AttributeValue.fromS("d1"), "version",
                AttributeValue.fromN("9"));
        AtomicReference<TransactWriteItemsRequest> sent = new AtomicReference<>();
        client.transact = r -> {
            sent.set(r);
            throw TransactionCanceledException.builder().message("cancelled").cancellationReasons(
                    CancellationReason.builder().code("ConditionalCheckFailed").item(stored).build()).build();
        };

        WriteCall.Result result = WriteCall.submit(client, versionedUpdate(), null, true, hooks());

        assertThat(result.status()).isEqualTo(WriteCall.Status.REFUSED);
        assertThat(result.stored()).isEqualTo(stored);
        assertThat(sent.get().clientRequestToken()).isNotBlank();
        assertThat(sent.get().transactItems()).singleElement().satisfies(action -> assertThat(
                action.update().returnValuesOnConditionCheckFailure())
                .isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD));

        client.transact = r -> {
            throw TransactionCanceledException.builder().message("throttled").cancellationReasons(
                    CancellationReason.builder().code("ThrottlingError").build()).build();
        };
        assertThatThrownBy(() -> WriteCall.submit(client, versionedUpdate(), null, true, hooks()))
                .isInstanceOf(TransactionCanceledException.class).hasMessageContaining("throttled");
    }

    @Test
    void inATransactionTheWriteIsQueuedAndItsAfterRunsOnCommit() {
        List<Object[]> queued = new ArrayList<>();
        TransactionContext tx = (TransactionContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("add")) {
                        queued.add(args);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        WriteOp op = versionedUpdate();

        WriteCall.Result result = WriteCall.submit(client, op, tx, false, hooks());

        assertThat(result.status()).isEqualTo(WriteCall.Status.QUEUED);
        assertThat(client.requests).isEmpty();
        assertThat(events).isEmpty();
        assertThat(queued).singleElement().satisfies(args -> {
            assertThat((TransactWriteItem) args[0]).isEqualTo(op.transactItem(false));
            assertThat(args[1]).isEqualTo(KEY);
            assertThat(args[2]).isEqualTo(WriteCallTest.class);
            ((Runnable) args[3]).run();
        });
        assertThat(events).containsExactly("after []");
    }
}
