package dev.dynamite.core.internal.write;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What a failed request says about whether DynamoDB applied it. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * Returns whether a failure leaves it unknown if the write was applied: a server error (HTTP 5xx) or a client
     * failure (timeout, lost connection) may come after DynamoDB applied the write; a 4xx answer (throttling,
     * validation, a failed condition) and any failure before a request was sent say it was not.
     *
     * @param failure what the write threw
     * @return true if the write may have been applied
     */
    public static boolean inDoubt(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            return service.statusCode() >= 500;
        }
        return failure instanceof SdkClientException;
    }
}
