package dev.dynamite.local.internal.engine;

import java.util.Map;

/**
 * The engine as the protocol layer sees it: one DynamoDB operation in, its JSON answer out.
 */
@FunctionalInterface
public interface Operations {
    /**
     * Runs one operation.
     *
     * @param operation the operation name, e.g. {@code PutItem} (the part after the dot of {@code X-Amz-Target})
     * @param request the parsed JSON request body
     * @return the JSON response body
     * @throws DynamoException with DynamoDB's error type and message when the request fails
     */
    Map<String, Object> execute(String operation, Map<String, Object> request);
}
