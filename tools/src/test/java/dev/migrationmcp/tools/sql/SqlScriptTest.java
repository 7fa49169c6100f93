package dev.migrationmcp.tools.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlScriptTest {

  static Stream<Arguments> splitCases() {
    return Stream.of(
        split("twoSimpleStatements", "SELECT 1; SELECT 2;", "SELECT 1", "SELECT 2"),
        split("finalStatementWithoutSemicolon", "SELECT 1;\nSELECT 2\n", "SELECT 1", "SELECT 2"),
        split("emptyStatementsAreDropped", ";;SELECT 1;; ;\n;", "SELECT 1"),
        split("emptyScript", ""),
        split("onlyComments", "-- nothing\n/* here */\n"),
        split("semicolonInStandardString", "INSERT INTO t VALUES ('a;b');SELECT 2",
            "INSERT INTO t VALUES ('a;b')", "SELECT 2"),
        split("doubledQuoteInString", "SELECT 'it''s; fine'; SELECT 2", "SELECT 'it''s; fine'", "SELECT 2"),
        split("backslashIsLiteralInStandardString", "SELECT 'C:\\'; SELECT 2", "SELECT 'C:\\'", "SELECT 2"),
        split("escapeStringWithBackslashQuote", "SELECT E'it\\'s; \\\\'; SELECT 2",
            "SELECT E'it\\'s; \\\\'", "SELECT 2"),
        split("lowerCaseEscapeString", "SELECT e'a\\';b'; SELECT 2", "SELECT e'a\\';b'", "SELECT 2"),
        split("escapeStringWithDoubledQuote", "SELECT E'a'';b'; SELECT 2", "SELECT E'a'';b'", "SELECT 2"),
        split("unicodeString", "SELECT U&'d\\0061t;a'; SELECT 2", "SELECT U&'d\\0061t;a'", "SELECT 2"),
        split("unicodeQuotedIdentifier", "SELECT 1 AS U&\"a;b\"; SELECT 2", "SELECT 1 AS U&\"a;b\"", "SELECT 2"),
        split("bitAndHexStrings", "SELECT B'1;0', X'f;f'; SELECT 2", "SELECT B'1;0', X'f;f'", "SELECT 2"),
        split("quotedIdentifierWithDoubledQuote", "CREATE TABLE \"a\"\";b\" (x int); SELECT 2",
            "CREATE TABLE \"a\"\";b\" (x int)", "SELECT 2"),
        split("dollarQuotedBody",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; SELECT 2; $$ LANGUAGE sql; SELECT 3",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; SELECT 2; $$ LANGUAGE sql", "SELECT 3"),
        split("taggedDollarQuoteWithNestedTag",
            "DO $outer$ BEGIN EXECUTE $inner$ SELECT 1; $inner$; END $outer$; SELECT 2",
            "DO $outer$ BEGIN EXECUTE $inner$ SELECT 1; $inner$; END $outer$", "SELECT 2"),
        split("dollarDollarInsideTaggedQuote", "DO $body$ SELECT $$;$$; $body$; SELECT 2",
            "DO $body$ SELECT $$;$$; $body$", "SELECT 2"),
        split("parametersAreNotDollarTags", "PREPARE p AS SELECT $1, $2; SELECT 2",
            "PREPARE p AS SELECT $1, $2", "SELECT 2"),
        split("dollarInsideIdentifierIsNotATag", "SELECT a$b$c, 1; SELECT 2", "SELECT a$b$c, 1", "SELECT 2"),
        split("lineComment", "SELECT 1 -- a; b\n; SELECT 2", "SELECT 1", "SELECT 2"),
        split("blockComment", "SELECT /* ; */ 1; SELECT 2", "SELECT /* ; */ 1", "SELECT 2"),
        split("nestedBlockComment", "SELECT /* a /* ; */ still; */ 1; SELECT 2",
            "SELECT /* a /* ; */ still; */ 1", "SELECT 2"),
        split("dashesInsideStringAreNotComment", "SELECT '--;'; SELECT 2", "SELECT '--;'", "SELECT 2"),
        split("semicolonInsideParentheses", "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3",
            "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)", "SELECT 3"),
        split("transactionBlockStatementsAreSeparate", "BEGIN;\nALTER TABLE t ADD c int;\nCOMMIT;",
            "BEGIN", "ALTER TABLE t ADD c int", "COMMIT"),
        split("beginAtomicBody",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT 3",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END",
            "SELECT 3"),
        split("beginAtomicProcedureOrReplace",
            "create or replace procedure p() begin atomic insert into t values (1); end; select 1",
            "create or replace procedure p() begin atomic insert into t values (1); end", "select 1"),
        split("plainBeginIsATransaction", "BEGIN; SELECT 1; END;", "BEGIN", "SELECT 1", "END"),
        split("crlfLineEndings", "SELECT 1;\r\nSELECT 2;\r\n", "SELECT 1", "SELECT 2"),
        split("byteOrderMark", "\uFEFFSELECT 1;", "SELECT 1"),
        split("metaCommandEndsStatement", "\\set ON_ERROR_STOP on\nSELECT 1;\n\\i other.sql\nSELECT 2",
            "SELECT 1", "SELECT 2"),
        split("metaCommandWithoutSemicolonBefore", "SELECT 1\n\\gset\nSELECT 2;", "SELECT 1", "SELECT 2"),
        split("copyFromStdinDataIsSkipped",
            "COPY t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\nSELECT 2;",
            "COPY t (a, b) FROM stdin", "SELECT 2"),
        split("copyFromFileIsAStatement", "COPY t FROM '/tmp/x.csv'; SELECT 2",
            "COPY t FROM '/tmp/x.csv'", "SELECT 2"),
        split("castsAndOperators", "SELECT a::int, b->>'k', c||d FROM t; SELECT 2",
            "SELECT a::int, b->>'k', c||d FROM t", "SELECT 2"),
        split("trailingCommentBeforeSemicolonIsNotText", "SELECT 1 /* x */ ;", "SELECT 1"),
        split("unicodeIdentifiers", "CREATE TABLE café (naïve int); SELECT 'ü;'", "CREATE TABLE café (naïve int)",
            "SELECT 'ü;'"));
  }

  private static Arguments split(String name, String sql, String... texts) {
    return Arguments.of(name, sql, List.of(texts));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("splitCases")
  void splitsLikePsql(String name, String sql, List<String> expected) {
    SqlScript script = SqlScript.split(sql);
    assertEquals(expected, texts(script), name);
    assertInvariants(script);
  }

  @Test
  void reportsPositionsOfStatementStart() {
    SqlScript script = SqlScript.split("-- header\nSELECT 1;\n\n  ALTER TABLE t\n    ADD c int;");
    ScriptStatement second = script.statements().get(1);
    assertEquals(4, second.line());
    assertEquals(3, second.column());
    assertEquals("ALTER TABLE t\n    ADD c int", second.text());
    assertEquals(second.text(), script.source().substring(second.offset(), second.endOffset()));
    assertEquals(new SourcePosition(second.offset() + 18, 5, 5), script.position(second, 18));
  }

  @Test
  void countsColumnsInCharactersNotUtf16Units() {
    SqlScript script = SqlScript.split("SELECT '\uD83D\uDE00'; SELECT 2");
    ScriptStatement second = script.statements().get(1);
    assertEquals(1, second.line());
    assertEquals(13, second.column());
  }

  @Test
  void doesNotCountByteOrderMarkAsAColumn() {
    SqlScript script = SqlScript.split("\uFEFFSELECT 1;");
    ScriptStatement first = script.statements().get(0);
    assertEquals(1, first.offset());
    assertEquals(1, first.column());
  }

  @Test
  void countsCrlfAsOneLineBreak() {
    SqlScript script = SqlScript.split("SELECT 1;\r\n\r\n  SELECT 2;\rSELECT 3");
    assertEquals(List.of(1, 3, 4), script.statements().stream().map(ScriptStatement::line).collect(Collectors.toList()));
    assertEquals(3, script.statements().get(1).column());
  }

  @Test
  void mapsPostgresErrorPositionToScriptLineAndColumn() {
    SqlScript script = SqlScript.split("SELECT 1;\nALTER TABLE t\n  ADD COLUMN é int NOT NUL;");
    ScriptStatement alter = script.statements().get(1);
    int pgPosition = alter.text().indexOf("NUL") + 1;
    SourcePosition p = script.errorPosition(alter, pgPosition);
    assertEquals(3, p.line());
    assertEquals(24, p.column());
  }

  @Test
  void mapsPostgresErrorPositionPastAstralCharacters() {
    SqlScript script = SqlScript.split("SELECT '\uD83D\uDE00' + x");
    ScriptStatement st = script.statements().get(0);
    // "SELECT '😀' + x": x is the 14th character.
    SourcePosition p = script.errorPosition(st, 14);
    assertEquals(st.text().indexOf('x'), p.offset());
    assertEquals(14, p.column());
  }

  @Test
  void clampsOutOfRangeErrorPositions() {
    SqlScript script = SqlScript.split("SELECT 1");
    ScriptStatement st = script.statements().get(0);
    assertEquals(0, script.errorPosition(st, 0).offset());
    assertEquals(8, script.errorPosition(st, 1000).offset());
  }

  @Test
  void keepsLeadingCommentBlock() {
    String sql = "SELECT 1; -- trailing, belongs to the first\n"
        + "-- Why: orders grew\n/* ticket 12 */\n-- migration-mcp:ignore drop-table replaced by v2\nDROP TABLE t;";
    ScriptStatement drop = SqlScript.split(sql).statements().get(1);
    assertEquals("-- Why: orders grew\n/* ticket 12 */\n-- migration-mcp:ignore drop-table replaced by v2",
        drop.leadingComment());
    assertEquals(List.of("Why: orders grew", "ticket 12", "migration-mcp:ignore drop-table replaced by v2"),
        drop.leadingCommentLines());
  }

  @Test
  void firstStatementGetsFileHeaderComment() {
    ScriptStatement first = SqlScript.split("/*\n * Adds orders.\n */\n\nCREATE TABLE orders (id int);").statements().get(0);
    assertEquals("/*\n * Adds orders.\n */", first.leadingComment());
    assertEquals(List.of("Adds orders."), first.leadingCommentLines());
  }

  @Test
  void statementWithoutCommentHasEmptyLeadingComment() {
    SqlScript script = SqlScript.split("SELECT 1; /* same line */ SELECT 2;");
    assertEquals("", script.statements().get(0).leadingComment());
    assertEquals("", script.statements().get(1).leadingComment());
  }

  @Test
  void commentInsideStatementIsNotLeading() {
    ScriptStatement st = SqlScript.split("-- lead\nALTER TABLE t -- inner\n ADD c int;").statements().get(0);
    assertEquals("-- lead", st.leadingComment());
    assertEquals("ALTER TABLE t -- inner\n ADD c int", st.text());
  }

  @Test
  void keepsLeadingCommentWithCrlf() {
    ScriptStatement st = SqlScript.split("SELECT 1; -- same line\r\n-- first\r\n-- second\r\nSELECT 2").statements()
        .get(1);
    assertEquals("-- first\r\n-- second", st.leadingComment());
    assertEquals(List.of("first", "second"), st.leadingCommentLines());
    assertEquals(4, st.line());
  }

  @Test
  void ignoresCommentAtEndOfScript() {
    SqlScript script = SqlScript.split("SELECT 1\n-- trailing without newline");
    assertEquals(List.of("SELECT 1"), texts(script));
    assertTrue(script.notes().isEmpty());
  }

  @Test
  void indexesSkipEmptyStatements() {
    SqlScript script = SqlScript.split(";SELECT 1;;SELECT 2");
    assertEquals(0, script.statements().get(0).index());
    assertEquals(1, script.statements().get(1).index());
  }

  @Test
  void reportsMetaCommandsAsNotesWithPosition() {
    SqlScript script = SqlScript.split("SELECT 1;\n  \\connect other\n\\set x 1\nSELECT 2;");
    List<ScriptNote> notes = script.notes();
    assertEquals(2, notes.size());
    assertEquals(ScriptNote.Kind.META_COMMAND, notes.get(0).kind());
    assertEquals("\\connect other", notes.get(0).text());
    assertEquals(2, notes.get(0).line());
    assertEquals(3, notes.get(0).column());
    assertTrue(notes.get(0).message().contains("line 2, column 3"), notes.get(0).message());
    assertEquals("\\set x 1", notes.get(1).text());
    assertEquals(3, notes.get(1).line());
  }

  @Test
  void reportsCopyDataAsNote() {
    SqlScript script = SqlScript.split("COPY t FROM STDIN;\r\na\r\nb\r\n\\.\r\nSELECT 1;");
    assertEquals(List.of("COPY t FROM STDIN", "SELECT 1"), texts(script));
    assertEquals(ScriptNote.Kind.COPY_DATA, script.notes().get(0).kind());
    assertEquals(2, script.notes().get(0).line());
    assertEquals(5, script.statements().get(1).line());
  }

  static Stream<Arguments> unterminatedCases() {
    return Stream.of(
        Arguments.of("SELECT 1;\nSELECT 'abc;\nSELECT 3;", ScriptNote.Kind.UNTERMINATED_STRING, 2, 8),
        Arguments.of("SELECT E'abc\\';", ScriptNote.Kind.UNTERMINATED_STRING, 1, 8),
        Arguments.of("SELECT \"abc;", ScriptNote.Kind.UNTERMINATED_QUOTED_IDENTIFIER, 1, 8),
        Arguments.of("SELECT 1;\n DO $body$ BEGIN END $$;", ScriptNote.Kind.UNTERMINATED_DOLLAR_QUOTE, 2, 5),
        Arguments.of("SELECT 1; /* a /* b */ ", ScriptNote.Kind.UNTERMINATED_COMMENT, 1, 11),
        Arguments.of("SELECT (1;\nSELECT 2;", ScriptNote.Kind.UNCLOSED_PARENTHESIS, 1, 8),
        Arguments.of("CREATE PROCEDURE p() BEGIN ATOMIC SELECT 1;", ScriptNote.Kind.UNCLOSED_ATOMIC_BLOCK, 1, 22));
  }

  @ParameterizedTest
  @MethodSource("unterminatedCases")
  void reportsWhereAnUnterminatedConstructStarted(String sql, ScriptNote.Kind kind, int line, int column) {
    SqlScript script = SqlScript.split(sql);
    ScriptNote note = script.notes().stream().filter(n -> n.kind() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " note in " + script.notes()));
    assertEquals(line, note.line(), note.message());
    assertEquals(column, note.column(), note.message());
    assertTrue(note.message().contains("line " + line + ", column " + column), note.message());
    assertInvariants(script);
  }

  @Test
  void unterminatedStringRunsToEndOfScript() {
    SqlScript script = SqlScript.split("SELECT 1;\nSELECT 'abc;\nSELECT 3;");
    assertEquals(List.of("SELECT 1", "SELECT 'abc;\nSELECT 3;"), texts(script));
  }

  static List<String> texts(SqlScript script) {
    return script.statements().stream().map(ScriptStatement::text).collect(Collectors.toList());
  }

  /** What must hold for every script, whatever its content. */
  static void assertInvariants(SqlScript script) {
    int previousEnd = 0;
    for (int i = 0; i < script.statements().size(); i++) {
      ScriptStatement st = script.statements().get(i);
      assertEquals(i, st.index());
      assertTrue(st.offset() >= previousEnd, "statements overlap at " + st.offset());
      assertTrue(st.endOffset() > st.offset(), "empty statement at " + st.offset());
      assertEquals(st.text(), script.source().substring(st.offset(), st.endOffset()));
      SourcePosition p = script.position(st.offset());
      assertEquals(p.line(), st.line());
      assertEquals(p.column(), st.column());
      assertTrue(!st.text().isEmpty() && !SqlLexer.isSpace(st.text().charAt(0)));
      previousEnd = st.endOffset();
    }
  }
}
