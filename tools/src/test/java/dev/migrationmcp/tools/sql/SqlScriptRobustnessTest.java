package dev.migrationmcp.tools.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Splitting is total: any input gives statements and notes, never an exception or a hang. */
class SqlScriptRobustnessTest {
  private static final String REALISTIC = "\uFEFF-- V7__orders.sql\r\n"
      + "\\set ON_ERROR_STOP on\n"
      + "BEGIN;\n"
      + "CREATE TABLE \"Order\"\"s\" (id bigserial PRIMARY KEY, note text DEFAULT E'it\\'s', tag text DEFAULT 'a''b');\n"
      + "/* nested /* comment */ ; */\n"
      + "ALTER TABLE ONLY orders ADD COLUMN path text, ADD CONSTRAINT c CHECK (length(path) > 0) NOT VALID;\n"
      + "CREATE FUNCTION f(a int) RETURNS int AS $fn$ BEGIN RETURN $1 + (SELECT $$x;$$::int); END $fn$ LANGUAGE plpgsql;\n"
      + "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"
      + "SELECT U&'\\0041;' AS U&\"x;\";\n"
      + "COPY t FROM stdin;\n1\t2\n\\.\n"
      + "COMMIT AND CHAIN;\n"
      + "UPDATE t SET a = 1";

  private static final String ALPHABET = "ab$_1 \n\r\t;:'\"\\/*-()Ee&U.[]\uFEFF\uD83D\uDE00é";

  @Test
  void neverThrowsOnRandomSqlLikeCharacters() {
    Random random = new Random(42);
    for (int round = 0; round < 3000; round++) {
      int length = random.nextInt(200);
      StringBuilder sb = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      SqlScriptTest.assertInvariants(SqlScript.split(sb.toString()));
    }
  }

  @Test
  void neverThrowsOnRandomBytes() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      byte[] bytes = new byte[random.nextInt(2000)];
      random.nextBytes(bytes);
      SqlScriptTest.assertInvariants(SqlScript.split(new String(bytes, StandardCharsets.UTF_8)));
      SqlScriptTest.assertInvariants(SqlScript.split(new String(bytes, StandardCharsets.ISO_8859_1)));
    }
  }

  @Test
  void neverThrowsOnRandomUtf16IncludingLoneSurrogates() {
    Random random = new Random(11);
    for (int round = 0; round < 500; round++) {
      char[] chars = new char[random.nextInt(300)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) random.nextInt(0x10000);
      }
      SqlScriptTest.assertInvariants(SqlScript.split(new String(chars)));
    }
  }

  @Test
  void neverThrowsOnAnyTruncationOfARealisticScript() {
    for (int cut = 0; cut <= REALISTIC.length(); cut++) {
      SqlScriptTest.assertInvariants(SqlScript.split(REALISTIC.substring(0, cut)));
      SqlScriptTest.assertInvariants(SqlScript.split(REALISTIC.substring(cut)));
    }
  }

  @Test
  void splitsTheRealisticScript() {
    SqlScript script = SqlScript.split(REALISTIC);
    assertEquals(9, script.statements().size(), SqlScriptTest.texts(script).toString());
    assertEquals(2, script.notes().size(), script.notes().toString());
  }

  @Test
  void handlesTenThousandNestedParentheses() {
    String sql = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "; SELECT 2";
    SqlScript script = SqlScript.split(sql);
    assertEquals(2, script.statements().size());
    SqlScript unclosed = SqlScript.split("SELECT " + "(".repeat(10_000) + "; SELECT 2");
    assertEquals(1, unclosed.statements().size());
    assertEquals(ScriptNote.Kind.UNCLOSED_PARENTHESIS, unclosed.notes().get(0).kind());
  }

  @Test
  void handlesAOneMegabyteStatement() {
    StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
    while (sb.length() < 1_000_000) {
      sb.append("(1, 'a;b', $$c;d$$, E'\\'', \"x\"), ");
    }
    sb.append("(0, '', $$$$, E'', \"y\");\nSELECT 2");
    SqlScript script = SqlScript.split(sb.toString());
    assertEquals(2, script.statements().size());
    assertTrue(script.statements().get(0).text().length() > 1_000_000);
  }

  @Test
  void handlesManyStatementsOnOneLine() {
    String sql = "SELECT 1;".repeat(100_000);
    SqlScript script = SqlScript.split(sql);
    assertEquals(100_000, script.statements().size());
    assertEquals(899_992, script.statements().get(99_999).column());
  }

  @Test
  void handlesLongUnterminatedDollarQuotesAndComments() {
    for (String opener : new String[] {"$a$", "/*", "'", "E'", "\"", "--"}) {
      SqlScript script = SqlScript.split("SELECT 1; " + opener + "x;".repeat(200_000));
      SqlScriptTest.assertInvariants(script);
    }
    SqlScript manyDollars = SqlScript.split("$a$ ".repeat(100_001));
    SqlScriptTest.assertInvariants(manyDollars);
  }
}
