package dev.dynamite.api;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one model operation did, as its listeners are told when it ends. Counts cover every request the operation
 * sent, on any thread, the requests of operations nested in it included.
 *
 * @param start the model, operation and table
 * @param plan how it reached DynamoDB: the name of its first request, with the index a {@code Query} or
 *     {@code Scan} read ({@code GetItem}, {@code Query}, {@code Query:byEmail}, {@code Scan}, {@code BatchGetItem},
 *     {@code PutItem}, {@code TransactWriteItems}, …), or {@code none} when it sent no request
 * @param requests the DynamoDB requests it sent (the SDK's retries of one request not counted)
 * @param itemsRead the items its requests answered
 * @param itemsWritten the items its requests wrote
 * @param consumedCapacity the capacity units DynamoDB said its requests consumed
 * @param retries how many times the SDK sent one of its requests again
 * @param outcome whether it returned or threw
 * @param error what it threw, or null
 * @param duration from its start until it returned or threw
 */
public record OperationEvent(OperationStart start, String plan, int requests, long itemsRead, long itemsWritten,
                             double consumedCapacity, int retries, Outcome outcome, @Nullable Throwable error,
                             Duration duration) {
    /** Whether an operation returned or threw. */
    public enum Outcome {
        /** It returned. */
        SUCCESS,
        /** It threw; {@link #error()} says what. */
        ERROR
    }

    /**
     * Checks the parts.
     *
     * @param start the start
     * @param plan the plan
     * @param requests the requests sent
     * @param itemsRead the items read
     * @param itemsWritten the items written
     * @param consumedCapacity the capacity units consumed
     * @param retries the retries
     * @param outcome the outcome
     * @param error the failure, or null
     * @param duration how long it took
     */
    public OperationEvent {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
