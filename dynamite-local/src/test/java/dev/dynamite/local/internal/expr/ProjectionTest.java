package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.assertValidation;
import static dev.dynamite.local.internal.expr.Fixtures.ctx;
import static dev.dynamite.local.internal.expr.Fixtures.item;
import static dev.dynamite.local.internal.expr.Fixtures.l;
import static dev.dynamite.local.internal.expr.Fixtures.m;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static dev.dynamite.local.internal.expr.Fixtures.projection;
import static dev.dynamite.local.internal.expr.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.internal.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final String PREFIX = "Invalid ProjectionExpression: ";
    private static final Map<String, Value> ITEM = item(
            "pk", s("p"),
            "a", m("b", n(1), "c", n(2), "d", m("e", s("deep"), "f", s("other"))),
            "l", l(s("l0"), s("l1"), s("l2")),
            "objs", l(m("v", n(1), "w", n(10)), m("v", n(2), "w", n(20))),
            "alt", s("o"),
            "s", s("text"));

    private static Map<String, Value> project(String expression, Object... placeholders) {
        return projection(expression, placeholders).apply(ITEM);
    }

    @Test
    void keepsTopLevelAttributesInTheOrderAsked() {
        Map<String, Value> result = project("s, pk, absent");
        assertThat(result).isEqualTo(item("s", s("text"), "pk", s("p")));
        assertThat(result.keySet()).containsExactly("s", "pk");
    }

    @Test
    void keepsTheStructureAroundNestedPaths() {
        assertThat(project("a.c")).isEqualTo(item("a", m("c", n(2))));
        assertThat(project("a.d.e, a.b")).isEqualTo(item("a", m("d", m("e", s("deep")), "b", n(1))));
        assertThat(project("a.d")).isEqualTo(item("a", m("d", m("e", s("deep"), "f", s("other")))));
    }

    @Test
    void keepsChosenListElementsInIndexOrderWithoutGaps() {
        assertThat(project("l[2], l[0]")).isEqualTo(item("l", l(s("l0"), s("l2"))));
        assertThat(project("l[1]")).isEqualTo(item("l", l(s("l1"))));
        assertThat(project("l[1], l[7]")).isEqualTo(item("l", l(s("l1"))));
        assertThat(project("objs[1].v, objs[0].w, objs[1].w"))
                .isEqualTo(item("objs", l(m("w", n(10)), m("v", n(2), "w", n(20)))));
    }

    @Test
    void leavesOutPathsThatLeadNowhere() {
        assertThat(project("a.zz, l[5], s.x, absent.y")).isEmpty();
        assertThat(project("s[0], a[0], l.x")).isEmpty();
        assertThat(project("a.zz, a.b")).isEqualTo(item("a", m("b", n(1))));
    }

    @Test
    void resolvesNames() {
        assertThat(project("#a.#b, #alt", "#a", "a", "#b", "b", "#alt", "alt"))
                .isEqualTo(item("a", m("b", n(1)), "alt", s("o")));
        assertThat(projection("#n", "#n", "name").apply(item("name", s("x")))).isEqualTo(item("name", s("x")));
    }

    @Test
    void leavesTheItemAlone() {
        Map<String, Value> copy = new LinkedHashMap<>(ITEM);
        project("a.b, l[0]");
        assertThat(ITEM).isEqualTo(copy);
    }

    @Test
    void namesTheTopLevelAttributesItReads() {
        assertThat(projection("a.b, l[0], a.c, #x", "#x", "x").topLevelAttributes()).containsExactly("a", "l", "x");
    }

    @Test
    void rejectsWhatDynamoDbRejects() {
        assertValidation(() -> Expressions.projection("", ctx()), PREFIX + "The expression can not be empty;");
        assertValidation(() -> project("name"), PREFIX + "Attribute name is a reserved keyword; reserved keyword: name");
        assertValidation(() -> project("l[0].COMMENT"),
                PREFIX + "Attribute name is a reserved keyword; reserved keyword: COMMENT");
        assertValidation(() -> project("#x"),
                PREFIX + "An expression attribute name used in the document path is not defined; attribute name: #x");
        assertValidation(() -> project("#a, #a.#b", "#a", "a", "#b", "b"), PREFIX + "Two document paths overlap with"
                + " each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertValidation(() -> project("a, a"), PREFIX + "Two document paths overlap with each other; must remove or"
                + " rewrite one of these paths; path one: [a], path two: [a]");
        assertValidation(() -> project("l[0].x, l[0]"), PREFIX + "Two document paths overlap with each other; must"
                + " remove or rewrite one of these paths; path one: [l, [0], x], path two: [l, [0]]");
        assertValidation(() -> project("a.b, a[0]"), PREFIX + "Two document paths conflict with each other; must"
                + " remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]");
        assertValidation(() -> project("dummy-id"), PREFIX + "Syntax error; token: \"-\", near: \"dummy-id\"");
    }

    @Test
    void reportsReservedWordsBeforeUndefinedNamesBeforeOverlaps() {
        assertValidation(() -> project("#x, a, a, name"),
                PREFIX + "Attribute name is a reserved keyword; reserved keyword: name");
        assertValidation(() -> project("a, a, #x"),
                PREFIX + "An expression attribute name used in the document path is not defined; attribute name: #x");
        assertValidation(() -> project("a.b, a[0], c, c"), PREFIX + "Two document paths overlap with each other;"
                + " must remove or rewrite one of these paths; path one: [c], path two: [c]");
    }
}
