package dev.dynamite.local.internal.expr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Bytes;
import dev.dynamite.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Short ways to write values, items, contexts and expected errors in the tests of this package. */
final class Fixtures {
    private Fixtures() {
    }

    static Value.S s(String text) {
        return new Value.S(text);
    }

    static Value.N n(String number) {
        return new Value.N(new BigDecimal(number));
    }

    static Value.N n(long number) {
        return new Value.N(BigDecimal.valueOf(number));
    }

    static Value.B b(int... bytes) {
        return new Value.B(bytes(bytes));
    }

    static Bytes bytes(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        return Bytes.copyOf(array);
    }

    static Value.Bool bool(boolean value) {
        return new Value.Bool(value);
    }

    static Value.Null nul() {
        return new Value.Null();
    }

    static Value.SS ss(String... values) {
        return new Value.SS(new LinkedHashSet<>(Arrays.asList(values)));
    }

    static Value.NS ns(String... values) {
        Set<BigDecimal> set = new LinkedHashSet<>();
        for (String v : values) {
            set.add(new BigDecimal(v));
        }
        return new Value.NS(set);
    }

    static Value.BS bs(Bytes... values) {
        return new Value.BS(new LinkedHashSet<>(Arrays.asList(values)));
    }

    static Value.L l(Value... values) {
        return new Value.L(Arrays.asList(values));
    }

    /** A map from alternating keys and values. */
    static Value.M m(Object... keysAndValues) {
        return new Value.M(item(keysAndValues));
    }

    /** An item from alternating attribute names and values. */
    static Map<String, Value> item(Object... keysAndValues) {
        Map<String, Value> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            item.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return item;
    }

    /** A context from alternating placeholders and definitions: {@code "#n", "name", ":v", n(1)}. */
    static ExpressionContext ctx(Object... placeholders) {
        Map<String, String> names = null;
        Map<String, Value> values = null;
        for (int i = 0; i < placeholders.length; i += 2) {
            String key = (String) placeholders[i];
            if (key.startsWith("#")) {
                if (names == null) {
                    names = new LinkedHashMap<>();
                }
                names.put(key, (String) placeholders[i + 1]);
            } else {
                if (values == null) {
                    values = new LinkedHashMap<>();
                }
                values.put(key, (Value) placeholders[i + 1]);
            }
        }
        return new ExpressionContext(names, values);
    }

    static Condition condition(String text, Object... placeholders) {
        ExpressionContext ctx = ctx(placeholders);
        Condition condition = Expressions.condition(text, ctx, "ConditionExpression");
        ctx.checkAllUsed();
        return condition;
    }

    static Update update(String text, Object... placeholders) {
        ExpressionContext ctx = ctx(placeholders);
        Update update = Expressions.update(text, ctx);
        ctx.checkAllUsed();
        return update;
    }

    static Projection projection(String text, Object... placeholders) {
        ExpressionContext ctx = ctx(placeholders);
        Projection projection = Expressions.projection(text, ctx);
        ctx.checkAllUsed();
        return projection;
    }

    static KeyCondition keyCondition(String text, Object... placeholders) {
        ExpressionContext ctx = ctx(placeholders);
        KeyCondition condition = Expressions.keyCondition(text, ctx);
        ctx.checkAllUsed();
        return condition;
    }

    /** Asserts that the code fails with a {@code ValidationException} of exactly this message. */
    static void assertValidation(ThrowingCallable code, String message) {
        assertThatThrownBy(code)
                .isInstanceOfSatisfying(DynamoException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo("ValidationException");
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
                })
                .hasMessage(message);
    }

    /** Many placeholders {@code :v0 … :v(n-1)} with the numbers 0 … n-1, for IN lists. */
    static Object[] numberedValues(int count) {
        List<Object> placeholders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            placeholders.add(":v" + i);
            placeholders.add(n(i));
        }
        return placeholders.toArray();
    }
}
