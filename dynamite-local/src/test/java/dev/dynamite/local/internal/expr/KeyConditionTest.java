package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.assertValidation;
import static dev.dynamite.local.internal.expr.Fixtures.b;
import static dev.dynamite.local.internal.expr.Fixtures.keyCondition;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static dev.dynamite.local.internal.expr.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.internal.expr.KeyCondition.SortOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyConditionTest {
    private static final String PREFIX = "Invalid KeyConditionExpression: ";

    @Test
    void readsAPartitionKeyEquality() {
        KeyCondition k = keyCondition("pk = :p", ":p", s("x"));
        assertThat(k.partitionAttribute()).isEqualTo("pk");
        assertThat(k.partitionValue()).isEqualTo(s("x"));
        assertThat(k.sortAttribute()).isNull();
        assertThat(k.sortOp()).isNull();
        assertThat(k.sortValue()).isNull();
        assertThat(k.sortValue2()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sk = :s, EQ", "sk < :s, LT", "sk <= :s, LE", "sk > :s, GT", "sk >= :s, GE",
        ":s = sk, EQ", ":s < sk, GT", ":s <= sk, GE", ":s > sk, LT", ":s >= sk, LE", "'begins_with(sk, :s)', BEGINS_WITH"})
    void readsASortKeyComparison(String sortCondition, SortOp op) {
        KeyCondition k = keyCondition("pk = :p AND " + sortCondition, ":p", s("x"), ":s", s("y"));
        assertThat(k.partitionAttribute()).isEqualTo("pk");
        assertThat(k.partitionValue()).isEqualTo(s("x"));
        assertThat(k.sortAttribute()).isEqualTo("sk");
        assertThat(k.sortOp()).isEqualTo(op);
        assertThat(k.sortValue()).isEqualTo(s("y"));
        assertThat(k.sortValue2()).isNull();
    }

    @Test
    void readsBetween() {
        KeyCondition k = keyCondition("#p = :p and #s between :lo AND :hi", "#p", "pk", "#s", "sk", ":p", n(1),
                ":lo", n(2), ":hi", n(3));
        assertThat(k.sortOp()).isEqualTo(SortOp.BETWEEN);
        assertThat(k.sortAttribute()).isEqualTo("sk");
        assertThat(k.sortValue()).isEqualTo(n(2));
        assertThat(k.sortValue2()).isEqualTo(n(3));
    }

    @Test
    void acceptsParenthesesThatAreNotDoubled() {
        assertThat(keyCondition("(pk = :p) AND (sk = :s)", ":p", s("x"), ":s", s("y")).sortAttribute()).isEqualTo("sk");
        assertThat(keyCondition("(pk = :p AND (sk = :s))", ":p", s("x"), ":s", s("y")).sortAttribute()).isEqualTo("sk");
        assertValidation(() -> keyCondition("((pk = :p)) AND ((sk = :s))", ":p", s("x"), ":s", s("y")),
                PREFIX + "The expression has redundant parentheses;");
    }

    @Test
    void takesTheEqualityAsPartitionKeyWhateverItsPlace() {
        KeyCondition k = keyCondition("sk > :s AND pk = :p", ":p", s("x"), ":s", s("y"));
        assertThat(k.partitionAttribute()).isEqualTo("pk");
        assertThat(k.sortAttribute()).isEqualTo("sk");
        assertThat(k.sortOp()).isEqualTo(SortOp.GT);
    }

    @Test
    void orientsTwoEqualitiesByTheKeySchema() {
        KeyCondition k = keyCondition("sk = :s AND pk = :p", ":p", s("x"), ":s", s("y"));
        assertThat(k.partitionAttribute()).isEqualTo("sk");
        KeyCondition oriented = k.orientedTo("pk");
        assertThat(oriented.partitionAttribute()).isEqualTo("pk");
        assertThat(oriented.partitionValue()).isEqualTo(s("x"));
        assertThat(oriented.sortAttribute()).isEqualTo("sk");
        assertThat(oriented.sortValue()).isEqualTo(s("y"));
        assertThat(k.orientedTo("sk")).isSameAs(k);
        assertThat(k.orientedTo("other")).isSameAs(k);
    }

    @Test
    void rejectsAPartitionKeyConditionThatIsNotAnEquality() {
        assertValidation(() -> keyCondition("pk > :p", ":p", s("x")), "Query key condition not supported");
        assertValidation(() -> keyCondition("pk > :p AND begins_with(sk, :s)", ":p", s("x"), ":s", s("y")),
                "Query key condition not supported");
        KeyCondition k = keyCondition("pk > :p AND sk = :s", ":p", s("x"), ":s", s("y"));
        assertValidation(() -> k.orientedTo("pk"), "Query key condition not supported");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pk = :p OR sk = :s | Invalid operator used in KeyConditionExpression: OR",
        "pk = :p AND NOT sk = :s | Invalid operator used in KeyConditionExpression: NOT",
        "pk IN (:p, :s) | Invalid operator used in KeyConditionExpression: IN",
        "pk <> :p | Invalid operator used in KeyConditionExpression: <>",
        "pk = :p AND attribute_exists(sk) | Invalid operator used in KeyConditionExpression: attribute_exists",
        "attribute_not_exists(pk) | Invalid operator used in KeyConditionExpression: attribute_not_exists",
        "pk = :p AND attribute_type(sk, :t) | Invalid operator used in KeyConditionExpression: attribute_type",
        "pk = :p AND contains(sk, :s) | Invalid operator used in KeyConditionExpression: contains",
        "size(pk) = :p | KeyConditionExpressions cannot contain nested operations",
        "pk = :p AND sk BETWEEN size(x) AND :s | KeyConditionExpressions cannot contain nested operations",
        "pk = :p AND begins_with(:s, sk) | Invalid condition in KeyConditionExpression: begins_with operator must have"
            + " the key attribute as its first operand",
        "pk = :p AND :s BETWEEN sk AND :s | Invalid condition in KeyConditionExpression: BETWEEN operator must have"
            + " the key attribute as its first operand",
        "pk = sk | Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
        "pk.x = :p | KeyConditionExpressions cannot have conditions on nested attributes",
        "pk[0] = :p | KeyConditionExpressions cannot have conditions on nested attributes",
        ":p = :s | Invalid condition in KeyConditionExpression: No key attribute specified",
        "pk = :p AND pk = :s | KeyConditionExpressions must only contain one condition per key",
        "pk = :p AND sk = :s AND x = :s | Conditions can be of length 1 or 2 only",
    })
    void rejectsWhatAKeyConditionCannotHold(String expression, String message) {
        assertValidation(() -> Expressions.keyCondition(expression, Fixtures.ctx(":p", s("x"), ":s", s("y"), ":t", s("S"))),
                message);
    }

    @Test
    void checksTheExpressionAsAnyCondition() {
        assertValidation(() -> keyCondition("pk = :p AND", ":p", s("x")),
                PREFIX + "Syntax error; token: \"<EOF>\", near: \"AND\"");
        assertValidation(() -> keyCondition("", ":p", s("x")), PREFIX + "The expression can not be empty;");
        assertValidation(() -> keyCondition("status = :p", ":p", s("x")),
                PREFIX + "Attribute name is a reserved keyword; reserved keyword: status");
        assertValidation(() -> keyCondition("pk = :q", ":p", s("x")), PREFIX
                + "An expression attribute value used in expression is not defined; attribute value: :q");
        assertValidation(() -> keyCondition("pk = :p AND begins_with(sk, :n)", ":p", s("x"), ":n", n(1)),
                PREFIX + "Incorrect operand type for operator or function; operator or function: begins_with,"
                        + " operand type: N");
        assertValidation(() -> keyCondition("pk = :p AND sk BETWEEN :hi AND :lo", ":p", s("x"), ":hi", n(9),
                ":lo", n(1)), PREFIX + "The BETWEEN operator requires upper bound to be greater than or equal to"
                + " lower bound; lower bound operand: AttributeValue: {N:9}, upper bound operand: AttributeValue:"
                + " {N:1}");
        assertValidation(() -> keyCondition("pk = :p AND foo(sk)", ":p", s("x")),
                PREFIX + "Invalid function name; function: foo");
    }

    @Test
    void matchesSortKeys() {
        Object[] values = {":p", s("x"), ":a", n(2), ":b", n(4)};
        assertThat(keyCondition("pk = :p", ":p", s("x")).sortMatches(n(1))).isTrue();
        KeyCondition between = keyCondition("pk = :p AND sk BETWEEN :a AND :b", values);
        assertThat(between.sortMatches(n(2))).isTrue();
        assertThat(between.sortMatches(n(4))).isTrue();
        assertThat(between.sortMatches(n(5))).isFalse();
        assertThat(between.sortMatches(n(1))).isFalse();
        assertThat(between.sortMatches(s("3"))).isFalse();
        assertThat(between.sortMatches(null)).isFalse();
        assertThat(keyCondition("pk = :p AND sk < :a", ":p", s("x"), ":a", n(2)).sortMatches(n(1))).isTrue();
        assertThat(keyCondition("pk = :p AND sk >= :a", ":p", s("x"), ":a", n(2)).sortMatches(n(1))).isFalse();
        assertThat(keyCondition("pk = :p AND sk = :a", ":p", s("x"), ":a", n(2)).sortMatches(n("2.0"))).isTrue();
        KeyCondition prefix = keyCondition("pk = :p AND begins_with(sk, :a)", ":p", s("x"), ":a", b(1));
        assertThat(prefix.sortMatches(b(1, 2))).isTrue();
        assertThat(prefix.sortMatches(b(2, 1))).isFalse();
    }
}
