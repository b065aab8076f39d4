package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.assertValidation;
import static dev.dynamite.local.internal.expr.Fixtures.ctx;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class ExpressionContextTest {

    @Test
    void acceptsARequestWithoutPlaceholders() {
        ExpressionContext ctx = new ExpressionContext(null, null);
        Expressions.condition("attribute_exists(a)", ctx, "ConditionExpression");
        assertThatCode(ctx::checkAllUsed).doesNotThrowAnyException();
    }

    @Test
    void listsUnusedNamesInRequestOrder() {
        ExpressionContext ctx = ctx("#c", "c", "#a", "a", "#b", "b", "#d", "d");
        Expressions.projection("#a, #d", ctx);
        assertValidation(ctx::checkAllUsed,
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#c, #b}");
    }

    @Test
    void listsUnusedValues() {
        ExpressionContext ctx = ctx(":v", n(1), ":unused", n(2));
        Expressions.update("SET a = :v", ctx);
        assertValidation(ctx::checkAllUsed,
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
    }

    @Test
    void reportsUnusedNamesBeforeUnusedValues() {
        ExpressionContext ctx = ctx("#n", "n", ":v", n(1));
        Expressions.condition("attribute_exists(a)", ctx, "ConditionExpression");
        assertValidation(ctx::checkAllUsed, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}");
    }

    @Test
    void countsUsesAcrossTheExpressionsOfARequest() {
        ExpressionContext ctx = ctx("#a", "a", "#b", "b", ":v", n(1), ":w", n(2));
        Expressions.update("SET #a = :v", ctx);
        Expressions.condition("#b <> :w", ctx, "ConditionExpression");
        Expressions.projection("#a", ctx);
        assertThatCode(ctx::checkAllUsed).doesNotThrowAnyException();
    }

    @Test
    void countsAPlaceholderUsedTwiceOnce() {
        ExpressionContext ctx = ctx("#a", "a", ":v", n(1));
        Expressions.condition("#a = :v OR #a.b = :v", ctx, "FilterExpression");
        assertThatCode(ctx::checkAllUsed).doesNotThrowAnyException();
    }

    @Test
    void placeholdersInKeyConditionsCount() {
        ExpressionContext ctx = ctx("#p", "pk", ":p", n(1));
        Expressions.keyCondition("#p = :p", ctx);
        assertThatCode(ctx::checkAllUsed).doesNotThrowAnyException();
    }
}
