package dev.migrationmcp.tools.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlLexerTest {

  static Stream<Arguments> singleTokens() {
    return Stream.of(
        Arguments.of("Orders", TokenType.WORD, "orders"),
        Arguments.of("ÉTAT", TokenType.WORD, "État".substring(0, 1) + "tat"),
        Arguments.of("\"Orders\"", TokenType.QUOTED_IDENTIFIER, "Orders"),
        Arguments.of("\"a\"\"b\"", TokenType.QUOTED_IDENTIFIER, "a\"b"),
        Arguments.of("U&\"d\\0061t\"", TokenType.QUOTED_IDENTIFIER, "dat"),
        Arguments.of("'it''s'", TokenType.STRING, "it's"),
        Arguments.of("'C:\\'", TokenType.STRING, "C:\\"),
        Arguments.of("E'a\\nb\\'c\\\\'", TokenType.STRING, "a\nb'c\\"),
        Arguments.of("E'\\x41\\101\\u0042'", TokenType.STRING, "AAB"),
        Arguments.of("U&'d\\0061t\\+000061'", TokenType.STRING, "data"),
        Arguments.of("B'1010'", TokenType.STRING, "1010"),
        Arguments.of("$$a'b$$", TokenType.DOLLAR_STRING, "a'b"),
        Arguments.of("$fn$ $$x$$ $fn$", TokenType.DOLLAR_STRING, " $$x$$ "),
        Arguments.of("$1", TokenType.PARAMETER, "$1"),
        Arguments.of("3.14e-2", TokenType.NUMBER, "3.14e-2"),
        Arguments.of(".5", TokenType.NUMBER, ".5"),
        Arguments.of("0x1F", TokenType.NUMBER, "0x1F"),
        Arguments.of("1_000", TokenType.NUMBER, "1_000"),
        Arguments.of("::", TokenType.OPERATOR, "::"),
        Arguments.of("->>", TokenType.OPERATOR, "->>"),
        Arguments.of("-- c", TokenType.LINE_COMMENT, "-- c"),
        Arguments.of("/* a /* b */ c */", TokenType.BLOCK_COMMENT, "/* a /* b */ c */"),
        Arguments.of("\\set x 1", TokenType.META_COMMAND, "\\set x 1"),
        Arguments.of("${flyway:defaultSchema}", TokenType.PLACEHOLDER, "${flyway:defaultSchema}"),
        Arguments.of(":SCHEMA", TokenType.PLACEHOLDER, ":SCHEMA"),
        Arguments.of(":'value'", TokenType.PLACEHOLDER, ":'value'"),
        Arguments.of(":\"ident\"", TokenType.PLACEHOLDER, ":\"ident\""),
        Arguments.of("@extschema@", TokenType.PLACEHOLDER, "@extschema@"),
        Arguments.of("{{ index .Options \"Namespace\" }}", TokenType.PLACEHOLDER, "{{ index .Options \"Namespace\" }}"));
  }

  @ParameterizedTest
  @MethodSource("singleTokens")
  void readsOneToken(String source, TokenType type, String value) {
    SqlLexer lexer = new SqlLexer(source);
    assertEquals(type, lexer.next());
    SqlToken token = lexer.token();
    assertEquals(value, token.value());
    assertEquals(source, token.text());
    assertEquals(TokenType.EOF, lexer.next());
  }

  static Stream<Arguments> tokenSequences() {
    return Stream.of(
        Arguments.of("a::int", List.of("a", "::", "int")),
        Arguments.of("x<>-1", List.of("x", "<>", "-", "1")),
        Arguments.of("a=-1", List.of("a", "=", "-", "1")),
        Arguments.of("a@-1", List.of("a", "@-", "1")),
        Arguments.of("a--b", List.of("a")),
        Arguments.of("a+/*c*/b", List.of("a", "+", "b")),
        Arguments.of("f(a$b,$2)", List.of("f", "(", "a$b", ",", "$2", ")")),
        Arguments.of("arr[1:2]", List.of("arr", "[", "1", ":", "2", "]")),
        Arguments.of("s.t.c", List.of("s", ".", "t", ".", "c")),
        Arguments.of("x := 1", List.of("x", ":=", "1")),
        Arguments.of("$ x", List.of("$", "x")));
  }

  @ParameterizedTest
  @MethodSource("tokenSequences")
  void splitsTokens(String source, List<String> texts) {
    assertEquals(texts, SqlLexer.tokens(source).stream().map(SqlToken::text).collect(java.util.stream.Collectors.toList()));
  }

  @ParameterizedTest
  @MethodSource("singleTokens")
  void marksEveryTruncatedQuoteUnterminated(String source, TokenType type, String value) {
    if (type != TokenType.STRING && type != TokenType.QUOTED_IDENTIFIER && type != TokenType.DOLLAR_STRING) {
      return;
    }
    SqlLexer lexer = new SqlLexer(source.substring(0, source.length() - 1));
    lexer.next();
    assertTrue(lexer.unterminated(), source);
  }
}
