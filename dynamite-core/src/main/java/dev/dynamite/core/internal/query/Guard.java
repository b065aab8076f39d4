package dev.dynamite.core.internal.query;

import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.write.Expr;
import dev.dynamite.core.internal.write.WriteOp;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The conditions a bulk write by filter sends with each item's write, so that they hold when the write is applied and
 * not only when the item was read: the filters on non-key attributes (the key is fixed by the write itself) and, for a
 * model with {@code @DeleteAt}, that the item is not soft-deleted. Immutable.
 */
public final class Guard {
    private final List<Condition> filters;

    Guard(List<Condition> filters) {
        this.filters = List.copyOf(filters);
    }

    /** Whether a stored item still matches: not soft-deleted and every filter holds. */
    public boolean matches(ModelContext<?> context, Map<String, AttributeValue> item) {
        if (context.isTrashed(item)) {
            return false;
        }
        for (Condition condition : filters) {
            if (!condition.test(item)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The filters' condition text on a write's placeholders, ANDed; empty when there is none. The soft-delete state
     * is the write's own step ({@code notTrashed}).
     */
    String expression(Expr expr) {
        StringBuilder text = new StringBuilder();
        for (Condition condition : filters) {
            if (text.length() > 0) {
                text.append(" AND ");
            }
            text.append(condition.grouped(expr));
        }
        return text.toString();
    }

    /**
     * Adds a bulk write's guard to a write: the item is not soft-deleted and still matches the filters when the write
     * applies. Nothing without a guard.
     *
     * @param write the write
     * @param guard the guard, or null
     */
    public static void onto(WriteOp.Builder write, @Nullable Guard guard) {
        if (guard != null) {
            write.notTrashed();
            write.conditions().clause(guard.expression(write.expr()));
        }
    }

    /**
     * The targets of a bulk write: the entities that matched when read, and the guard each write carries.
     *
     * @param entities the entities read
     * @param guard the guard
     * @param <T> the model type
     */
    public record Targets<T>(List<T> entities, Guard guard) {
    }
}
