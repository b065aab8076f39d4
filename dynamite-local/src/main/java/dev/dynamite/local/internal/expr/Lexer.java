package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits an expression into tokens the way DynamoDB's lexer does: identifiers start with a letter, {@code #name} and
 * {@code :value} placeholders, list indexes without leading zeros, the nine keywords in any case, and any other
 * character as a token of its own (which the parser then rejects, naming it).
 */
final class Lexer {
    private static final Map<String, Kind> KEYWORDS = Map.of(
            "in", Kind.IN, "between", Kind.BETWEEN, "not", Kind.NOT, "and", Kind.AND, "or", Kind.OR,
            "set", Kind.SET, "add", Kind.ADD, "delete", Kind.DELETE, "remove", Kind.REMOVE);

    private Lexer() {
    }

    /**
     * Returns the tokens of a text, ending with an {@link Kind#EOF} token.
     *
     * @param text the expression
     * @return the tokens
     */
    static Token[] tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (isLetter(c)) {
                i = identifierEnd(text, i + 1);
                Kind keyword = KEYWORDS.get(text.substring(start, i).toLowerCase(Locale.ROOT));
                kind = keyword != null ? keyword : Kind.ID;
            } else if ((c == '#' || c == ':') && i + 1 < n && isIdentifierPart(text.charAt(i + 1))) {
                i = identifierEnd(text, i + 1);
                kind = c == '#' ? Kind.NAME : Kind.VALUE;
            } else if (c == '0') {
                i++;
                kind = Kind.INDEX;
            } else if (c >= '1' && c <= '9') {
                i++;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                kind = Kind.INDEX;
            } else if (c == '<' && i + 1 < n && text.charAt(i + 1) == '>') {
                i += 2;
                kind = Kind.NE;
            } else if ((c == '<' || c == '>') && i + 1 < n && text.charAt(i + 1) == '=') {
                i += 2;
                kind = c == '<' ? Kind.LE : Kind.GE;
            } else if ((c == '"' || c == '\'') && stringEnd(text, i) > 0) {
                i = stringEnd(text, i);
                kind = Kind.STRING;
            } else {
                kind = single(c);
                i += Character.charCount(text.codePointAt(i));
            }
            tokens.add(new Token(kind, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Kind.EOF, "<EOF>", n, n));
        return tokens.toArray(new Token[0]);
    }

    private static Kind single(char c) {
        return switch (c) {
            case '=' -> Kind.EQ;
            case '<' -> Kind.LT;
            case '>' -> Kind.GT;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            default -> Kind.UNKNOWN;
        };
    }

    /** The end of a quoted string starting at {@code start}, or -1 if it is not closed. */
    private static int stringEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int identifierEnd(String text, int i) {
        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierPart(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}
