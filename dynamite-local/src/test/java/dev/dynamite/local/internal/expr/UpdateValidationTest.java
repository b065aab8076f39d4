package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.assertValidation;
import static dev.dynamite.local.internal.expr.Fixtures.b;
import static dev.dynamite.local.internal.expr.Fixtures.bool;
import static dev.dynamite.local.internal.expr.Fixtures.bs;
import static dev.dynamite.local.internal.expr.Fixtures.bytes;
import static dev.dynamite.local.internal.expr.Fixtures.ctx;
import static dev.dynamite.local.internal.expr.Fixtures.l;
import static dev.dynamite.local.internal.expr.Fixtures.m;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static dev.dynamite.local.internal.expr.Fixtures.ns;
import static dev.dynamite.local.internal.expr.Fixtures.nul;
import static dev.dynamite.local.internal.expr.Fixtures.s;
import static dev.dynamite.local.internal.expr.Fixtures.ss;
import static dev.dynamite.local.internal.expr.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dynamite.local.internal.value.Value;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What DynamoDB rejects in an update expression before reading the item, with its messages. */
class UpdateValidationTest {
    private static final String PREFIX = "Invalid UpdateExpression: ";

    private static void rejects(String expression, String message, Object... placeholders) {
        assertValidation(() -> update(expression, placeholders), PREFIX + message);
    }

    @Test
    void rejectsAnEmptyExpression() {
        assertValidation(() -> Expressions.update("", ctx()), PREFIX + "The expression can not be empty;");
        assertValidation(() -> Expressions.update("  ", ctx()), PREFIX + "The expression can not be empty;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET", "REMOVE", "ADD", "DELETE"})
    void allowsEachSectionOnce(String section) {
        String action = switch (section) {
            case "SET" -> "a = :n";
            case "REMOVE" -> "a";
            case "ADD" -> "a :n";
            default -> "a :s";
        };
        String second = action.replace("a", "b");
        rejects(section + " " + action + " " + section.toLowerCase() + " " + second,
                "The \"" + section + "\" section can only be used once in an update expression;", ":n", n(1),
                ":s", ss("x"));
    }

    @Test
    void acceptsAllSectionsInAnyOrder() {
        assertThatCode(() -> update("DELETE d :s ADD c :n REMOVE b SET a = :n", ":n", n(1), ":s", ss("x")))
                .doesNotThrowAnyException();
        assertThatCode(() -> update("remove b set a = :n, e = :n delete d :s add c :n", ":n", n(1), ":s", ss("x")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsOverlappingPaths() {
        rejects("SET a = :v, a.b = :v", "Two document paths overlap with each other; must remove or rewrite one of"
                + " these paths; path one: [a], path two: [a, b]", ":v", n(1));
        rejects("SET a = :v, a = :w", "Two document paths overlap with each other; must remove or rewrite one of"
                + " these paths; path one: [a], path two: [a]", ":v", n(1), ":w", n(2));
        rejects("SET l[0] = :v, l[0].ok = :v", "Two document paths overlap with each other; must remove or rewrite"
                + " one of these paths; path one: [l, [0]], path two: [l, [0], ok]", ":v", n(1));
        rejects("SET #a = :v, a = :v", "Two document paths overlap with each other; must remove or rewrite one of"
                + " these paths; path one: [a], path two: [a]", "#a", "a", ":v", n(1));
        rejects("SET a.b.c = :v REMOVE a.b", "Two document paths overlap with each other; must remove or rewrite"
                + " one of these paths; path one: [a, b, c], path two: [a, b]", ":v", n(1));
        rejects("ADD a :n DELETE a :s", "Two document paths overlap with each other; must remove or rewrite one of"
                + " these paths; path one: [a], path two: [a]", ":n", n(1), ":s", ss("x"));
        assertThatCode(() -> update("SET a.b = :v, a.c = :v, l[0] = :v, l[1].x = :v, ab = :v", ":v", n(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsPathsThatUseAValueBothAsMapAndList() {
        rejects("SET a.b = :v, a[0] = :v", "Two document paths conflict with each other; must remove or rewrite one of"
                + " these paths; path one: [a, b], path two: [a, [0]]", ":v", n(1));
        rejects("SET a.b = :v, a[0] = :v, c = :v, c.d = :v", "Two document paths overlap with each other; must remove"
                + " or rewrite one of these paths; path one: [c], path two: [c, d]", ":v", n(1));
    }

    @Test
    void rejectsReservedWords() {
        rejects("SET status = :v", "Attribute name is a reserved keyword; reserved keyword: status", ":v", n(1));
        rejects("REMOVE a.COMMENT", "Attribute name is a reserved keyword; reserved keyword: COMMENT");
        rejects("SET a = if_not_exists(year, :v)", "Attribute name is a reserved keyword; reserved keyword: year",
                ":v", n(1));
        assertThatCode(() -> update("SET #s = :v, l[0].#c = :v", "#s", "status", "#c", "COMMENT", ":v", n(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsUndefinedPlaceholdersNamesFirst() {
        rejects("SET #x = :v", "An expression attribute name used in the document path is not defined; attribute"
                + " name: #x", ":v", n(1));
        rejects("SET a = :x", "An expression attribute value used in expression is not defined; attribute value: :x");
        rejects("SET a = :x, #y = :v", "An expression attribute name used in the document path is not defined;"
                + " attribute name: #y", ":v", n(1));
        rejects("ADD a :x", "An expression attribute value used in expression is not defined; attribute value: :x");
    }

    @Test
    void rejectsUnknownAndConditionFunctions() {
        rejects("SET a = foo(b)", "Invalid function name; function: foo");
        rejects("SET a = size(b)", "The function is not allowed in an update expression; function: size");
        rejects("SET a = contains(b, :v)", "The function is not allowed in an update expression; function: contains",
                ":v", s("x"));
        rejects("SET a = IF_NOT_EXISTS(b, :v)", "Invalid function name; function: IF_NOT_EXISTS", ":v", n(1));
    }

    @Test
    void allowsOnlyIfNotExistsInsideOtherFunctions() {
        rejects("SET a = list_append(list_append(l, :t), :t)",
                "The function is not allowed to be used this way in an expression; function: list_append", ":t", l());
        rejects("SET a = if_not_exists(b, list_append(l, :t))",
                "The function is not allowed to be used this way in an expression; function: list_append", ":t", l());
        rejects("SET a = list_append(l, :t) + :n",
                "The function is not allowed to be used this way in an expression; function: list_append",
                ":t", l(), ":n", n(1));
        assertThatCode(() -> update("SET a = list_append(if_not_exists(l, :e), :t), b = if_not_exists(b, :n) + :n,"
                + " c = if_not_exists(c, if_not_exists(d, :n))", ":e", l(), ":t", l(), ":n", n(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void checksTheOperandsOfFunctions() {
        rejects("SET a = if_not_exists(b)", "Incorrect number of operands for operator or function; operator or"
                + " function: if_not_exists, number of operands: 1");
        rejects("SET a = list_append(b, c, d)", "Incorrect number of operands for operator or function; operator or"
                + " function: list_append, number of operands: 3");
        rejects("SET a = if_not_exists(:v, b)", "Operator or function requires a document path; operator or function:"
                + " if_not_exists", ":v", n(1));
        rejects("SET r = if_not_exists(if_not_exists(n, :z), :o)", "Operator or function requires a document path;"
                + " operator or function: if_not_exists", ":z", n(0), ":o", n(1));
        rejects("SET a = list_append(:s, l)", "Incorrect operand type for operator or function; operator or function:"
                + " list_append, operand type: S", ":s", s("x"));
        rejects("SET a = list_append(l, :m)", "Incorrect operand type for operator or function; operator or function:"
                + " list_append, operand type: M", ":m", m());
        rejects("SET a = b + :s", "Incorrect operand type for operator or function; operator or function: +, operand"
                + " type: S", ":s", s("1"));
        rejects("SET a = :l - b", "Incorrect operand type for operator or function; operator or function: -, operand"
                + " type: L", ":l", l());
    }

    static Stream<Arguments> addOperands() {
        return Stream.of(Arguments.of(s("x"), "STRING"), Arguments.of(b(1), "BINARY"), Arguments.of(bool(true),
                "BOOLEAN"), Arguments.of(nul(), "NULL"), Arguments.of(l(n(1)), "LIST"), Arguments.of(m(), "MAP"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("addOperands")
    void addsOnlyNumbersAndSets(Value value, String typeName) {
        rejects("ADD a :v", "Incorrect operand type for operator or function; operator: ADD, operand type: " + typeName
                + ", typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", value);
        rejects("DELETE a :v", "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                + typeName + ", typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", value);
    }

    @Test
    void deletesOnlySets() {
        rejects("DELETE a :v", "Incorrect operand type for operator or function; operator: DELETE, operand type:"
                + " NUMBER, typeSet: ALLOWED_FOR_ADD_OPERAND", ":v", n(1));
        assertThatCode(() -> update("ADD a :n, b :ss, c :ns, d :bs DELETE e :ss, f :ns, g :bs", ":n", n(1),
                ":ss", ss("x"), ":ns", ns("1"), ":bs", bs(bytes(1)))).doesNotThrowAnyException();
    }

    @Test
    void reportsProblemsByCategory() {
        // a reserved word beats an unknown function
        rejects("SET a = foo(b), year = :v", "Attribute name is a reserved keyword; reserved keyword: year",
                ":v", n(1));
        // an unknown function beats a repeated section
        rejects("SET a = foo(b) SET c = :v", "Invalid function name; function: foo", ":v", n(1));
        // a repeated section beats an undefined name
        rejects("SET #x = :v SET c = :v", "The \"SET\" section can only be used once in an update expression;",
                ":v", n(1));
        // an undefined value beats overlapping paths
        rejects("SET a = :x, a = :v", "An expression attribute value used in expression is not defined; attribute"
                + " value: :x", ":v", n(1));
        // overlapping paths beat a wrong ADD operand
        rejects("ADD a :s, a :n", "Two document paths overlap with each other; must remove or rewrite one of these"
                + " paths; path one: [a], path two: [a]", ":s", s("x"), ":n", n(1));
        // a wrong ADD operand beats a wrong function operand
        rejects("SET b = c + :s ADD a :s", "Incorrect operand type for operator or function; operator: ADD, operand"
                + " type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND", ":s", s("x"));
    }
}
