package dev.dynamite.local.internal.expr;

import static dev.dynamite.local.internal.expr.Fixtures.assertValidation;
import static dev.dynamite.local.internal.expr.Fixtures.b;
import static dev.dynamite.local.internal.expr.Fixtures.bool;
import static dev.dynamite.local.internal.expr.Fixtures.condition;
import static dev.dynamite.local.internal.expr.Fixtures.ctx;
import static dev.dynamite.local.internal.expr.Fixtures.l;
import static dev.dynamite.local.internal.expr.Fixtures.m;
import static dev.dynamite.local.internal.expr.Fixtures.n;
import static dev.dynamite.local.internal.expr.Fixtures.nul;
import static dev.dynamite.local.internal.expr.Fixtures.numberedValues;
import static dev.dynamite.local.internal.expr.Fixtures.s;
import static dev.dynamite.local.internal.expr.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dynamite.local.internal.value.Value;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What DynamoDB rejects in a condition before reading any item, with its messages. */
class ConditionValidationTest {
    private static final String PREFIX = "Invalid ConditionExpression: ";

    private static void rejects(String expression, String message, Object... placeholders) {
        assertValidation(() -> condition(expression, placeholders), PREFIX + message);
    }

    @Test
    void rejectsAnEmptyExpression() {
        assertValidation(() -> Expressions.condition("", ctx(), "ConditionExpression"),
                "Invalid ConditionExpression: The expression can not be empty;");
        assertValidation(() -> Expressions.condition(" \n ", ctx(), "FilterExpression"),
                "Invalid FilterExpression: The expression can not be empty;");
    }

    @Test
    void rejectsReservedWordsUnlessWrittenAsNames() {
        rejects("status = :v", "Attribute name is a reserved keyword; reserved keyword: status", ":v", n(1));
        rejects("a.COMMENT = :v", "Attribute name is a reserved keyword; reserved keyword: COMMENT", ":v", n(1));
        rejects("attribute_exists(l[0].Name)", "Attribute name is a reserved keyword; reserved keyword: Name");
        assertThatCode(() -> condition("#s = :v AND a.#c = :v", "#s", "status", "#c", "COMMENT", ":v", n(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheFirstReservedWord() {
        rejects("date = :v AND year = :v", "Attribute name is a reserved keyword; reserved keyword: date", ":v", n(1));
    }

    @Test
    void rejectsUndefinedPlaceholders() {
        rejects("#x = :v", "An expression attribute name used in the document path is not defined; attribute name: #x",
                ":v", n(1));
        rejects("a = :x", "An expression attribute value used in expression is not defined; attribute value: :x");
        rejects("a.#x = :y", "An expression attribute name used in the document path is not defined; attribute name: #x");
        rejects("a = :y AND #x = :v",
                "An expression attribute value used in expression is not defined; attribute value: :y", ":v", n(1));
    }

    @Test
    void namesTheKindInEveryMessage() {
        assertValidation(() -> Expressions.condition("a = :x", ctx(), "FilterExpression"),
                "Invalid FilterExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :x");
    }

    @Test
    void rejectsUnknownFunctionsWhichAreCaseSensitive() {
        rejects("starts_with(a, :v)", "Invalid function name; function: starts_with", ":v", s("x"));
        rejects("ATTRIBUTE_EXISTS(a)", "Invalid function name; function: ATTRIBUTE_EXISTS");
        rejects("Size(a) = :v", "Invalid function name; function: Size", ":v", n(1));
    }

    @Test
    void rejectsUpdateFunctions() {
        rejects("if_not_exists(a, :v) = :v",
                "The function is not allowed in a condition expression; function: if_not_exists", ":v", n(1));
        rejects("a = list_append(b, :v)",
                "The function is not allowed in a condition expression; function: list_append", ":v", l());
    }

    @Test
    void rejectsFunctionsUsedWhereOnlySizeMayBe() {
        rejects("size(a)", "The function is not allowed to be used this way in an expression; function: size");
        rejects("NOT size(a)", "The function is not allowed to be used this way in an expression; function: size");
        rejects("attribute_exists(a) = :v",
                "The function is not allowed to be used this way in an expression; function: attribute_exists",
                ":v", bool(true));
        rejects("size(contains(a, :v)) = :w",
                "The function is not allowed to be used this way in an expression; function: contains",
                ":v", s("x"), ":w", n(1));
        rejects("a BETWEEN begins_with(a, :v) AND :w",
                "The function is not allowed to be used this way in an expression; function: begins_with",
                ":v", s("x"), ":w", s("y"));
        rejects("a IN (:v, attribute_not_exists(b))",
                "The function is not allowed to be used this way in an expression; function: attribute_not_exists",
                ":v", s("x"));
        assertThatCode(() -> condition("size(a) = size(b) AND contains(a, size(b))")).doesNotThrowAnyException();
    }

    @Test
    void rejectsWrongNumbersOfOperands() {
        rejects("contains(a)",
                "Incorrect number of operands for operator or function; operator or function: contains, number of"
                        + " operands: 1");
        rejects("begins_with(a, :v, :w)",
                "Incorrect number of operands for operator or function; operator or function: begins_with, number of"
                        + " operands: 3", ":v", s("x"), ":w", s("y"));
        rejects("size(a, b) = :v",
                "Incorrect number of operands for operator or function; operator or function: size, number of"
                        + " operands: 2", ":v", n(1));
        rejects("attribute_exists(a, b)",
                "Incorrect number of operands for operator or function; operator or function: attribute_exists,"
                        + " number of operands: 2");
        rejects("attribute_type(a)",
                "Incorrect number of operands for operator or function; operator or function: attribute_type,"
                        + " number of operands: 1");
    }

    @Test
    void rejectsAnOperandComparedWithItself() {
        rejects("contains(a, a)", "The first operand must be distinct from the remaining operands for this operator"
                + " or function; operator: contains, first operand: [a]");
        rejects("a = a", "The first operand must be distinct from the remaining operands for this operator or"
                + " function; operator: =, first operand: [a]");
        rejects("a.b[1] <> #a.b[1]", "The first operand must be distinct from the remaining operands for this"
                + " operator or function; operator: <>, first operand: [a, b, [1]]", "#a", "a");
        assertThatCode(() -> condition("a.b = a.c AND a[0] = a[1] AND contains(a, b)")).doesNotThrowAnyException();
    }

    @Test
    void requiresAPathForTheExistenceFunctions() {
        rejects("attribute_exists(:v)",
                "Operator or function requires a document path; operator or function: attribute_exists", ":v", n(1));
        rejects("attribute_not_exists(size(a))",
                "Operator or function requires a document path; operator or function: attribute_not_exists");
        assertThatCode(() -> condition("attribute_exists((a))")).doesNotThrowAnyException();
    }

    @Test
    void requiresStringsOrBinariesForBeginsWith() {
        rejects("begins_with(a, :v)",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
                ":v", n(1));
        rejects("begins_with(:v, a)",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: L",
                ":v", l());
        rejects("begins_with(size(a), :v)",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
                ":v", s("1"));
        assertThatCode(() -> condition("begins_with(a, :s) AND begins_with(b, :b) AND begins_with(c, d)",
                ":s", s("x"), ":b", b(1))).doesNotThrowAnyException();
    }

    @Test
    void requiresAKnownTypeNameForAttributeType() {
        rejects("attribute_type(a, b)", "Incorrect operand type for operator or function; operator or function:"
                + " attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
        rejects("attribute_type(a, :t)", "Incorrect operand type for operator or function; operator or function:"
                + " attribute_type, operand type: N", ":t", n(1));
        rejects("attribute_type(a, :t)", "Invalid attribute type name found; type: STRING, valid types:"
                + " {B,NULL,SS,BOOL,L,BS,N,NS,S,M}", ":t", s("STRING"));
        rejects("attribute_type(a, :t)", "Invalid attribute type name found; type: s, valid types:"
                + " {B,NULL,SS,BOOL,L,BS,N,NS,S,M}", ":t", s("s"));
        for (String type : new String[] {"S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"}) {
            assertThatCode(() -> condition("attribute_type(a, :t)", ":t", s(type))).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsConstantSizesOfTypesWithoutSize() {
        for (Value value : new Value[] {n(1), bool(true), nul()}) {
            rejects("size(:v) = :one", "Incorrect operand type for operator or function; operator or function: size,"
                    + " operand type: " + value.type(), ":v", value, ":one", n(1));
        }
        assertThatCode(() -> condition("size(:v) = :one", ":v", ss("a"), ":one", n(1))).doesNotThrowAnyException();
    }

    @Test
    void rejectsOrderingAConstantThatHasNoOrder() {
        rejects("a < :v", "Incorrect operand type for operator or function; operator or function: <, operand type: L",
                ":v", l(n(1)));
        rejects(":v >= a", "Incorrect operand type for operator or function; operator or function: >=, operand type:"
                + " BOOL", ":v", bool(true));
        rejects("a <= :v", "Incorrect operand type for operator or function; operator or function: <=, operand type:"
                + " SS", ":v", ss("x"));
        rejects("a > :v", "Incorrect operand type for operator or function; operator or function: >, operand type:"
                + " M", ":v", m());
        rejects("a BETWEEN :x AND :y", "Incorrect operand type for operator or function; operator or function:"
                + " BETWEEN, operand type: NULL", ":x", nul(), ":y", nul());
        assertThatCode(() -> condition("a = :l AND a <> :m", ":l", l(), ":m", m())).doesNotThrowAnyException();
    }

    @Test
    void rejectsConstantBetweenBoundsOfDifferentTypesOrOutOfOrder() {
        rejects("a BETWEEN :x AND :y", "The BETWEEN operator requires same data type for lower and upper bounds;"
                + " lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:dog}",
                ":x", n(1), ":y", s("dog"));
        rejects("a BETWEEN :x AND :y", "The BETWEEN operator requires upper bound to be greater than or equal to"
                + " lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue:"
                + " {N:4}", ":x", n(5), ":y", n(4));
        rejects("a BETWEEN :x AND :y", "The BETWEEN operator requires upper bound to be greater than or equal to"
                + " lower bound; lower bound operand: AttributeValue: {S:z}, upper bound operand: AttributeValue:"
                + " {S:a}", ":x", s("z"), ":y", s("a"));
        rejects("a BETWEEN :x AND :y", "The BETWEEN operator requires upper bound to be greater than or equal to"
                + " lower bound; lower bound operand: AttributeValue: {B:eg==}, upper bound operand: AttributeValue:"
                + " {B:YQ==}", ":x", b('z'), ":y", b('a'));
        assertThatCode(() -> condition("a BETWEEN :x AND :x AND b BETWEEN c AND :y", ":x", n(5), ":y", s("a")))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsAHundredInOperandsButNotMore() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        assertThatCode(() -> condition("a IN (" + hundred + ")", numberedValues(100))).doesNotThrowAnyException();
        String more = IntStream.range(0, 101).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        rejects("a IN (" + more + ")", "The IN operator is provided with too many operands; number of operands: 101",
                numberedValues(101));
    }

    @Test
    void reportsProblemsByCategoryNotByPosition() {
        // an unknown function beats a reserved word anywhere
        rejects("status = :v AND foo(a)", "Invalid function name; function: foo", ":v", n(1));
        // a misused function beats a reserved word
        rejects("status = :v OR size(a)",
                "The function is not allowed to be used this way in an expression; function: size", ":v", n(1));
        // a reserved word beats an undefined placeholder
        rejects("a = :x AND status = :v", "Attribute name is a reserved keyword; reserved keyword: status",
                ":v", n(1));
        // within one comparison, an undefined placeholder beats a wrong number of operands
        rejects("contains(#x)",
                "An expression attribute name used in the document path is not defined; attribute name: #x");
        // a wrong number of operands beats identical operands
        rejects("contains(a, a, :v)", "Incorrect number of operands for operator or function; operator or function:"
                + " contains, number of operands: 3", ":v", n(1));
    }

    @Test
    void reportsTheFirstComparisonWithAProblem() {
        rejects("a = :x AND contains(b)",
                "An expression attribute value used in expression is not defined; attribute value: :x");
        rejects("contains(b) AND a = :x",
                "Incorrect number of operands for operator or function; operator or function: contains, number of"
                        + " operands: 1");
        rejects("a = a AND b = :x", "The first operand must be distinct from the remaining operands for this operator"
                + " or function; operator: =, first operand: [a]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = :v", "a <> :v", "a < :v", "a <= :v", "a > :v", "a >= :v", "a BETWEEN :v AND :w",
        "a IN (:v, :w)", "attribute_exists(a)", "attribute_not_exists(a.b[1])", "attribute_type(a, :t)",
        "begins_with(a, :v)", "contains(a, :v)", "size(a) > :v", "NOT a = :v", "a = :v AND b = :w",
        "a = :v OR b = :w", "(a = :v)", "#n.#n[0] = :v"})
    void acceptsEveryConstruct(String expression) {
        ExpressionContext ctx = ctx("#n", "a", ":v", s("a"), ":w", s("b"), ":t", s("S"));
        assertThatCode(() -> Expressions.condition(expression, ctx, "FilterExpression")).doesNotThrowAnyException();
    }

    @Test
    void leavesTheContextUntouchedByParsingFailures() {
        ExpressionContext ctx = ctx(":v", n(1));
        assertValidation(() -> Expressions.condition("a = = :v", ctx, "ConditionExpression"),
                "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
        assertValidation(ctx::checkAllUsed,
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
    }
}
