package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.b;
import static dev.dynamite.local.internal.expr.Fixtures.bool;
import static dev.dynamite.local.internal.expr.Fixtures.bs;
import static dev.dynamite.local.internal.expr.Fixtures.bytes;
import static dev.dynamite.local.internal.expr.Fixtures.condition;
import static dev.dynamite.local.internal.expr.Fixtures.ctx;
import static dev.dynamite.local.internal.expr.Fixtures.item;
import static dev.dynamite.local.internal.expr.Fixtures.l;
import static dev.dynamite.local.internal.expr.Fixtures.m;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static dev.dynamite.local.internal.expr.Fixtures.ns;
import static dev.dynamite.local.internal.expr.Fixtures.nul;
import static dev.dynamite.local.internal.expr.Fixtures.s;
import static dev.dynamite.local.internal.expr.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.internal.value.Value;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How conditions evaluate against items, for every operator and function and every type. */
class ConditionEvaluationTest {
    /** One attribute of each type, plus nesting. */
    private static final Map<String, Value> ITEM = item(
            "s", s("banana"),
            "n", n(10),
            "b", b(1, 2, 3),
            "t", bool(true),
            "z", nul(),
            "ss", ss("red", "green"),
            "ns", ns("1", "5"),
            "bs", bs(bytes(1), bytes(2, 2)),
            "l", l(s("a"), n(3), ss("x", "y"), l(n(1), n(2)), m("k", s("v"))),
            "m", m("nested", m("deep", s("x")), "arr", l(m("v", n(1)), m("v", n(2)))),
            "u", s("\uD83D\uDE00"),
            "neg", n(-5),
            "dcm", n("2.50"),
            "e", s(""),
            "dotted.x", s("yes"),
            "hi", b(0x80),
            "lo", b(0x7f));

    private static boolean holds(String expression, Object... placeholders) {
        return condition(expression, placeholders).test(ITEM);
    }

    /** Evaluates without requiring every placeholder to be used. */
    private static boolean holdsWith(String expression, Object... placeholders) {
        return Expressions.condition(expression, ctx(placeholders), "FilterExpression").test(ITEM);
    }

    /** Each value, and a different value of the same type. */
    static Stream<Arguments> equalityByType() {
        return Stream.of(
                Arguments.of("s", s("banana"), s("Banana")),
                Arguments.of("n", n("10.00"), n(11)),
                Arguments.of("b", b(1, 2, 3), b(1, 2)),
                Arguments.of("t", bool(true), bool(false)),
                Arguments.of("z", nul(), bool(false)),
                Arguments.of("ss", ss("green", "red"), ss("red")),
                Arguments.of("ns", ns("5.0", "1"), ns("1", "5", "6")),
                Arguments.of("bs", bs(bytes(2, 2), bytes(1)), bs(bytes(1))),
                Arguments.of("l", l(s("a"), n(3), ss("y", "x"), l(n(1), n(2)), m("k", s("v"))),
                        l(n(3), s("a"), ss("x", "y"), l(n(1), n(2)), m("k", s("v")))),
                Arguments.of("m", m("arr", l(m("v", n(1)), m("v", n(2))), "nested", m("deep", s("x"))),
                        m("nested", m("deep", s("y")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalityByType")
    void comparesEveryTypeForEquality(String attribute, Value same, Value different) {
        assertThat(holds(attribute + " = :v", ":v", same)).isTrue();
        assertThat(holds(attribute + " <> :v", ":v", same)).isFalse();
        assertThat(holds(":v = " + attribute, ":v", same)).isTrue();
        assertThat(holds(attribute + " = :v", ":v", different)).isFalse();
        assertThat(holds(attribute + " <> :v", ":v", different)).isTrue();
        assertThat(holds(attribute + " IN (:w, :v)", ":v", same, ":w", different)).isTrue();
        assertThat(holds(attribute + " IN (:w)", ":w", different)).isFalse();
    }

    @Test
    void valuesOfDifferentTypesAreNeverEqual() {
        assertThat(holds("n = :v", ":v", s("10"))).isFalse();
        assertThat(holds("n <> :v", ":v", s("10"))).isTrue();
        assertThat(holds("ss = :v", ":v", l(s("red"), s("green")))).isFalse();
        assertThat(holds("b = :v", ":v", bs(bytes(1, 2, 3)))).isFalse();
        assertThat(holds("t = :v", ":v", n(1))).isFalse();
        assertThat(holds("n IN (:a, :b)", ":a", s("10"), ":b", ns("10"))).isFalse();
    }

    @Test
    void aMissingOperandIsEqualToNothingAndUnequalToEverything() {
        assertThat(holds("q = :v", ":v", n(1))).isFalse();
        assertThat(holds("q <> :v", ":v", n(1))).isTrue();
        assertThat(holds("q = r")).isFalse();
        assertThat(holds("q <> r")).isTrue();
        assertThat(holds("q IN (r, :v)", ":v", n(1))).isFalse();
        assertThat(holds("m.nested.nope = :v", ":v", s("x"))).isFalse();
        assertThat(holds("m.nested.nope <> :v", ":v", s("x"))).isTrue();
    }

    @Test
    void aMissingOperandMakesEveryOrderingFalse() {
        for (String op : new String[] {"<", "<=", ">", ">="}) {
            assertThat(holds("q " + op + " :v", ":v", n(1))).as(op).isFalse();
            assertThat(holds(":v " + op + " q", ":v", n(1))).as(op).isFalse();
            assertThat(holds("q " + op + " r")).as(op).isFalse();
        }
        assertThat(holds("q BETWEEN :a AND :b", ":a", n(1), ":b", n(2))).isFalse();
        assertThat(holds("n BETWEEN q AND :b", ":b", n(20))).isFalse();
        assertThat(holds("n BETWEEN :a AND q", ":a", n(1))).isFalse();
    }

    @Test
    void ordersNumbersByValue() {
        assertThat(holds("n > :v", ":v", n(9))).isTrue();
        assertThat(holds("n < :v", ":v", n(100))).isTrue();
        assertThat(holds("n >= :v AND n <= :v", ":v", n("10.0"))).isTrue();
        assertThat(holds("neg < :v", ":v", n(-4))).isTrue();
        assertThat(holds("dcm > :v", ":v", n("2.499"))).isTrue();
        assertThat(holds("dcm < :v", ":v", n("2.5"))).isFalse();
        assertThat(holds("dcm <= :v", ":v", n("2.5"))).isTrue();
    }

    @Test
    void ordersStringsByUtf8Bytes() {
        assertThat(holds("s > :v", ":v", s("apple"))).isTrue();
        assertThat(holds("s < :v", ":v", s("banana_"))).isTrue();
        assertThat(holds("s < :v", ":v", s("b"))).isFalse();
        // U+1F600 sorts after U+FFFD in UTF-8, though not in UTF-16
        assertThat(holds("u > :v", ":v", s("\uFFFD"))).isTrue();
        assertThat(holds("e < :v", ":v", s("a"))).isTrue();
    }

    @Test
    void ordersBinariesByUnsignedBytes() {
        assertThat(holds("lo < hi")).isTrue();
        assertThat(holds("hi > :v", ":v", b(0x7f, 0xff))).isTrue();
        assertThat(holds("b > :v", ":v", b(1, 2))).isTrue();
        assertThat(holds("b <= :v", ":v", b(1, 2, 3))).isTrue();
    }

    @Test
    void neverOrdersDifferentTypesOrTypesWithoutOrder() {
        assertThat(holds("s > :v", ":v", n(1))).isFalse();
        assertThat(holds("s <= :v", ":v", n(1))).isFalse();
        assertThat(holds("n < :v", ":v", s("9"))).isFalse();
        assertThat(holds("t >= z OR l < m.arr OR ss > ns OR m <= m.nested OR s > n OR b < s")).isFalse();
        assertThat(holds("l > :v", ":v", n(1))).isFalse();
        assertThat(holds(":v < l", ":v", n(1))).isFalse();
    }

    @Test
    void betweenIsInclusive() {
        assertThat(holds("n BETWEEN :a AND :b", ":a", n(10), ":b", n(20))).isTrue();
        assertThat(holds("n BETWEEN :a AND :b", ":a", n(1), ":b", n(10))).isTrue();
        assertThat(holds("n BETWEEN :a AND :b", ":a", n(11), ":b", n(20))).isFalse();
        assertThat(holds("n BETWEEN :a AND :b", ":a", n(1), ":b", n(9))).isFalse();
        assertThat(holds("s BETWEEN :a AND :b", ":a", s("b"), ":b", s("c"))).isTrue();
        assertThat(holds("b BETWEEN :a AND :b", ":a", b(1), ":b", b(1, 2, 3))).isTrue();
        assertThat(holds("n BETWEEN :a AND :b", ":a", s("1"), ":b", s("9"))).isFalse();
        assertThat(holds("neg BETWEEN n AND :b", ":b", n(100))).isFalse();
        assertThat(holds("n BETWEEN neg AND dcm")).isFalse();
        assertThat(holds("dcm BETWEEN neg AND n")).isTrue();
    }

    @Test
    void inMatchesAnyCandidate() {
        assertThat(holds("n IN (:a, :b, :c)", ":a", s("x"), ":b", n(10), ":c", bool(true))).isTrue();
        assertThat(holds("ss IN (:a)", ":a", ss("green", "red"))).isTrue();
        assertThat(holds("s IN (:a, :b)", ":a", s("apple"), ":b", s("cherry"))).isFalse();
        assertThat(holds("n IN (neg, dcm, n)")).isTrue();
    }

    @Test
    void testsExistenceOfAttributesAndPaths() {
        assertThat(holds("attribute_exists(s) AND attribute_exists(z) AND attribute_exists(e)")).isTrue();
        assertThat(holds("attribute_exists(q)")).isFalse();
        assertThat(holds("attribute_not_exists(q)")).isTrue();
        assertThat(holds("attribute_not_exists(s)")).isFalse();
        assertThat(holds("attribute_exists(m.nested.deep)")).isTrue();
        assertThat(holds("attribute_exists(m.arr[1].v)")).isTrue();
        assertThat(holds("attribute_exists(m.arr[2])")).isFalse();
        assertThat(holds("attribute_exists(l[4].k)")).isTrue();
        assertThat(holds("attribute_not_exists(l[9])")).isTrue();
        // a step into a value that is not a map or list leads nowhere
        assertThat(holds("attribute_exists(s.x) OR attribute_exists(s[0]) OR attribute_exists(m[0])"
                + " OR attribute_exists(l.x)")).isFalse();
    }

    static Stream<Arguments> typesOfAttributes() {
        return Stream.of(Arguments.of("s", "S"), Arguments.of("n", "N"), Arguments.of("b", "B"),
                Arguments.of("t", "BOOL"), Arguments.of("z", "NULL"), Arguments.of("ss", "SS"),
                Arguments.of("ns", "NS"), Arguments.of("bs", "BS"), Arguments.of("l", "L"), Arguments.of("m", "M"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("typesOfAttributes")
    void testsTheTypeOfAnAttribute(String attribute, String type) {
        assertThat(holds("attribute_type(" + attribute + ", :t)", ":t", s(type))).isTrue();
        String other = type.equals("S") ? "SS" : "S";
        assertThat(holds("attribute_type(" + attribute + ", :t)", ":t", s(other))).isFalse();
        assertThat(holds("attribute_type(q, :t)", ":t", s(type))).isFalse();
    }

    @Test
    void testsTheTypeOfConstantsAndNestedValues() {
        assertThat(holds("attribute_type(:v, :t)", ":v", n(0), ":t", s("N"))).isTrue();
        assertThat(holds("attribute_type(m.arr, :t)", ":t", s("L"))).isTrue();
        assertThat(holds("attribute_type(l[2], :t)", ":t", s("SS"))).isTrue();
    }

    @Test
    void beginsWithComparesStringsAndBinaries() {
        assertThat(holds("begins_with(s, :p)", ":p", s("ban"))).isTrue();
        assertThat(holds("begins_with(s, :p)", ":p", s("banana"))).isTrue();
        assertThat(holds("begins_with(s, :p)", ":p", s(""))).isTrue();
        assertThat(holds("begins_with(s, :p)", ":p", s("nan"))).isFalse();
        assertThat(holds("begins_with(s, :p)", ":p", s("bananas"))).isFalse();
        assertThat(holds("begins_with(b, :p)", ":p", b(1, 2))).isTrue();
        assertThat(holds("begins_with(b, :p)", ":p", b(2))).isFalse();
        assertThat(holds("begins_with(s, :p)", ":p", b('b'))).isFalse();
        assertThat(holds("begins_with(q, :p)", ":p", s(""))).isFalse();
        assertThat(holds("begins_with(ss, :p)", ":p", s("r"))).isFalse();
        assertThat(holds("begins_with(:w, s)", ":w", s("banana split"))).isTrue();
        assertThat(holds("begins_with(s, u)")).isFalse();
    }

    @Test
    void containsFindsSubstringsMembersAndElements() {
        assertThat(holds("contains(s, :v)", ":v", s("nan"))).isTrue();
        assertThat(holds("contains(s, :v)", ":v", s("nab"))).isFalse();
        assertThat(holds("contains(b, :v)", ":v", b(2, 3))).isTrue();
        assertThat(holds("contains(b, :v)", ":v", b(3, 2))).isFalse();
        assertThat(holds("contains(ss, :v)", ":v", s("red"))).isTrue();
        assertThat(holds("contains(ss, :v)", ":v", s("re"))).isFalse();
        assertThat(holds("contains(ns, :v)", ":v", n("5.0"))).isTrue();
        assertThat(holds("contains(ns, :v)", ":v", n(2))).isFalse();
        assertThat(holds("contains(bs, :v)", ":v", b(2, 2))).isTrue();
        assertThat(holds("contains(bs, :v)", ":v", b(2))).isFalse();
        assertThat(holds("contains(l, :v)", ":v", s("a"))).isTrue();
        assertThat(holds("contains(l, :v)", ":v", n("3.0"))).isTrue();
        assertThat(holds("contains(l, :v)", ":v", ss("y", "x"))).isTrue();
        assertThat(holds("contains(l, :v)", ":v", l(n(1), n(2)))).isTrue();
        assertThat(holds("contains(l, :v)", ":v", m("k", s("v")))).isTrue();
        assertThat(holds("contains(l, :v)", ":v", s("x"))).isFalse();
    }

    @Test
    void containsIsFalseForMismatchedTypes() {
        assertThat(holds("contains(ss, :v)", ":v", n(1))).isFalse();
        assertThat(holds("contains(ns, :v)", ":v", s("1"))).isFalse();
        assertThat(holds("contains(s, :v)", ":v", ss("banana"))).isFalse();
        assertThat(holds("contains(n, :v)", ":v", n(1))).isFalse();
        assertThat(holds("contains(m, :v)", ":v", s("nested"))).isFalse();
        assertThat(holds("contains(q, :v)", ":v", s("x"))).isFalse();
        assertThat(holds("contains(s, q)")).isFalse();
    }

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of("s", 6), Arguments.of("b", 3), Arguments.of("ss", 2), Arguments.of("ns", 2),
                Arguments.of("bs", 2), Arguments.of("l", 5), Arguments.of("m", 2), Arguments.of("e", 0),
                Arguments.of("u", 2), Arguments.of("m.arr", 2), Arguments.of("l[2]", 2));
    }

    @ParameterizedTest(name = "size({0}) = {1}")
    @MethodSource("sizes")
    void measuresSizes(String path, int size) {
        assertThat(holds("size(" + path + ") = :v", ":v", n(size))).isTrue();
        assertThat(holds("size(" + path + ") < :v", ":v", n(size + 1))).isTrue();
        assertThat(holds("size(" + path + ") > :v", ":v", n(size))).isFalse();
    }

    @Test
    void countsStringsInUtf16CodeUnitsAsDynamoDbDoes() {
        Map<String, Value> item = item("x", s("é\uD834\uDD1E"));
        assertThat(condition("size(x) = :v", ":v", n(3)).test(item)).isTrue();
    }

    @Test
    void sizeOfAValueWithoutSizeMakesComparisonsFalse() {
        for (String attribute : new String[] {"n", "t", "z", "q"}) {
            assertThat(holds("size(" + attribute + ") = :v", ":v", n(1))).as(attribute).isFalse();
            assertThat(holds("size(" + attribute + ") >= :v", ":v", n(0))).as(attribute).isFalse();
            assertThat(holds("size(" + attribute + ") <> :v", ":v", n(0))).as(attribute).isTrue();
        }
    }

    @Test
    void sizeWorksOnConstantsAndComparesWithAttributes() {
        assertThat(holds("size(:v) = :n", ":v", l(n(1), n(2)), ":n", n(2))).isTrue();
        assertThat(holds("size(ss) = size(ns)")).isTrue();
        assertThat(holds("size(s) BETWEEN size(m) AND n")).isTrue();
        assertThat(holds("size(s) IN (:a, :b)", ":a", n(1), ":b", n(6))).isTrue();
        assertThat(holds("size(s) = :v", ":v", s("6"))).isFalse();
    }

    @Test
    void followsNestedPathsAndNames() {
        assertThat(holds("m.nested.deep = :x", ":x", s("x"))).isTrue();
        assertThat(holds("m.arr[1].v = :two", ":two", n(2))).isTrue();
        assertThat(holds("l[0] = :a", ":a", s("a"))).isTrue();
        assertThat(holds("#m.#n.#d = :x", "#m", "m", "#n", "nested", "#d", "deep", ":x", s("x"))).isTrue();
        assertThat(holds("#d = :y", "#d", "dotted.x", ":y", s("yes"))).isTrue();
        assertThat(holds("dotted.x = :y", ":y", s("yes"))).isFalse();
        assertThat(holds("m.arr[0].v < m.arr[1].v")).isTrue();
    }

    @Test
    void combinesWithAndOrNot() {
        Object[] v = {":t", n(10), ":f", n(11)};
        assertThat(holdsWith("n = :t AND n = :t", v)).isTrue();
        assertThat(holdsWith("n = :t AND n = :f", v)).isFalse();
        assertThat(holdsWith("n = :f OR n = :t", v)).isTrue();
        assertThat(holdsWith("n = :f OR n = :f", v)).isFalse();
        assertThat(holdsWith("NOT n = :f", v)).isTrue();
        assertThat(holdsWith("NOT NOT n = :f", v)).isFalse();
    }

    @Test
    void appliesDynamoDbPrecedence() {
        Object[] v = {":t", n(10), ":f", n(11)};
        // AND before OR: true OR (true AND false)
        assertThat(holdsWith("n = :t OR n = :t AND n = :f", v)).isTrue();
        assertThat(holdsWith("(n = :t OR n = :t) AND n = :f", v)).isFalse();
        // NOT before AND: (NOT true) AND false, not NOT (true AND false)
        assertThat(holdsWith("NOT n = :t AND n = :f", v)).isFalse();
        assertThat(holdsWith("NOT (n = :t AND n = :f)", v)).isTrue();
        // NOT before OR: (NOT true) OR true
        assertThat(holdsWith("NOT n = :t OR n = :t", v)).isTrue();
        // BETWEEN keeps its AND
        assertThat(holdsWith("n BETWEEN :t AND :f AND n = :f", v)).isFalse();
        assertThat(holdsWith("n between :t and :f oR n = :f", v)).isTrue();
    }

    @Test
    void evaluatesAgainstAnEmptyItem() {
        Condition c = condition("attribute_not_exists(pk) AND pk <> :p", ":p", s("x"));
        assertThat(c.test(Map.of())).isTrue();
        assertThat(c.test(item("pk", s("x")))).isFalse();
        assertThat(condition("attribute_exists(pk)").test(Map.of())).isFalse();
    }

    @Test
    void isReusableAcrossItems() {
        Condition c = condition("a > :v", ":v", n(1));
        assertThat(c.test(item("a", n(2)))).isTrue();
        assertThat(c.test(item("a", n(0)))).isFalse();
        assertThat(c.test(item("a", s("2")))).isFalse();
        assertThat(c.test(item())).isFalse();
    }

    @Test
    void countsPlaceholdersUsedOnlyInBranchesNotEvaluated() {
        ExpressionContext ctx = ctx("#a", "a", "#b", "b", ":v1", n(1), ":v2", n(2));
        Condition c = Expressions.condition("#a = :v1 OR #b = :v2", ctx, "ConditionExpression");
        ctx.checkAllUsed();
        assertThat(c.test(item("a", n(1)))).isTrue();
    }
}
