package dev.dynamite.api;

/**
 * Thrown when an operation needs the global DynamoDB client and none is set.
 *
 * <p>Connect a client first: {@code dynamite.connect()} (or {@code Dynamite.setGlobalClient(client)}).
 */
public final class NoClientException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /** The message of the seed's {@code requireClient()}, in English. */
    public static final String NOT_CONFIGURED = "DynamoDB client not configured: call Dynamite.connect() first";

    /** Creates the exception with the standard message {@value #NOT_CONFIGURED}. */
    public NoClientException() {
        super(NOT_CONFIGURED);
    }

    /**
     * Creates the exception with a specific message.
     *
     * @param message what is missing and what to call
     */
    public NoClientException(String message) {
        super(message);
    }
}
