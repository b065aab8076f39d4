package dev.dynamite.local.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.internal.expr.Token.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Kind> kinds(String text) {
        return Arrays.stream(Lexer.tokens(text)).map(Token::kind).toList();
    }

    private static List<String> texts(String text) {
        return Arrays.stream(Lexer.tokens(text)).map(Token::text).toList();
    }

    @Test
    void splitsPathsPlaceholdersAndOperators() {
        assertThat(kinds("a.b[12] = :v AND #n <> :w")).containsExactly(Kind.ID, Kind.DOT, Kind.ID, Kind.LBRACKET,
                Kind.INDEX, Kind.RBRACKET, Kind.EQ, Kind.VALUE, Kind.AND, Kind.NAME, Kind.NE, Kind.VALUE, Kind.EOF);
        assertThat(texts("a.b[12] = :v AND #n <> :w"))
                .containsExactly("a", ".", "b", "[", "12", "]", "=", ":v", "AND", "#n", "<>", ":w", "<EOF>");
    }

    @Test
    void recordsWhereEachTokenIs() {
        Token[] tokens = Lexer.tokens("  ab <= :c1 ");
        assertThat(tokens[0]).isEqualTo(new Token(Kind.ID, "ab", 2, 4));
        assertThat(tokens[1]).isEqualTo(new Token(Kind.LE, "<=", 5, 7));
        assertThat(tokens[2]).isEqualTo(new Token(Kind.VALUE, ":c1", 8, 11));
        assertThat(tokens[3]).isEqualTo(new Token(Kind.EOF, "<EOF>", 12, 12));
    }

    @ParameterizedTest
    @CsvSource({"in, IN", "In, IN", "between, BETWEEN", "BeTwEeN, BETWEEN", "not, NOT", "NOT, NOT", "and, AND",
        "aNd, AND", "or, OR", "Or, OR", "set, SET", "SET, SET", "add, ADD", "Add, ADD", "delete, DELETE",
        "REMOVE, REMOVE", "remove, REMOVE"})
    void readsKeywordsInAnyCase(String text, Kind kind) {
        assertThat(kinds(text)).containsExactly(kind, Kind.EOF);
    }

    @ParameterizedTest
    @CsvSource({"android", "sets", "index", "nothing", "or_", "in1", "a_b_9", "Status"})
    void readsLongerWordsAsIdentifiers(String text) {
        assertThat(kinds(text)).containsExactly(Kind.ID, Kind.EOF);
    }

    @Test
    void identifiersStartWithALetter() {
        assertThat(texts("_a")).containsExactly("_", "a", "<EOF>");
        assertThat(kinds("_a")).containsExactly(Kind.UNKNOWN, Kind.ID, Kind.EOF);
        assertThat(kinds("1a")).containsExactly(Kind.INDEX, Kind.ID, Kind.EOF);
    }

    @Test
    void placeholdersNeedAtLeastOneCharacter() {
        assertThat(kinds("#1a_")).containsExactly(Kind.NAME, Kind.EOF);
        assertThat(kinds(":_x")).containsExactly(Kind.VALUE, Kind.EOF);
        assertThat(kinds("# :")).containsExactly(Kind.UNKNOWN, Kind.UNKNOWN, Kind.EOF);
        assertThat(texts("#-")).containsExactly("#", "-", "<EOF>");
    }

    @Test
    void indexesHaveNoLeadingZeros() {
        assertThat(texts("0")).containsExactly("0", "<EOF>");
        assertThat(texts("007")).containsExactly("0", "0", "7", "<EOF>");
        assertThat(texts("120")).containsExactly("120", "<EOF>");
    }

    @Test
    void readsEveryOperator() {
        assertThat(kinds("= <> < <= > >= + - ( ) [ ] , ."))
                .containsExactly(Kind.EQ, Kind.NE, Kind.LT, Kind.LE, Kind.GT, Kind.GE, Kind.PLUS, Kind.MINUS,
                        Kind.LPAREN, Kind.RPAREN, Kind.LBRACKET, Kind.RBRACKET, Kind.COMMA, Kind.DOT, Kind.EOF);
        assertThat(kinds("<<>>")).containsExactly(Kind.LT, Kind.NE, Kind.GT, Kind.EOF);
    }

    @Test
    void anyOtherCharacterIsATokenOfItsOwn() {
        assertThat(texts("!*é")).containsExactly("!", "*", "é", "<EOF>");
        assertThat(texts("a\uD83D\uDE00b")).containsExactly("a", "\uD83D\uDE00", "b", "<EOF>");
        assertThat(kinds("!")).containsExactly(Kind.UNKNOWN, Kind.EOF);
    }

    @Test
    void readsQuotedStringsWhole() {
        assertThat(texts("a = \"x y\"")).containsExactly("a", "=", "\"x y\"", "<EOF>");
        assertThat(texts("'it\\'s'")).containsExactly("'it\\'s'", "<EOF>");
        assertThat(kinds("\"x y\"")).containsExactly(Kind.STRING, Kind.EOF);
        assertThat(texts("\"ab")).containsExactly("\"", "ab", "<EOF>");
    }

    @Test
    void skipsAllWhitespace() {
        assertThat(texts(" \ta\r\n=\n:v ")).containsExactly("a", "=", ":v", "<EOF>");
        assertThat(kinds("")).containsExactly(Kind.EOF);
    }
}
