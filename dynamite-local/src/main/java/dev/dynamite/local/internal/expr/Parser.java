package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A recursive-descent parser of DynamoDB's expression grammar. Where the grammar is ambiguous at a {@code (} (a
 * parenthesized condition or a parenthesized operand; a parenthesized operand or parenthesized arithmetic) it tries
 * both alternatives. A syntax error names the token furthest into the text that no alternative could accept, with the
 * tokens either side of it, as DynamoDB does: {@code Syntax error; token: "b", near: "a b"}.
 */
final class Parser {
    private final String text;
    private final Token[] tokens;
    private int pos;
    private int furthest;

    /** A syntax failure; only steers the parser, so it carries no stack trace. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure() {
            super(null, null, false, false);
        }
    }

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    /**
     * Parses a condition (also a filter or key condition).
     *
     * @param text the expression, not blank
     * @param kind the request parameter, for messages
     * @return the syntax tree
     * @throws DynamoException on a syntax error or redundant parentheses
     */
    static Ast.Cond condition(String text, String kind) {
        Parser parser = new Parser(text);
        Ast.Cond cond = parser.run(kind, () -> {
            Ast.Cond c = parser.or();
            parser.expect(Kind.EOF);
            return c;
        });
        if (redundant(cond)) {
            throw redundantParentheses(kind);
        }
        return cond;
    }

    /**
     * Parses an update expression.
     *
     * @param text the expression, not blank
     * @return its sections, in order
     * @throws DynamoException on a syntax error or redundant parentheses
     */
    static List<Ast.Section> update(String text) {
        Parser parser = new Parser(text);
        List<Ast.Section> sections = parser.run("UpdateExpression", parser::sections);
        for (Ast.Section section : sections) {
            for (Ast.Action action : section.actions()) {
                if (action instanceof Ast.SetAction set && redundant(set.value())) {
                    throw redundantParentheses("UpdateExpression");
                }
            }
        }
        return sections;
    }

    /**
     * Parses a projection expression.
     *
     * @param text the expression, not blank
     * @return the paths, in order
     * @throws DynamoException on a syntax error
     */
    static List<Ast.PathOperand> projection(String text) {
        Parser parser = new Parser(text);
        return parser.run("ProjectionExpression", () -> {
            List<Ast.PathOperand> paths = new ArrayList<>();
            paths.add(parser.path());
            while (parser.kind() == Kind.COMMA) {
                parser.pos++;
                paths.add(parser.path());
            }
            parser.expect(Kind.EOF);
            return paths;
        });
    }

    private <T> T run(String kind, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (Failure e) {
            throw DynamoException.validation("Invalid " + kind + ": " + syntaxError(furthest));
        }
    }

    private String syntaxError(int index) {
        Token token = tokens[index];
        String near;
        if (token.kind() == Kind.EOF) {
            near = index > 0 ? tokens[index - 1].text() : "";
        } else {
            int from = index > 0 ? tokens[index - 1].start() : token.start();
            Token after = tokens[index + 1];
            int to = after.kind() == Kind.EOF ? token.end() : after.end();
            near = text.substring(from, to);
        }
        return "Syntax error; token: \"" + token.text() + "\", near: \"" + near + "\"";
    }

    private static DynamoException redundantParentheses(String kind) {
        return DynamoException.validation("Invalid " + kind + ": The expression has redundant parentheses;");
    }

    // ---- conditions: OR binds loosest, then AND, then NOT; AND and OR group to the right

    private Ast.Cond or() {
        Ast.Cond left = and();
        if (kind() == Kind.OR) {
            pos++;
            return new Ast.Or(left, or());
        }
        return left;
    }

    private Ast.Cond and() {
        Ast.Cond left = not();
        if (kind() == Kind.AND) {
            pos++;
            return new Ast.And(left, and());
        }
        return left;
    }

    private Ast.Cond not() {
        if (kind() == Kind.NOT) {
            pos++;
            return new Ast.Not(not());
        }
        return primary();
    }

    private Ast.Cond primary() {
        if (kind() != Kind.LPAREN) {
            return operandCondition();
        }
        int start = pos;
        Ast.Cond group = null;
        int groupEnd = -1;
        try {
            pos++;
            Ast.Cond inner = or();
            expect(Kind.RPAREN);
            group = new Ast.Group(inner);
            groupEnd = pos;
        } catch (Failure e) {
            // not a parenthesized condition; maybe a parenthesized operand
        }
        if (group != null) {
            Kind after = tokens[groupEnd].kind();
            if (!after.isComparator() && after != Kind.IN && after != Kind.BETWEEN) {
                pos = groupEnd;
                return group;
            }
        }
        pos = start;
        try {
            return operandCondition();
        } catch (Failure e) {
            if (group == null) {
                throw e;
            }
            pos = groupEnd;
            return group;
        }
    }

    private Ast.Cond operandCondition() {
        Ast.Operand left = operand();
        Kind kind = kind();
        if (kind.isComparator()) {
            pos++;
            return new Ast.Compare(kind, left, operand());
        }
        if (kind == Kind.IN) {
            pos++;
            expect(Kind.LPAREN);
            List<Ast.Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (kind() == Kind.COMMA) {
                pos++;
                candidates.add(operand());
            }
            expect(Kind.RPAREN);
            return new Ast.In(left, candidates);
        }
        if (kind == Kind.BETWEEN) {
            pos++;
            Ast.Operand low = operand();
            expect(Kind.AND);
            return new Ast.Between(left, low, operand());
        }
        if (left instanceof Ast.Call call) {
            return new Ast.FunctionCond(call);
        }
        throw fail();
    }

    // ---- operands

    private Ast.Operand operand() {
        switch (kind()) {
            case LPAREN -> {
                pos++;
                Ast.Operand inner = operand();
                expect(Kind.RPAREN);
                return new Ast.Paren(inner);
            }
            case VALUE -> {
                return new Ast.ValueOperand(tokens[pos++].text());
            }
            case ID -> {
                return tokens[pos + 1].kind() == Kind.LPAREN ? call() : path();
            }
            case NAME -> {
                return path();
            }
            default -> throw fail();
        }
    }

    private Ast.Call call() {
        String name = tokens[pos].text();
        pos += 2;
        List<Ast.Operand> args = new ArrayList<>();
        args.add(operand());
        while (kind() == Kind.COMMA) {
            pos++;
            args.add(operand());
        }
        expect(Kind.RPAREN);
        return new Ast.Call(name, args);
    }

    private Ast.PathOperand path() {
        List<Ast.Element> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (kind() == Kind.DOT) {
                pos++;
                elements.add(name());
            } else if (kind() == Kind.LBRACKET) {
                pos++;
                String digits = expect(Kind.INDEX).text();
                expect(Kind.RBRACKET);
                // an index past any list DynamoDB can hold behaves as any index past the end
                int index = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                elements.add(new Ast.Element(null, index));
            } else {
                return new Ast.PathOperand(elements);
            }
        }
    }

    private Ast.Element name() {
        Kind kind = kind();
        if (kind != Kind.ID && kind != Kind.NAME) {
            throw fail();
        }
        return new Ast.Element(tokens[pos++].text(), -1);
    }

    // ---- update expressions

    private List<Ast.Section> sections() {
        List<Ast.Section> sections = new ArrayList<>();
        do {
            Kind kind = kind();
            if (!kind.isSection()) {
                throw fail();
            }
            pos++;
            List<Ast.Action> actions = new ArrayList<>();
            actions.add(action(kind));
            while (kind() == Kind.COMMA) {
                pos++;
                actions.add(action(kind));
            }
            sections.add(new Ast.Section(kind, actions));
        } while (kind() != Kind.EOF);
        return sections;
    }

    private Ast.Action action(Kind section) {
        Ast.PathOperand path = path();
        return switch (section) {
            case SET -> {
                expect(Kind.EQ);
                yield new Ast.SetAction(path, setValue());
            }
            case REMOVE -> new Ast.RemoveAction(path);
            case ADD -> new Ast.AddAction(path, expect(Kind.VALUE).text());
            default -> new Ast.DeleteAction(path, expect(Kind.VALUE).text());
        };
    }

    /** {@code operand | operand (+|-) operand | ( arithmetic )}: the longest alternative that parses wins. */
    private Ast.Operand setValue() {
        return longest(() -> {
            Ast.Operand left = operand();
            if (kind() == Kind.PLUS || kind() == Kind.MINUS) {
                boolean plus = tokens[pos++].kind() == Kind.PLUS;
                return new Ast.Arithmetic(left, plus, operand());
            }
            return left;
        });
    }

    /** {@code operand (+|-) operand | ( arithmetic )}. */
    private Ast.Operand arithmetic() {
        return longest(() -> {
            Ast.Operand left = operand();
            if (kind() != Kind.PLUS && kind() != Kind.MINUS) {
                throw fail();
            }
            boolean plus = tokens[pos++].kind() == Kind.PLUS;
            return new Ast.Arithmetic(left, plus, operand());
        });
    }

    private Ast.Operand longest(Supplier<Ast.Operand> first) {
        int start = pos;
        Ast.Operand best = null;
        int bestEnd = -1;
        try {
            best = first.get();
            bestEnd = pos;
        } catch (Failure e) {
            // try the parenthesized arithmetic
        }
        if (tokens[start].kind() == Kind.LPAREN) {
            pos = start;
            try {
                pos++;
                Ast.Operand inner = arithmetic();
                expect(Kind.RPAREN);
                if (pos > bestEnd) {
                    best = new Ast.Paren(inner);
                    bestEnd = pos;
                }
            } catch (Failure e) {
                // neither alternative parsed
            }
        }
        if (best == null) {
            throw new Failure();
        }
        pos = bestEnd;
        return best;
    }

    // ---- redundant parentheses: a parenthesized expression directly inside parentheses

    private static boolean redundant(Ast.Cond cond) {
        if (cond instanceof Ast.Group group) {
            return group.inner() instanceof Ast.Group || redundant(group.inner());
        }
        if (cond instanceof Ast.And and) {
            return redundant(and.left()) || redundant(and.right());
        }
        if (cond instanceof Ast.Or or) {
            return redundant(or.left()) || redundant(or.right());
        }
        if (cond instanceof Ast.Not not) {
            return redundant(not.inner());
        }
        if (cond instanceof Ast.Compare compare) {
            return redundant(compare.left()) || redundant(compare.right());
        }
        if (cond instanceof Ast.Between between) {
            return redundant(between.operand()) || redundant(between.low()) || redundant(between.high());
        }
        if (cond instanceof Ast.In in) {
            return redundant(in.operand()) || in.candidates().stream().anyMatch(Parser::redundant);
        }
        return redundant(((Ast.FunctionCond) cond).call());
    }

    private static boolean redundant(Ast.Operand operand) {
        if (operand instanceof Ast.Paren paren) {
            return paren.inner() instanceof Ast.Paren || redundant(paren.inner());
        }
        if (operand instanceof Ast.Call call) {
            return call.args().stream().anyMatch(Parser::redundant);
        }
        if (operand instanceof Ast.Arithmetic arithmetic) {
            return redundant(arithmetic.left()) || redundant(arithmetic.right());
        }
        return false;
    }

    // ---- tokens

    private Kind kind() {
        return tokens[pos].kind();
    }

    private Token expect(Kind kind) {
        if (kind() != kind) {
            throw fail();
        }
        return tokens[pos++];
    }

    private Failure fail() {
        if (pos > furthest) {
            furthest = pos;
        }
        return new Failure();
    }
}
