package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dynamite.local.internal.expr.Ast.And;
import dev.dynamite.local.internal.expr.Ast.Call;
import dev.dynamite.local.internal.expr.Ast.Compare;
import dev.dynamite.local.internal.expr.Ast.Cond;
import dev.dynamite.local.internal.expr.Ast.Element;
import dev.dynamite.local.internal.expr.Ast.Not;
import dev.dynamite.local.internal.expr.Ast.Or;
import dev.dynamite.local.internal.expr.Ast.PathOperand;
import dev.dynamite.local.internal.expr.Ast.ValueOperand;
import dev.dynamite.local.internal.expr.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar alone: the trees the parser builds and the syntax errors it reports. */
class ParserTest {

    private static Cond parse(String text) {
        return Parser.condition(text, "ConditionExpression");
    }

    private static PathOperand path(String... names) {
        return new PathOperand(java.util.Arrays.stream(names).map(n -> new Element(n, -1)).toList());
    }

    private static Compare eq(String attribute, String value) {
        return new Compare(Kind.EQ, path(attribute), new ValueOperand(value));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(parse("a = :v OR b = :v AND c = :v"))
                .isEqualTo(new Or(eq("a", ":v"), new And(eq("b", ":v"), eq("c", ":v"))));
        assertThat(parse("a = :v AND b = :v OR c = :v"))
                .isEqualTo(new Or(new And(eq("a", ":v"), eq("b", ":v")), eq("c", ":v")));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertThat(parse("NOT a = :v AND b = :v")).isEqualTo(new And(new Not(eq("a", ":v")), eq("b", ":v")));
        assertThat(parse("NOT NOT a = :v")).isEqualTo(new Not(new Not(eq("a", ":v"))));
    }

    @Test
    void andAndOrGroupToTheRight() {
        assertThat(parse("a = :v AND b = :v AND c = :v"))
                .isEqualTo(new And(eq("a", ":v"), new And(eq("b", ":v"), eq("c", ":v"))));
        assertThat(parse("a = :v OR b = :v OR c = :v"))
                .isEqualTo(new Or(eq("a", ":v"), new Or(eq("b", ":v"), eq("c", ":v"))));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(parse("(a = :v OR b = :v) AND c = :v"))
                .isEqualTo(new And(new Ast.Group(new Or(eq("a", ":v"), eq("b", ":v"))), eq("c", ":v")));
    }

    @Test
    void betweenTakesTheFirstAndAsItsOwn() {
        assertThat(parse("a BETWEEN :x AND :y AND b = :v")).isEqualTo(new And(
                new Ast.Between(path("a"), new ValueOperand(":x"), new ValueOperand(":y")), eq("b", ":v")));
    }

    @Test
    void readsEveryComparatorAndTheKeywordsInAnyCase() {
        for (String op : List.of("=", "<>", "<", "<=", ">", ">=")) {
            assertThat(parse("a " + op + " :v")).isInstanceOf(Compare.class);
        }
        assertThat(parse("a between :x aNd :y oR NoT b iN (:v, :w)")).isEqualTo(new Or(
                new Ast.Between(path("a"), new ValueOperand(":x"), new ValueOperand(":y")),
                new Not(new Ast.In(path("b"), List.of(new ValueOperand(":v"), new ValueOperand(":w"))))));
    }

    @Test
    void readsDocumentPaths() {
        assertThat(parse("a.#b[2].c [ 10 ] . d = :v")).isEqualTo(new Compare(Kind.EQ, new PathOperand(List.of(
                new Element("a", -1), new Element("#b", -1), new Element(null, 2), new Element("c", -1),
                new Element(null, 10), new Element("d", -1))), new ValueOperand(":v")));
    }

    @Test
    void readsFunctionsAsConditionsOrAsOperands() {
        assertThat(parse("contains(a, :v)"))
                .isEqualTo(new Ast.FunctionCond(new Call("contains", List.of(path("a"), new ValueOperand(":v")))));
        assertThat(parse("size(a) > :v"))
                .isEqualTo(new Compare(Kind.GT, new Call("size", List.of(path("a"))), new ValueOperand(":v")));
    }

    @Test
    void tellsAParenthesizedConditionFromAParenthesizedOperand() {
        assertThat(parse("(a) = :v")).isEqualTo(new Compare(Kind.EQ, new Ast.Paren(path("a")), new ValueOperand(":v")));
        assertThat(parse("(a = :v)")).isEqualTo(new Ast.Group(eq("a", ":v")));
        assertThat(parse("(size(a)) < :v")).isEqualTo(
                new Compare(Kind.LT, new Ast.Paren(new Call("size", List.of(path("a")))), new ValueOperand(":v")));
        assertThat(parse("(contains(a, :v))")).isEqualTo(
                new Ast.Group(new Ast.FunctionCond(new Call("contains", List.of(path("a"), new ValueOperand(":v"))))));
    }

    @Test
    void readsUpdateSectionsInAnyOrderAndCase() {
        List<Ast.Section> sections = Parser.update("delete d :s add c :n remove b, e SET a = :v");
        assertThat(sections).extracting(Ast.Section::kind)
                .containsExactly(Kind.DELETE, Kind.ADD, Kind.REMOVE, Kind.SET);
        assertThat(sections.get(2).actions()).containsExactly(new Ast.RemoveAction(path("b")),
                new Ast.RemoveAction(path("e")));
        assertThat(sections.get(0).actions()).containsExactly(new Ast.DeleteAction(path("d"), ":s"));
    }

    @Test
    void readsSetValues() {
        assertThat(((Ast.SetAction) Parser.update("SET a = b + :v").get(0).actions().get(0)).value())
                .isEqualTo(new Ast.Arithmetic(path("b"), true, new ValueOperand(":v")));
        assertThat(((Ast.SetAction) Parser.update("SET a = (b - :v)").get(0).actions().get(0)).value())
                .isEqualTo(new Ast.Paren(new Ast.Arithmetic(path("b"), false, new ValueOperand(":v"))));
        assertThat(((Ast.SetAction) Parser.update("SET a = (b) - (:v)").get(0).actions().get(0)).value())
                .isEqualTo(new Ast.Arithmetic(new Ast.Paren(path("b")), false, new Ast.Paren(new ValueOperand(":v"))));
        assertThat(((Ast.SetAction) Parser.update("SET a = list_append(b, :v)").get(0).actions().get(0)).value())
                .isEqualTo(new Call("list_append", List.of(path("b"), new ValueOperand(":v"))));
    }

    @Test
    void readsProjections() {
        assertThat(Parser.projection("a, b.c , d[1]")).containsExactly(path("a"), path("b", "c"),
                new PathOperand(List.of(new Element("d", -1), new Element(null, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a = = :v | =| = = :v",
        "a | <EOF>| a",
        "a = | <EOF>| =",
        "a b | b| a b",
        "!!! a | !| !!",
        "attribute_exists() | )| ()",
        "a IN () | )| ()",
        "a BETWEEN :x | <EOF>| :x",
        "a BETWEEN :x OR :y | OR| :x OR :y",
        "_a = :v | _| _a",
        "a[-1] = :v | -| [-1",
        "a[x] = :v | x| [x]",
        "a[] = :v | ]| [] =",
        "a.b. = :v | =| . = :v",
        "a[01] = :v | 1| 01]",
        "a = 5 | 5| = 5",
        "~a = \"x\"~ | ~\"x\"~| ~= \"x\"~",
        "a + b = :v | +| a + b",
        "a = :v AND | <EOF>| AND",
        "(a = :v | <EOF>| :v",
        "a = :v) | )| :v)",
        "NOT | <EOF>| NOT",
        "set = :v | set| set =",
        "a = :v AND in = :w | in| AND in =",
        "# = :v | #| # =",
        "a = : | :| = :",
        "contains(a, :v | <EOF>| :v",
        "a = :v :w | :w| :v :w",
        "size(a) + :v > :w | +| ) + :v",
        "a = :v  AND  = :w | =| AND  = :w",
        "a = :v AND x | <EOF>| x",
        "a.1 = :v | 1| .1 =",
    })
    void reportsTheTokenAndItsNeighbours(String expression, String token, String near) {
        assertValidation(() -> parse(expression),
                "Invalid ConditionExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    @Test
    void keepsLineBreaksInTheNeighbourhood() {
        assertValidation(() -> parse("a\n=\n=\n:v"),
                "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"=\n=\n:v\"");
    }

    @Test
    void namesTheExpressionKindInSyntaxErrors() {
        assertValidation(() -> Parser.condition("a =", "FilterExpression"),
                "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        assertValidation(() -> Parser.condition("a =", "KeyConditionExpression"),
                "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "INVALID SYNTAX HERE | INVALID| INVALID SYNTAX",
        "SET a :v | :v| a :v",
        "SET a = :v + | <EOF>| +",
        "SET a = :v * :w | *| :v * :w",
        "SET a = :v / :w | /| :v / :w",
        "ADD a | <EOF>| a",
        "ADD a 1 | 1| a 1",
        "DELETE s a | a| s a",
        "REMOVE | <EOF>| REMOVE",
        "SET a = :v, | <EOF>| ,",
        "UPDATE a = :v | UPDATE| UPDATE a",
        "SET a = b + c + d | +| c + d",
        "SET a = list_append(a, b + c) | +| b + c",
        "SET  REMOVE #o | REMOVE| SET  REMOVE #o",
        "REMOVE #ri :vals | :vals| #ri :vals",
        "SET #l[0.#c = :v | .| 0.#c",
        "ADD hits : incr | :| hits : incr",
        "REMOVE a, #, b | #| , #,",
        "SET a = :v :w | :w| :v :w",
        "SET a = (b + :v | <EOF>| :v",
        "SET a = (b + :v)) | )| ))",
        "SET a = b - | <EOF>| -",
        "SET a = :v WHERE b = :w | WHERE| :v WHERE b",
        "SET a.b = | <EOF>| =",
        "SET a = (:v) (:w) | (| ) (:w",
    })
    void reportsUpdateSyntaxErrors(String expression, String token, String near) {
        assertValidation(() -> Parser.update(expression),
                "Invalid UpdateExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dummy-id | -| dummy-id",
        "a, | <EOF>| ,",
        "!!! INVALID !!! | !| !!",
        "#list[].#c | ]| [].",
        "a b | b| a b",
        "a.b. | <EOF>| .",
        "add | add| add",
        ":v | :v| :v",
        "a, size(b) | (| size(b",
    })
    void reportsProjectionSyntaxErrors(String expression, String token, String near) {
        assertValidation(() -> Parser.projection(expression),
                "Invalid ProjectionExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"((a = :v))", "((a = :v)) AND (b = :v)", "((a = :v AND b = :v))", "((a)) = :v",
        "a = ((:v))", "size(((a))) > :v", "NOT ((a = :v))", "a IN (((:v)))", "(((a = :v)))",
        "a BETWEEN ((:x)) AND :y", "contains(((a)), :v)", "b = :v OR ((a = :v))"})
    void rejectsParenthesesDirectlyInsideParentheses(String expression) {
        assertValidation(() -> parse(expression), "Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a = :v)", "(a = :v) AND (b = :v)", "((a = :v) AND (b = :v))", "(a = :v AND (b = :v))",
        "a = :v OR (b = :v AND c = :v)", "NOT (a = :v)", "(NOT (a = :v))", "(a) = :v", "a IN ((:v), :w)",
        "((a) = :v)", "(size(a)) > :v", "((a = :v) OR (b = :v)) AND c = :v"})
    void acceptsParenthesesThatAreNotDoubled(String expression) {
        assertThatCode(() -> parse(expression)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET a = ((b))", "SET a = ((b + :v))", "SET a = list_append(((l)), :v)",
        "SET a = ((b)) + :v", "SET x = :v, a = (((b - :v)))"})
    void rejectsDoubledParenthesesInUpdates(String expression) {
        assertValidation(() -> Parser.update(expression), "Invalid UpdateExpression: The expression has redundant parentheses;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET a = (b)", "SET a = (b + :v)", "SET a = (b) - (:v)", "SET a = (if_not_exists(b, :v)) + :w",
        "SET a = list_append((b), :v)"})
    void acceptsSingleParenthesesInUpdates(String expression) {
        assertThatCode(() -> Parser.update(expression)).doesNotThrowAnyException();
    }

    @Test
    void handlesDeepNestingWithoutBlowingUp() {
        String deep = "(".repeat(200) + "a" + ")".repeat(200) + " = :v";
        assertValidation(() -> parse(deep), "Invalid ConditionExpression: The expression has redundant parentheses;");
        String update = "SET a = " + "(".repeat(200) + "b + :v" + ")".repeat(200);
        assertValidation(() -> Parser.update(update), "Invalid UpdateExpression: The expression has redundant parentheses;");
    }
}
