package dev.dynamite.api;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one DynamoDB request of an operation did, after the SDK's retries.
 *
 * @param request the request's operation name, such as {@code GetItem}, {@code Query} or {@code BatchWriteItem}
 * @param table the table it named, or null for a request of several tables ({@code BatchGetItem} of two models,
 *     {@code TransactWriteItems})
 * @param index the secondary index a {@code Query} or {@code Scan} read, or null
 * @param itemsRead the items it answered
 * @param itemsWritten the items it wrote (for a {@code BatchWriteItem}, those not handed back unprocessed)
 * @param consumedCapacity the capacity units DynamoDB said it consumed, 0 when not asked for or not answered
 * @param retries how many times the SDK sent it again after a failed attempt
 * @param error what it failed with, or null when it was answered
 * @param duration from before its first attempt until its answer or failure
 */
public record RequestEvent(String request, @Nullable String table, @Nullable String index, long itemsRead,
                           long itemsWritten, double consumedCapacity, int retries, @Nullable Throwable error,
                           Duration duration) {
    /**
     * Checks the request's name and duration.
     *
     * @param request the request's name
     * @param table the table, or null
     * @param index the index, or null
     * @param itemsRead the items answered
     * @param itemsWritten the items written
     * @param consumedCapacity the capacity units consumed
     * @param retries the retries
     * @param error the failure, or null
     * @param duration how long it took
     */
    public RequestEvent {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(duration, "duration");
    }
}
