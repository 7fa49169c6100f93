package dev.migrationmcp.tools.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationmcp.tools.testing.PostgresTest;
import dev.migrationmcp.tools.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Identifiers#quote} is PostgreSQL's {@code quote_ident}, checked against the server itself. */
@PostgresTest
class IdentifiersTest {

  @Test
  void quoteAgreesWithQuoteIdentOnEveryKeywordAndOddName(TestDatabase db) throws Exception {
    List<String> disagreements = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT w, quote_ident(w), current_setting('server_version_num')::int / 10000
            FROM (SELECT word FROM pg_get_keywords()
                  UNION ALL SELECT unnest(ARRAY['orders', 'Orders', 'user_id', '1st', '_x$', 'a"b', 'ünï', 'a b', ''])) k(w)""")) {
      while (rs.next()) {
        String word = rs.getString(1);
        String expected = rs.getString(2);
        String ours = Identifiers.quote(word);
        // Newer servers have more keywords: quoting one an older server leaves bare is harmless.
        boolean newerKeyword = rs.getInt(3) < 17 && !expected.startsWith("\"") && ours.equals("\"" + word + "\"");
        if (!expected.equals(ours) && !newerKeyword) {
          disagreements.add(word + ": server " + expected + ", ours " + ours);
        }
      }
    }
    assertEquals(List.of(), disagreements);
  }

  @Test
  void typeNamesKeepTheirKeywordsBare() {
    assertEquals("integer", Identifiers.quoteTypeName("integer"));
    assertEquals("timestamp", Identifiers.quoteTypeName("timestamp"));
    assertEquals("\"user\"", Identifiers.quoteTypeName("user"));
    assertEquals("\"Money\"", Identifiers.quoteTypeName("Money"));
    assertEquals("\"integer\"", Identifiers.quote("integer"), "as a column or index name it is quoted, like quote_ident");
  }
}
