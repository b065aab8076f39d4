package dev.dynamite.core.internal.write;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** What a failed request says about whether DynamoDB applied it. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * Returns whether a failure leaves it unknown if the write was applied: a server error (HTTP 5xx) or a client
     * failure (timeout, lost connection) may come after DynamoDB applied the write, and so may any failure after
     * more than one attempt (the SDK reports only the last; an earlier one may have been applied with its response
     * lost). A 4xx answer (throttling, validation, a failed condition) to the only attempt, and any failure before a
     * request was sent, say it was not.
     *
     * @param failure what the write threw
     * @return true if the write may have been applied
     */
    public static boolean inDoubt(Throwable failure) {
        if (failure instanceof SdkException sdk && sdk.numAttempts() != null && sdk.numAttempts() > 1) {
            return true;
        }
        if (failure instanceof AwsServiceException service) {
            return service.statusCode() >= 500;
        }
        return failure instanceof SdkClientException;
    }
}
