package dev.dynamite.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thrown when a write of many items (a bulk {@code update}, {@code delete}, {@code increment} or {@code decrement} by
 * filter, a pivot {@code attach}, {@code detach} or {@code sync}, or any batch write) failed part-way. It says exactly
 * what was done, so that nothing is reported as written that was not:
 * <ul>
 *   <li>{@link #written()}: the keys whose write DynamoDB confirmed;</li>
 *   <li>{@link #notWritten()}: the keys certainly not changed by this call: never sent, refused (throttled, invalid)
 *       or left unprocessed by a batch;</li>
 *   <li>{@link #inDoubt()}: the keys whose request failed without saying whether it was applied (an HTTP 500, a
 *       lost connection): read them to know.</li>
 * </ul>
 * The {@linkplain #getCause() cause} is the failure that stopped the call, for example the AWS SDK's
 * {@code ProvisionedThroughputExceededException}. Every bulk write of Dynamite converges: calling it again with the
 * same arguments finishes the work (items already changed are matched, or skipped, as the filters say).
 *
 * <pre>{@code
 * try {
 *     Order.model.update(Map.of("status", "shipped"), Map.of("status", "paid"));
 * } catch (PartialWriteException e) {
 *     log.warn("{} orders shipped, {} not, {} unknown", e.written().size(), e.notWritten().size(), e.inDoubt().size());
 * }
 * }</pre>
 */
public final class PartialWriteException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Class<?> model;
    private final String tableName;
    private final String operation;
    private final transient List<Map<String, AttributeValue>> written;
    private final transient List<Map<String, AttributeValue>> notWritten;
    private final transient List<Map<String, AttributeValue>> inDoubt;

    /**
     * Creates the exception.
     *
     * @param model the model whose call it was (for a pivot {@code sync}, the declaring model), or null
     * @param tableName the table written
     * @param operation the call, for example {@code update} or {@code sync(Project)}
     * @param written the keys written
     * @param notWritten the keys certainly not written
     * @param inDoubt the keys that may or may not have been written
     * @param cause the failure that stopped the call
     */
    public PartialWriteException(@Nullable Class<?> model, String tableName, String operation,
                                 List<Map<String, AttributeValue>> written, List<Map<String, AttributeValue>> notWritten,
                                 List<Map<String, AttributeValue>> inDoubt, Throwable cause) {
        super((model == null ? "" : model.getSimpleName() + ".") + operation + " on " + tableName + " failed part-way: "
                + written.size() + " item(s) written, " + notWritten.size() + " not written"
                + (inDoubt.isEmpty() ? "" : ", " + inDoubt.size() + " in doubt " + sample(inDoubt))
                + (notWritten.isEmpty() ? "" : "; not written: " + sample(notWritten))
                + "; cause: " + cause + "; calling it again finishes the work", cause);
        this.model = model;
        this.tableName = tableName;
        this.operation = operation;
        this.written = List.copyOf(written);
        this.notWritten = List.copyOf(notWritten);
        this.inDoubt = List.copyOf(inDoubt);
    }

    private static String sample(List<Map<String, AttributeValue>> keys) {
        return keys.stream().limit(5).toList() + (keys.size() > 5 ? " …" : "");
    }

    /**
     * Returns the model whose call failed.
     *
     * @return the model class (for a pivot {@code sync}, the declaring model), or null
     */
    public @Nullable Class<?> model() {
        return model;
    }

    /**
     * Returns the table written.
     *
     * @return the table name
     */
    public String tableName() {
        return tableName;
    }

    /**
     * Returns the call that failed.
     *
     * @return its name, for example {@code delete}
     */
    public String operation() {
        return operation;
    }

    /**
     * Returns the keys whose write DynamoDB confirmed.
     *
     * @return the keys, in the order they were written
     */
    public List<Map<String, AttributeValue>> written() {
        return written;
    }

    /**
     * Returns the keys this call certainly did not change.
     *
     * @return the keys
     */
    public List<Map<String, AttributeValue>> notWritten() {
        return notWritten;
    }

    /**
     * Returns the keys whose request failed without telling whether it was applied.
     *
     * @return the keys; empty when every outcome is known
     */
    public List<Map<String, AttributeValue>> inDoubt() {
        return inDoubt;
    }
}
