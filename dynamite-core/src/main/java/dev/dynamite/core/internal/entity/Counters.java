package dev.dynamite.core.internal.entity;

import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.model.Values;
import dev.dynamite.core.internal.write.Expr;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The condition that keeps a counter inside its field's Java type: an {@code ADD} that would carry an {@code int}
 * past {@link Integer#MAX_VALUE} fails on the server instead of leaving an item that no read can map again.
 */
final class Counters {
    private Counters() {
    }

    /**
     * Returns the bound an {@code ADD} of {@code by} to the field needs, or null where the type has none that a
     * DynamoDB number can exceed (floating point, {@code BigDecimal}, {@code BigInteger}) or the amount is zero.
     * A missing attribute counts as 0 for {@code ADD}, and {@code by} itself fits the type (checked before).
     *
     * @param rule the counter field
     * @param by the amount, already checked to fit the field's type
     * @param expr the placeholders of the request
     * @return the condition text, or null
     */
    static @Nullable String bound(ModelRules.FieldRule rule, BigDecimal by, Expr expr) {
        long[] limits = limits(rule);
        int sign = by.signum();
        if (limits == null || sign == 0) {
            return null;
        }
        long min = limits[0];
        long max = limits[1];
        String name = expr.name(rule.attributeName);
        if (sign > 0) {
            BigDecimal limit = BigDecimal.valueOf(max).subtract(by);
            return "(attribute_not_exists(" + name + ") OR " + name + " <= "
                    + expr.value(AttributeValue.fromN(limit.toPlainString())) + ")";
        }
        BigDecimal limit = BigDecimal.valueOf(min).subtract(by);
        return "(attribute_not_exists(" + name + ") OR " + name + " >= "
                + expr.value(AttributeValue.fromN(limit.toPlainString())) + ")";
    }

    /**
     * Describes the range of a counter's type for an error message, for example {@code int (-2147483648 to
     * 2147483647)}.
     *
     * @param rule the counter field
     * @return the type's name and, where it has one, its range
     */
    static String range(ModelRules.FieldRule rule) {
        long[] limits = limits(rule);
        String name = rule.type.getSimpleName();
        return limits == null ? name : name + " (" + limits[0] + " to " + limits[1] + ")";
    }

    private static long @Nullable [] limits(ModelRules.FieldRule rule) {
        Class<?> type = Values.box(rule.type);
        if (type == Integer.class) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        } else if (type == Long.class) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        } else if (type == Short.class) {
            return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
        } else if (type == Byte.class) {
            return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
        }
        return null;
    }
}
