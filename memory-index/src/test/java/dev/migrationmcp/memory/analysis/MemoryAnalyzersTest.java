package dev.migrationmcp.memory.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.memory.testing.Tokens;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class MemoryAnalyzersTest {
  private final Analyzer prose = MemoryAnalyzers.prose();
  private final Analyzer identifiers = MemoryAnalyzers.identifiers();

  @Test
  void sqlKeepsKeywordsAndSplitsIdentifiersWithoutStemming() {
    assertEquals(List.of("alter", "table", "users", "add", "column", "email_verified_at", "email", "verified", "at",
        "timestamptz"), Tokens.terms(identifiers, "ALTER TABLE users ADD COLUMN email_verified_at timestamptz;"));
    assertEquals(List.of("create", "index", "on", "public.orders", "public", "orders", "user_id", "user", "id"),
        Tokens.terms(identifiers, "CREATE INDEX ON public.orders (user_id)"));
  }

  @Test
  void proseStemsButKeepsTheWordAndDropsQuestionWords() {
    List<String> terms = Tokens.terms(prose, "Why did we stop using enums for status?");
    assertTrue(terms.containsAll(List.of("stop", "using", "us", "enums", "enum", "status", "statu")), terms.toString());
    assertFalse(terms.contains("why") || terms.contains("did") || terms.contains("we") || terms.contains("for"), terms.toString());
  }

  @Test
  void proseNeverStemsIdentifiers() {
    List<String> terms = Tokens.terms(prose, "Dropped users.legacy_id");
    assertTrue(terms.containsAll(List.of("dropped", "drop", "users.legacy_id", "legacy", "id")), terms.toString());
  }

  @Test
  void proseUnderstandsIrregularPastForms() {
    assertTrue(Tokens.terms(prose, "VACUUM FULL rewrote the table").contains("rewrite"));
  }

  @Test
  void camelCaseInProse() {
    assertTrue(Tokens.terms(prose, "emailVerifiedAt").containsAll(List.of("emailverifiedat", "email", "verifi")));
  }

  @Test
  void emptyTextGivesNoTokens() {
    assertEquals(List.of(), Tokens.terms(prose, ""));
    assertEquals(List.of(), Tokens.terms(identifiers, " ;; "));
  }
}
