package dev.migrationmcp.memory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationmcp.memory.index.MemorySettings;
import dev.migrationmcp.memory.index.MigrationIndex;
import dev.migrationmcp.memory.testing.Git;
import dev.migrationmcp.memory.testing.SampleHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The questions people really ask, over a generated git repository with three dozen migrations,
 * commit messages and decision records: the right document must be in the top 3.
 */
class QuestionSetTest {
  @TempDir static Path project;
  static MigrationIndex index;

  @BeforeAll
  static void buildRepository() {
    assumeTrue(Git.available(), "git is needed for this test");
    SampleHistory.write(project, new Git(project));
    index = MigrationIndex.open(MemorySettings.of(project, List.of(project.resolve(SampleHistory.MIGRATIONS)),
        project.resolve(".migration-mcp/index"), project.resolve(SampleHistory.DECISIONS)));
    index.refresh();
  }

  @AfterAll
  static void close() {
    if (index != null) {
      index.close();
    }
  }

  private static List<SearchHit> top3(String question) {
    return index.search(SearchRequest.of(question).withLimit(3)).hits();
  }

  private static SearchHit assertInTop3(String question, String pathEnd) {
    List<SearchHit> hits = top3(question);
    return hits.stream().filter(h -> h.path().endsWith(pathEnd)).findFirst().orElseThrow(() -> new AssertionError(
        "'" + question + "' should find " + pathEnd + " in the top 3, got " + hits.stream().map(SearchHit::path).toList()));
  }

  private static Set<String> files(SearchResult result) {
    return result.hits().stream().map(h -> h.path().substring(h.path().lastIndexOf('/') + 1)).collect(Collectors.toSet());
  }

  @Test
  void findsTheDecisionBehindDroppingEnums() {
    SearchHit hit = assertInTop3("why did we stop using enums for status", "0002-text-with-check-instead-of-enums-for-status.md");
    assertEquals("decision", hit.type());
    assertEquals("0002", hit.id());
    assertEquals("accepted", hit.status());
    assertEquals(List.of("orders", "payments"), hit.tables());
    assertEquals(List.of("V14", "V15"), hit.migrations());
    assertTrue(hit.snippet().contains("**"), hit.snippet());
  }

  @Test
  void findsWhenTheOrdersUserIdIndexWasAdded() {
    SearchHit hit = assertInTop3("when did we add an index on orders.user_id", "V9__add_index_orders_user_id.sql");
    assertEquals("9", hit.version());
    assertEquals("Dana Ruiz", hit.author());
    assertTrue(hit.date().startsWith("2023-04-03"), hit.date());
    assertNotNull(hit.commit());
    assertTrue(hit.operations().contains("create_index"), hit.operations().toString());
    assertTrue(hit.tables().contains("orders"));
  }

  @Test
  void findsTheMigrationThatRewroteEvents() {
    SearchHit hit = assertInTop3("migrations that rewrote the events table", "V17__events_payload_jsonb.sql");
    assertTrue(hit.operations().contains("alter_column_type"));
    assertTrue(hit.rationale().contains("rewrites the whole events table"), hit.rationale());
  }

  @Test
  void findsWhoDroppedLegacyId() {
    SearchHit hit = assertInTop3("who dropped legacy_id", "V21__drop_users_legacy_id.sql");
    assertEquals("Dana Ruiz", hit.author());
    assertEquals(List.of("drop_column"), hit.operations());
    assertEquals(List.of("users.legacy_id"), hit.columns());
  }

  @ParameterizedTest
  @ValueSource(strings = {"email verified", "email_verified_at", "emailVerifiedAt", "users email verification"})
  void findsIdentifiersByTheirWords(String query) {
    assertInTop3(query, "V11__add_email_verified_at_to_users.sql");
  }

  @Test
  void findsByCommitMessageOnly() {
    assertInTop3("how long did the jsonb conversion take on production", "V17__events_payload_jsonb.sql");
    assertInTop3("sequential scan on the order history page", "V9__add_index_orders_user_id.sql");
  }

  @Test
  void findsRepeatableAndUndoMigrations() {
    SearchHit view = assertInTop3("admin users view", "R__admin_users_view.sql");
    assertEquals("repeatable", view.type());
    assertEquals(null, view.version());
    SearchHit undo = assertInTop3("restore legacy_id", "U21__restore_users_legacy_id.sql");
    assertEquals("undo", undo.type());
  }

  @Test
  void filtersByTableAndOperation() {
    SearchResult r = index.search(new SearchRequest("index", "orders", null, "create_index", null, null, 20));
    assertEquals(Set.of("V9__add_index_orders_user_id.sql", "V10__index_orders_created_at.sql"), files(r));
    assertEquals(2, r.total());
  }

  @Test
  void filtersByQualifiedColumn() {
    SearchResult r = index.search(new SearchRequest("", null, "users.legacy_id", null, null, null, 20));
    assertEquals(Set.of("V1__create_users.sql", "V21__drop_users_legacy_id.sql", "U21__restore_users_legacy_id.sql"),
        files(r));
    SearchResult bare = index.search(new SearchRequest("", null, "legacy_id", null, null, null, 20));
    assertTrue(files(bare).containsAll(files(r)) && files(bare).contains("V12__create_legacy_user_map.sql"), files(bare).toString());
  }

  @Test
  void filtersByOperationAlone() {
    SearchResult r = index.search(new SearchRequest(null, null, null, "drop_column", null, null, 20));
    assertEquals(Set.of("V21__drop_users_legacy_id.sql"), files(r));
    SearchResult renames = index.search(new SearchRequest("", "public.accounts", null, "rename_column", null, null, 20));
    assertEquals(Set.of("V23__rename_balance_column.sql"), files(renames));
  }

  @Test
  void restrictsToADateRange() {
    SearchResult april = index.search(new SearchRequest("index", null, null, null, "2023-04-01", "2023-04-30", 20));
    assertEquals(Set.of("V9__add_index_orders_user_id.sql", "V10__index_orders_created_at.sql", "0003-concurrent-indexes.md"),
        files(april));
    SearchResult recent = index.search(new SearchRequest("events", null, null, null, "2024", null, 20));
    assertTrue(files(recent).contains("V24__purge_old_events.sql"), files(recent).toString());
    assertFalse(files(recent).contains("V17__events_payload_jsonb.sql"));
    assertFalse(files(recent).contains("V6__create_events.sql"));
    SearchResult older = index.search(new SearchRequest("events", null, null, null, null, "2023-12", 20));
    assertTrue(files(older).containsAll(Set.of("V6__create_events.sql", "V17__events_payload_jsonb.sql")));
    assertFalse(files(older).contains("V24__purge_old_events.sql"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"unbalanced", "a AND OR", "title:(", "legacy_id)", "*", "?", "enum~~", "[2023 TO",
      "events^", "!!", "AND", "sql:", "\\", "orders.user_id:", "/regex"})
  void badQuerySyntaxStillAnswers(String query) {
    SearchResult r = index.search(SearchRequest.of(query));
    assertNotNull(r.hits());
  }

  @Test
  void badSyntaxFallsBackToTheWords() {
    SearchResult r = index.search(SearchRequest.of("\"legacy_id dropped"));
    assertNotNull(r.note());
    assertTrue(files(r).contains("V21__drop_users_legacy_id.sql"), files(r).toString());
  }

  @Test
  void luceneSyntaxWorksWhenValid() {
    SearchResult r = index.search(SearchRequest.of("sql:jsonb"));
    assertEquals(Set.of("V17__events_payload_jsonb.sql"), files(r));
    assertEquals(null, r.note());
  }

  @Test
  void refusesWhatTheCallerCanFix() {
    assertThrows(IllegalArgumentException.class, () -> index.search(SearchRequest.of("x").withOperation("explode")));
    assertThrows(IllegalArgumentException.class, () -> index.search(SearchRequest.of("x").withDates("yesterday", null)));
    assertThrows(IllegalArgumentException.class, () -> index.search(SearchRequest.of("x").withDates("2024-02-01", "2024-01-01")));
    assertThrows(IllegalArgumentException.class, () -> index.search(SearchRequest.of("x").withLimit(0)));
    assertThrows(IllegalArgumentException.class, () -> index.search(SearchRequest.of(" ")));
  }
}
