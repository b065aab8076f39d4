package dev.dynamite.local.internal.expr;

/**
 * A token of DynamoDB's expression language, with its place in the text.
 *
 * @param kind what it is
 * @param text its text as written
 * @param start the offset of its first character
 * @param end the offset after its last character
 */
record Token(Kind kind, String text, int start, int end) {

    /** The kinds of token, as DynamoDB's lexer has them: keywords win over identifiers of the same spelling. */
    enum Kind {
        ID, NAME, VALUE, INDEX,
        IN, BETWEEN, NOT, AND, OR, SET, ADD, DELETE, REMOVE,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        STRING, UNKNOWN, EOF;

        boolean isComparator() {
            return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
        }

        boolean isSection() {
            return this == SET || this == ADD || this == DELETE || this == REMOVE;
        }
    }
}
