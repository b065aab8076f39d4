package dev.dynamite.core.internal.write;

import dev.dynamite.api.PartialWriteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs one conditional write per item, at most {@code concurrency} at a time, and reports exactly what was done: the
 * number of items written, or a {@link PartialWriteException} with the keys written, not written and in doubt. After
 * the first failure no new item is started; the writes in flight finish and are counted.
 *
 * @param <E> the entity type
 */
public final class BulkWrite<E> {
    /** One item's write. */
    @FunctionalInterface
    public interface Action<E> {
        /**
         * Writes one item.
         *
         * @param item the item
         * @param receipt to {@link Receipt#confirm()} as soon as DynamoDB confirmed the write
         * @return true if the item was written; false if it was skipped (its condition no longer held)
         */
        boolean write(E item, Receipt receipt);
    }

    private final @Nullable Class<?> model;
    private final String table;
    private final String operation;
    private final Function<E, Map<String, AttributeValue>> keyOf;

    /**
     * Describes a bulk write.
     *
     * @param model the model written, for the exception
     * @param table the table written
     * @param operation the call, for the exception
     * @param keyOf the key of an item
     */
    public BulkWrite(@Nullable Class<?> model, String table, String operation,
                     Function<E, Map<String, AttributeValue>> keyOf) {
        this.model = model;
        this.table = table;
        this.operation = operation;
        this.keyOf = keyOf;
    }

    /**
     * Writes every item.
     *
     * @param items the items, each written once
     * @param concurrency the most writes in flight at once; 1 runs them in order on the calling thread
     * @param action the write of one item
     * @return how many items were written (skipped ones are not counted)
     * @throws PartialWriteException if a write failed; it lists every item's outcome and has the first failure as
     *     its cause, later ones suppressed
     */
    public int run(List<E> items, int concurrency, Action<E> action) {
        int n = items.size();
        Outcome[] outcomes = new Outcome[n];
        Throwable[] failures = new Throwable[n];
        Workers.run(n, concurrency, i -> {
            Receipt receipt = new Receipt();
            try {
                outcomes[i] = action.write(items.get(i), receipt) ? Outcome.WRITTEN : Outcome.SKIPPED;
                return true;
            } catch (RuntimeException | Error e) {
                failures[i] = e;
                outcomes[i] = receipt.confirmed() ? Outcome.WRITTEN
                        : Outcomes.inDoubt(e) ? Outcome.IN_DOUBT : Outcome.NOT_WRITTEN;
                return false;
            }
        });
        return report(items, outcomes, failures);
    }

    private int report(List<E> items, Outcome[] outcomes, Throwable[] failures) {
        List<Map<String, AttributeValue>> written = new ArrayList<>();
        List<Map<String, AttributeValue>> notWritten = new ArrayList<>();
        List<Map<String, AttributeValue>> inDoubt = new ArrayList<>();
        Throwable cause = null;
        for (int i = 0; i < outcomes.length; i++) {
            Outcome outcome = outcomes[i];
            if (outcome == Outcome.WRITTEN) {
                written.add(keyOf.apply(items.get(i)));
            } else if (outcome == Outcome.IN_DOUBT) {
                inDoubt.add(keyOf.apply(items.get(i)));
            } else if (outcome == null || outcome == Outcome.NOT_WRITTEN) {
                notWritten.add(keyOf.apply(items.get(i)));
            }
            if (failures[i] != null) {
                if (cause == null) {
                    cause = failures[i];
                } else {
                    cause.addSuppressed(failures[i]);
                }
            }
        }
        if (cause == null) {
            return written.size();
        }
        throw new PartialWriteException(model, table, operation, written, notWritten, inDoubt, cause);
    }

    private enum Outcome { WRITTEN, SKIPPED, NOT_WRITTEN, IN_DOUBT }
}
