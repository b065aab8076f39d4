package dev.dynamite.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thrown when DynamoDB cancels a transaction: nothing was written. {@link #reasons()} says, for each action in the order
 * it was added, why (the reason code is {@code None} for actions that were fine).
 */
public final class TransactionCanceledException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    /**
     * Why one action of a cancelled transaction failed.
     *
     * @param index the action's position, from 1
     * @param tableName the table
     * @param key the item's key
     * @param model the model class, or null for a low-level action
     * @param code DynamoDB's reason code: {@code ConditionalCheckFailed}, {@code TransactionConflict}, {@code None}, …
     * @param message DynamoDB's message, or null
     * @param item the stored item, when the transaction asked for it on a failed condition, or null
     */
    public record Reason(int index, String tableName, Map<String, AttributeValue> key, @Nullable Class<?> model,
                         String code, @Nullable String message, @Nullable Map<String, AttributeValue> item) {
    }

    private final transient List<Reason> reasons;

    /**
     * Creates the exception.
     *
     * @param reasons one per action
     * @param cause the AWS exception
     */
    public TransactionCanceledException(List<Reason> reasons, @Nullable Throwable cause) {
        super(describe(reasons), cause);
        this.reasons = List.copyOf(reasons);
    }

    /**
     * Returns the reason of every action, in the order they were added.
     *
     * @return the reasons
     */
    public List<Reason> reasons() {
        return reasons;
    }

    /**
     * Returns the reasons of the actions that failed.
     *
     * @return the reasons whose code is not {@code None}
     */
    public List<Reason> failures() {
        return reasons.stream().filter(r -> !"None".equals(r.code())).toList();
    }

    /** A key as {@code {id=42}}: the scalar values without their type wrappers. */
    private static String readable(Map<String, AttributeValue> key) {
        StringBuilder out = new StringBuilder("{");
        key.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(name).append('=').append(value.s() != null ? value.s() : value.n() != null ? value.n()
                    : value.toString());
        });
        return out.append('}').toString();
    }

    private static String describe(List<Reason> reasons) {
        StringBuilder out = new StringBuilder("Transaction cancelled, nothing was written:");
        for (Reason reason : reasons) {
            if (!"None".equals(reason.code())) {
                out.append(" action ").append(reason.index()).append(" (")
                        .append(reason.model() == null ? "" : reason.model().getSimpleName() + " ")
                        .append(readable(reason.key())).append(" in ").append(reason.tableName()).append("): ")
                        .append(reason.code());
                if (reason.message() != null) {
                    out.append(" - ").append(reason.message());
                }
                out.append(';');
            }
        }
        return out.toString();
    }
}
