package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.assertValidation;
import static dev.dynamite.local.internal.expr.Fixtures.b;
import static dev.dynamite.local.internal.expr.Fixtures.bool;
import static dev.dynamite.local.internal.expr.Fixtures.bs;
import static dev.dynamite.local.internal.expr.Fixtures.bytes;
import static dev.dynamite.local.internal.expr.Fixtures.item;
import static dev.dynamite.local.internal.expr.Fixtures.l;
import static dev.dynamite.local.internal.expr.Fixtures.m;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static dev.dynamite.local.internal.expr.Fixtures.ns;
import static dev.dynamite.local.internal.expr.Fixtures.s;
import static dev.dynamite.local.internal.expr.Fixtures.ss;
import static dev.dynamite.local.internal.expr.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How updates change items. */
class UpdateApplyTest {
    private static final String MISSING =
            "The provided expression refers to an attribute that does not exist in the item";
    private static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
    private static final String INVALID_PATH =
            "The document path provided in the update expression is invalid for update";

    private static Map<String, Value> apply(Map<String, Value> item, String expression, Object... placeholders) {
        return update(expression, placeholders).apply(item);
    }

    private static Map<String, Value> sample() {
        return item("pk", s("p"), "n", n(1), "s", s("x"), "l", l(s("a"), s("b"), s("c"), s("d")),
                "m", m("a", n(1), "nest", m("deep", s("old"))), "ss", ss("a", "b"), "ns", ns("1", "2"),
                "bs", bs(bytes(1), bytes(2)));
    }

    @Test
    void returnsANewItemAndLeavesTheInputAlone() {
        Map<String, Value> before = sample();
        Map<String, Value> copied = new LinkedHashMap<>(before);
        Map<String, Value> after = apply(before, "SET m.nest.deep = :v, x = :v REMOVE l[0]", ":v", s("new"));
        assertThat(before).isEqualTo(copied);
        assertThat(after).isNotSameAs(before);
        assertThat(after.get("m")).isEqualTo(m("a", n(1), "nest", m("deep", s("new"))));
        assertThat(before.get("m")).isEqualTo(m("a", n(1), "nest", m("deep", s("old"))));
    }

    @Test
    void setsTopLevelAttributes() {
        Map<String, Value> after = apply(sample(), "SET s = :v, fresh = :w", ":v", s("y"), ":w", bool(true));
        assertThat(after).containsEntry("s", s("y")).containsEntry("fresh", bool(true)).containsEntry("n", n(1));
        assertThat(apply(item(), "SET a = :v", ":v", n(1))).isEqualTo(item("a", n(1)));
    }

    @Test
    void setsNestedMapKeysKeepingSiblings() {
        Map<String, Value> after = apply(sample(), "SET m.b = :v, m.nest.spare = :w", ":v", n(2), ":w", n(3));
        assertThat(after.get("m")).isEqualTo(m("a", n(1), "nest", m("deep", s("old"), "spare", n(3)), "b", n(2)));
        assertThat(after).doesNotContainKey("m.b");
    }

    @Test
    void cannotSetThroughAMissingOrNonMapValue() {
        assertValidation(() -> apply(sample(), "SET absent.nested.deep = :v", ":v", n(1)), INVALID_PATH);
        assertValidation(() -> apply(sample(), "SET s.x = :v", ":v", n(1)), INVALID_PATH);
        assertValidation(() -> apply(sample(), "SET m[0] = :v", ":v", n(1)), INVALID_PATH);
        assertValidation(() -> apply(sample(), "SET l.x = :v", ":v", n(1)), INVALID_PATH);
        assertValidation(() -> apply(sample(), "SET absent[0] = :v", ":v", n(1)), INVALID_PATH);
        assertValidation(() -> apply(sample(), "SET l[9].x = :v", ":v", n(1)), INVALID_PATH);
    }

    @Test
    void setsListElementsAndAppendsPastTheEnd() {
        assertThat(apply(sample(), "SET l[1] = :v", ":v", s("B")).get("l")).isEqualTo(l(s("a"), s("B"), s("c"), s("d")));
        assertThat(apply(sample(), "SET l[10] = :v", ":v", s("e")).get("l"))
                .isEqualTo(l(s("a"), s("b"), s("c"), s("d"), s("e")));
        assertThat(apply(sample(), "SET l[9] = :y, l[7] = :x", ":x", s("x"), ":y", s("y")).get("l"))
                .isEqualTo(l(s("a"), s("b"), s("c"), s("d"), s("x"), s("y")));
        assertThat(apply(item("e", l()), "SET e[0] = :v", ":v", n(1)).get("e")).isEqualTo(l(n(1)));
        assertThat(apply(item("e", l(m("k", n(1)))), "SET e[0].k = :v", ":v", n(2)).get("e"))
                .isEqualTo(l(m("k", n(2))));
    }

    @Test
    void readsEveryOperandFromTheItemBeforeTheUpdate() {
        Map<String, Value> after = apply(item("a", n(1), "b", n(2)), "SET a = b, b = a");
        assertThat(after).isEqualTo(item("a", n(2), "b", n(1)));
        Map<String, Value> counted = apply(item("c", n(1)), "SET c = c + :one, d = c", ":one", n(1));
        assertThat(counted).isEqualTo(item("c", n(2), "d", n(1)));
    }

    @Test
    void copiesValuesFromPaths() {
        Map<String, Value> after = apply(sample(), "SET copied = m.nest, head = l[0]");
        assertThat(after).containsEntry("copied", m("deep", s("old"))).containsEntry("head", s("a"));
    }

    @Test
    void failsWhenAnOperandRefersToAMissingAttribute() {
        assertValidation(() -> apply(sample(), "SET a = absent"), MISSING);
        assertValidation(() -> apply(sample(), "SET a = absent + :one", ":one", n(1)), MISSING);
        assertValidation(() -> apply(sample(), "SET a = :one - m.nope", ":one", n(1)), MISSING);
        assertValidation(() -> apply(sample(), "SET a = list_append(absent, :l)", ":l", l()), MISSING);
        assertValidation(() -> apply(sample(), "SET a = if_not_exists(absent, spare)"), MISSING);
        assertValidation(() -> apply(sample(), "SET a = l[4]"), MISSING);
    }

    @Test
    void addsAndSubtractsNumbersExactly() {
        Map<String, Value> item = item("f", n("0.1"), "big", n("10000000000000000000000"));
        Map<String, Value> after = apply(item, "SET f = f + :f, big = big + :one, d = big - :one, neg = :one - big",
                ":f", n("0.2"), ":one", n(1));
        assertThat(after).containsEntry("f", n("0.3")).containsEntry("big", n("10000000000000000000001"))
                .containsEntry("d", n("9999999999999999999999")).containsEntry("neg", n("-9999999999999999999999"));
        assertThat(((Value.N) apply(item, "SET z = f - f").get("z")).text()).isEqualTo("0");
        assertThat(((Value.N) apply(item("x", n("1.5")), "SET x = x + :v", ":v", n("1.5")).get("x")).text())
                .isEqualTo("3");
    }

    @Test
    void keepsThirtyEightDigits() {
        Map<String, Value> after = apply(item(), "SET x = :a + :b", ":a", n("12345678901234567890123456789012345670"),
                ":b", n(8));
        assertThat(after.get("x")).isEqualTo(n("12345678901234567890123456789012345678"));
    }

    @Test
    void rejectsResultsANumberCannotHold() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        assertValidation(() -> apply(item(), "SET x = :a + :b", ":a", n("9.9e125"), ":b", n("9.9e125")), overflow);
        assertValidation(() -> apply(item(), "SET x = :a - :b", ":a", n("9.9e125"), ":b", n("-9.9e125")), overflow);
        // more than 38 significant digits: DynamoDB calls this an overflow too
        assertValidation(() -> apply(item(), "SET x = :a + :b", ":a", n("1e50"), ":b", n(1)), overflow);
        assertValidation(() -> apply(item("x", n("1e50")), "ADD x :b", ":b", n(1)), overflow);
        assertValidation(() -> apply(item(), "SET x = :a - :b", ":a", n("1e-130"), ":b", n("1.1e-130")),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertThat(apply(item(), "SET x = :a + :b", ":a", n("9e125"), ":b", n("9e124")).get("x"))
                .isEqualTo(n("9.9e125"));
    }

    @Test
    void doesArithmeticOnlyOnNumbers() {
        assertValidation(() -> apply(sample(), "SET a = s + :one", ":one", n(1)), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "SET a = :one - l", ":one", n(1)), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "SET a = ns + n"), WRONG_TYPE);
    }

    @Test
    void setsIfNotExists() {
        Map<String, Value> after = apply(sample(), "SET n = if_not_exists(n, :zero) + :one,"
                + " fresh = if_not_exists(fresh, :zero), m.c = if_not_exists(m.nest.deep, :zero)",
                ":zero", n(0), ":one", n(1));
        assertThat(after).containsEntry("n", n(2)).containsEntry("fresh", n(0));
        assertThat(((Value.M) after.get("m")).values()).containsEntry("c", s("old"));
        assertThat(apply(item(), "SET x = if_not_exists(x, if_not_exists(y, :v))", ":v", s("v")))
                .isEqualTo(item("x", s("v")));
    }

    @Test
    void appendsLists() {
        Map<String, Value> after = apply(item("l", l(n(1), n(2))), "SET l = list_append(l, :tail), front ="
                + " list_append(:head, l), spare = list_append(if_not_exists(spare, :empty), :tail)",
                ":tail", l(n(9)), ":head", l(n(0)), ":empty", l());
        assertThat(after).containsEntry("l", l(n(1), n(2), n(9))).containsEntry("front", l(n(0), n(1), n(2)))
                .containsEntry("spare", l(n(9)));
        assertValidation(() -> apply(sample(), "SET a = list_append(s, :l)", ":l", l()), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "SET a = list_append(:l, ss)", ":l", l()), WRONG_TYPE);
    }

    @Test
    void removesAttributesAndNestedKeys() {
        Map<String, Value> after = apply(sample(), "REMOVE s, m.nest.deep, absent, m.nope");
        assertThat(after).doesNotContainKeys("s", "absent");
        assertThat(after.get("m")).isEqualTo(m("a", n(1), "nest", m()));
        assertValidation(() -> apply(sample(), "REMOVE absent.x"), INVALID_PATH);
        assertValidation(() -> apply(sample(), "REMOVE s.x"), INVALID_PATH);
    }

    @Test
    void removesListElementsShiftingTheRest() {
        assertThat(apply(sample(), "REMOVE l[1]").get("l")).isEqualTo(l(s("a"), s("c"), s("d")));
        assertThat(apply(sample(), "REMOVE l[3]").get("l")).isEqualTo(l(s("a"), s("b"), s("c")));
        assertThat(apply(sample(), "REMOVE l[9]").get("l")).isEqualTo(l(s("a"), s("b"), s("c"), s("d")));
    }

    @Test
    void removesListElementsByTheirOriginalPositions() {
        assertThat(apply(sample(), "REMOVE l[0], l[2]").get("l")).isEqualTo(l(s("b"), s("d")));
        assertThat(apply(sample(), "REMOVE l[2], l[0], l[3], l[1]").get("l")).isEqualTo(l());
        assertThat(apply(sample(), "SET l[1] = :x REMOVE l[0]", ":x", s("x")).get("l"))
                .isEqualTo(l(s("x"), s("c"), s("d")));
        assertThat(apply(sample(), "REMOVE l[0] SET l[6] = :x", ":x", s("x")).get("l"))
                .isEqualTo(l(s("b"), s("c"), s("d"), s("x")));
    }

    @Test
    void addsNumbers() {
        assertThat(apply(sample(), "ADD n :v", ":v", n(5)).get("n")).isEqualTo(n(6));
        assertThat(apply(sample(), "ADD n :v", ":v", n(-3)).get("n")).isEqualTo(n(-2));
        assertThat(apply(sample(), "ADD fresh :v", ":v", n(5)).get("fresh")).isEqualTo(n(5));
        assertThat(apply(sample(), "ADD m.a :v, m.tally :v", ":v", n(2)).get("m"))
                .isEqualTo(m("a", n(3), "nest", m("deep", s("old")), "tally", n(2)));
        assertThat(apply(sample(), "ADD l[9] :v", ":v", n(2)).get("l"))
                .isEqualTo(l(s("a"), s("b"), s("c"), s("d"), n(2)));
        assertThat(apply(item("l", l(n(1))), "ADD l[0] :v", ":v", n(2)).get("l")).isEqualTo(l(n(3)));
    }

    @Test
    void addsToSets() {
        Map<String, Value> after = apply(sample(), "ADD ss :ss, ns :ns, bs :bs, fresh :ss",
                ":ss", ss("b", "c"), ":ns", ns("2.0", "3"), ":bs", bs(bytes(2), bytes(3)));
        assertThat(after).containsEntry("ss", ss("a", "b", "c")).containsEntry("ns", ns("1", "2", "3"))
                .containsEntry("bs", bs(bytes(1), bytes(2), bytes(3))).containsEntry("fresh", ss("b", "c"));
        assertThat(((Value.SS) after.get("ss")).values()).containsExactly("a", "b", "c");
    }

    @Test
    void addsOnlyToAttributesOfTheSameType() {
        assertValidation(() -> apply(sample(), "ADD s :v", ":v", n(1)), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "ADD n :v", ":v", ss("x")), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "ADD ns :v", ":v", ss("x")), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "ADD m :v", ":v", n(1)), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "ADD absent.x :v", ":v", n(1)), INVALID_PATH);
    }

    @Test
    void deletesFromSets() {
        Map<String, Value> after = apply(sample(), "DELETE ss :ss, ns :ns, bs :bs, absent :ss",
                ":ss", ss("a", "z"), ":ns", ns("2.00"), ":bs", bs(bytes(1)));
        assertThat(after).containsEntry("ss", ss("b")).containsEntry("ns", ns("1")).containsEntry("bs", bs(bytes(2)))
                .doesNotContainKey("absent");
    }

    @Test
    void removesASetThatDeletingEmpties() {
        Map<String, Value> after = apply(sample(), "DELETE ss :ss", ":ss", ss("a", "b", "c"));
        assertThat(after).doesNotContainKey("ss");
        Map<String, Value> nested = apply(item("m", m("tags", ss("x"), "k", n(1))), "DELETE m.tags :t", ":t", ss("x"));
        assertThat(nested.get("m")).isEqualTo(m("k", n(1)));
    }

    @Test
    void deletesOnlyFromSetsOfTheSameType() {
        assertValidation(() -> apply(sample(), "DELETE ns :v", ":v", ss("1")), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "DELETE s :v", ":v", ss("x")), WRONG_TYPE);
        assertValidation(() -> apply(sample(), "DELETE l :v", ":v", ss("a")), WRONG_TYPE);
    }

    @Test
    void combinesAllFourSections() {
        Map<String, Value> after = apply(sample(), "SET a = :one REMOVE m ADD n :one DELETE ss :del",
                ":one", n(1), ":del", ss("a"));
        assertThat(after).containsEntry("a", n(1)).containsEntry("n", n(2)).containsEntry("ss", ss("b"))
                .doesNotContainKey("m");
    }

    @Test
    void storesBinaryAndKeepsAttributeOrder() {
        Map<String, Value> after = apply(item("a", n(1), "b", n(2)), "SET c = :v, a = :w", ":v", b(1), ":w", n(0));
        assertThat(after.keySet()).containsExactly("a", "b", "c");
        assertThat(after.get("c")).isEqualTo(b(1));
    }

    @Test
    void isReusableAcrossItems() {
        Update update = update("ADD c :one", ":one", n(1));
        assertThat(update.apply(item()).get("c")).isEqualTo(n(1));
        assertThat(update.apply(item("c", n(41))).get("c")).isEqualTo(n(42));
    }

    @Test
    void namesTheTopLevelAttributesItTouches() {
        Update update = update("SET a.b = :v, c = :v REMOVE d[0] ADD e :n DELETE f :s, a.x :s", ":v", n(1),
                ":n", n(1), ":s", ss("x"));
        assertThat(update.topLevelAttributes()).containsExactly("a", "c", "d", "e", "f");
    }

    @Test
    void projectsTheUpdatedPaths() {
        Update update = update("SET m.nest.deep = :v, n = :w REMOVE l[1]", ":v", s("new"), ":w", n(5));
        Map<String, Value> before = sample();
        Map<String, Value> after = update.apply(before);
        assertThat(update.updatedPaths().apply(before))
                .isEqualTo(item("m", m("nest", m("deep", s("old"))), "n", n(1), "l", l(s("b"))));
        assertThat(update.updatedPaths().apply(after))
                .isEqualTo(item("m", m("nest", m("deep", s("new"))), "n", n(5), "l", l(s("c"))));
    }
}
