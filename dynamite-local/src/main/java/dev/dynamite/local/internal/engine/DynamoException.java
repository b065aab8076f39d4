package dev.dynamite.local.internal.engine;

import java.util.Map;

/**
 * An error the engine answers with, as DynamoDB would: its error type (the part after {@code #} in
 * {@code __type}), its message, and the HTTP status.
 */
public class DynamoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The JSON protocol's prefix of every error type. */
    public static final String TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final String type;
    private final int status;
    private final Map<String, Object> details;

    /**
     * Creates an error.
     *
     * @param type the error code, e.g. {@code ValidationException}
     * @param message DynamoDB's wording
     * @param status the HTTP status, 400 for client errors, 500 for server errors
     */
    public DynamoException(String type, String message, int status) {
        this(type, message, status, Map.of());
    }

    /**
     * Creates an error whose JSON body carries more members than {@code __type} and {@code message}, such as the
     * {@code Item} of a failed condition or the {@code CancellationReasons} of a cancelled transaction.
     *
     * @param type the error code
     * @param message DynamoDB's wording
     * @param status the HTTP status
     * @param details the extra members of the error body, in order
     */
    public DynamoException(String type, String message, int status, Map<String, Object> details) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.details = Map.copyOf(details);
    }

    /**
     * Returns the extra members of the error body.
     *
     * @return member name → JSON value; empty for most errors
     */
    public Map<String, Object> details() {
        return details;
    }

    /**
     * Returns the error code.
     *
     * @return e.g. {@code ConditionalCheckFailedException}
     */
    public String type() {
        return type;
    }

    /**
     * Returns the HTTP status.
     *
     * @return 400 or 500
     */
    public int status() {
        return status;
    }

    /**
     * A {@code ValidationException}.
     *
     * @param message DynamoDB's wording
     * @return the exception
     */
    public static DynamoException validation(String message) {
        return new DynamoException("ValidationException", message, 400);
    }

    /**
     * A {@code ResourceNotFoundException}.
     *
     * @param message DynamoDB's wording
     * @return the exception
     */
    public static DynamoException notFound(String message) {
        return new DynamoException("ResourceNotFoundException", message, 400);
    }

    /**
     * A {@code ResourceInUseException}.
     *
     * @param message DynamoDB's wording
     * @return the exception
     */
    public static DynamoException inUse(String message) {
        return new DynamoException("ResourceInUseException", message, 400);
    }

    /**
     * A {@code ConditionalCheckFailedException}.
     *
     * @return the exception, with DynamoDB's message
     */
    public static DynamoException conditionFailed() {
        return new DynamoException("ConditionalCheckFailedException", "The conditional request failed", 400);
    }

    /**
     * A {@code ConditionalCheckFailedException} carrying the item, for {@code ReturnValuesOnConditionCheckFailure}.
     *
     * @param item the item as JSON, attribute name → attribute value
     * @return the exception
     */
    public static DynamoException conditionFailed(Map<String, Object> item) {
        return new DynamoException("ConditionalCheckFailedException", "The conditional request failed", 400,
                Map.of("Item", item));
    }
}
