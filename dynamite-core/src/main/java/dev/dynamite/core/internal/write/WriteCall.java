package dev.dynamite.core.internal.write;

import dev.dynamite.api.TransactionContext;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The one place a single-item write is submitted: queued in a transaction, sent as a direct request, or sent as a
 * one-action {@code TransactWriteItems} with a {@code ClientRequestToken} (idempotent: DynamoDB applies an SDK retry
 * of an applied request once). A failed condition is answered with the item as stored (from the failure's
 * {@code ALL_OLD}, else a consistent read), and a retry that finds exactly what its operation leaves behind
 * ({@link WriteOp#recognizes}) counts as applied: the earlier attempt was, and its response was lost.
 */
public final class WriteCall {
    /** How a submission ended. */
    public enum Status {
        /** DynamoDB applied the write. */
        APPLIED,
        /** The write is an action of a transaction, applied (or not) when it commits. */
        QUEUED,
        /** The condition failed; nothing was written by this call. */
        REFUSED
    }

    /**
     * What a submission did.
     *
     * @param status how it ended
     * @param stored for {@code REFUSED}, the item as stored then, or null if there is none
     * @param cause for {@code REFUSED}, DynamoDB's answer (a failed condition or a cancelled transaction)
     */
    public record Result(Status status, @Nullable Map<String, AttributeValue> stored,
                         @Nullable RuntimeException cause) {
        /** @return whether the write was applied or queued */
        public boolean written() {
            return status != Status.REFUSED;
        }
    }

    /**
     * What to do around the write.
     *
     * @param after runs once the write is applied (at once, or when the transaction commits) with the attributes a
     *     direct update returned ({@link WriteOp#returnsNew}), empty otherwise
     * @param undo runs when the write does not happen: its condition failed, or its transaction did not commit
     * @param receipt confirmed as soon as DynamoDB confirms a direct write, or null
     */
    public record Hooks(Consumer<Map<String, AttributeValue>> after, Runnable undo, @Nullable Receipt receipt) {
        /** @return hooks that do nothing */
        public static Hooks none() {
            return new Hooks(returned -> { }, () -> { }, null);
        }
    }

    private WriteCall() {
    }

    /**
     * Submits a write.
     *
     * @param client the client
     * @param op the write
     * @param tx the transaction to queue it in, or null to send it now
     * @param idempotent outside a transaction, whether to send it as a one-action transaction with a token
     * @param hooks what to run after it, or when it does not happen
     * @return what happened
     * @throws software.amazon.awssdk.core.exception.SdkException for any failure other than the condition's (its
     *     outcome is then in doubt when the SDK attempted it more than once)
     */
    public static Result submit(DynamoDbClient client, WriteOp op, @Nullable TransactionContext tx, boolean idempotent,
                                Hooks hooks) {
        if (tx != null) {
            tx.add(op.transactItem(false), op.key(), op.model().type(), () -> hooks.after().accept(Map.of()),
                    hooks.undo());
            return new Result(Status.QUEUED, null, null);
        }
        Map<String, AttributeValue> returned = Map.of();
        try {
            if (idempotent) {
                sendOnce(client, op);
            } else {
                returned = send(client, op);
            }
        } catch (Refused refused) {
            hooks.undo().run();
            return new Result(Status.REFUSED, refused.stored, refused.cause);
        }
        if (hooks.receipt() != null) {
            hooks.receipt().confirm();
        }
        hooks.after().accept(returned);
        return new Result(Status.APPLIED, null, null);
    }

    /** Sends a direct request; returns the attributes an update returned. */
    private static Map<String, AttributeValue> send(DynamoDbClient client, WriteOp op) throws Refused {
        try {
            switch (op.kind()) {
                case PUT -> client.putItem(op.putRequest());
                case DELETE -> client.deleteItem(op.deleteRequest());
                case UPDATE -> {
                    UpdateItemResponse response = client.updateItem(op.updateRequest());
                    return response.hasAttributes() ? response.attributes() : Map.of();
                }
            }
            return Map.of();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = e.hasItem() && !e.item().isEmpty() ? e.item() : read(client, op);
            Integer attempts = e.numAttempts();
            if (attempts != null && attempts > 1 && op.recognizes(stored)) {
                return Map.of();   // the SDK's retry of an applied attempt, whose response was lost
            }
            throw new Refused(stored, e);
        }
    }

    /** Sends a one-action transaction with a fresh token: an SDK retry of it is applied once. */
    private static void sendOnce(DynamoDbClient client, WriteOp op) throws Refused {
        try {
            client.transactWriteItems(TransactWriteItemsRequest.builder()
                    .clientRequestToken(UUID.randomUUID().toString())
                    .transactItems(op.transactItem(true)).build());
        } catch (TransactionCanceledException e) {
            CancellationReason reason = e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                    ? e.cancellationReasons().get(0) : null;
            if (reason == null || !"ConditionalCheckFailed".equals(reason.code())) {
                throw e;
            }
            throw new Refused(reason.hasItem() && !reason.item().isEmpty() ? reason.item() : read(client, op), e);
        }
    }

    /** The item as stored now, by a consistent read; null if there is none. */
    private static @Nullable Map<String, AttributeValue> read(DynamoDbClient client, WriteOp op) {
        GetItemResponse current = client.getItem(b -> b.tableName(op.model().table()).key(op.key())
                .consistentRead(true));
        return current.hasItem() && !current.item().isEmpty() ? current.item() : null;
    }

    /** A failed condition, with the item as stored. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient @Nullable Map<String, AttributeValue> stored;
        private final RuntimeException cause;

        Refused(@Nullable Map<String, AttributeValue> stored, RuntimeException cause) {
            super(null, null, false, false);
            this.stored = stored;
            this.cause = cause;
        }
    }
}
