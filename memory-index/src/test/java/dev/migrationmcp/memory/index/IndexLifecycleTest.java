package dev.migrationmcp.memory.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationmcp.memory.analysis.MemoryAnalyzers;
import dev.migrationmcp.memory.decisions.NewDecision;
import dev.migrationmcp.memory.decisions.RecordedDecision;
import dev.migrationmcp.memory.history.AppliedMigration;
import dev.migrationmcp.memory.search.SearchHit;
import dev.migrationmcp.memory.search.SearchRequest;
import dev.migrationmcp.memory.search.SearchResult;
import dev.migrationmcp.memory.testing.Git;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building, refreshing, surviving damage: the index is derived data and never the reason a search fails. */
class IndexLifecycleTest {
  @TempDir Path project;

  private Path migrations() throws Exception {
    return Files.createDirectories(project.resolve("db/migration"));
  }

  private Path indexDir() {
    return project.resolve(".migration-mcp/index");
  }

  private MemorySettings settings() throws Exception {
    return MemorySettings.of(project, List.of(migrations()), indexDir(), project.resolve("db/decisions")).withGit(false);
  }

  private void writeMigrations(int n) throws Exception {
    for (int i = 1; i <= n; i++) {
      Files.writeString(migrations().resolve("V" + i + "__create_table_" + i + ".sql"),
          "-- table number " + i + "\nCREATE TABLE t" + i + " (id bigint PRIMARY KEY, note_" + i + " text);\n");
    }
  }

  private static List<String> files(SearchResult r) {
    return r.hits().stream().map(h -> h.path().substring(h.path().lastIndexOf('/') + 1)).toList();
  }

  @Test
  void refreshesOnlyWhatChanged() throws Exception {
    writeMigrations(5);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      RefreshStats first = index.refresh();
      assertEquals(5, first.updated());
      assertTrue(first.rebuilt());
      assertEquals(0, index.refresh().updated());

      Path v2 = migrations().resolve("V2__create_table_2.sql");
      Files.writeString(v2, "-- now with a reason: archival\nCREATE TABLE t2 (id bigint);\n");
      assertEquals(new RefreshStats(5, 1, 0, false, false, 0), withoutTime(index.refresh()));
      Files.setLastModifiedTime(v2, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      assertEquals(0, index.refresh().updated(), "a new mtime with the same content is no change");

      Files.writeString(migrations().resolve("V6__add_archive_flag.sql"), "ALTER TABLE t1 ADD COLUMN archived boolean;");
      Files.delete(migrations().resolve("V1__create_table_1.sql"));
      Files.createDirectories(project.resolve("db/decisions"));
      Files.writeString(project.resolve("db/decisions/0001-archival.md"), "---\ntitle: Archive instead of delete\n---\nBody");
      Files.writeString(migrations().resolve("notes.txt"), "not a migration");
      Files.writeString(migrations().resolve("V7_bad_name.sql"), "-- Flyway would not run this");
      assertEquals(new RefreshStats(6, 2, 1, false, false, 0), withoutTime(index.refresh()));

      assertEquals(List.of("V2__create_table_2.sql"), files(index.search(SearchRequest.of("archival"))).subList(0, 1));
    }
    try (MigrationIndex reopened = MigrationIndex.open(settings())) {
      RefreshStats again = reopened.refresh();
      assertEquals(0, again.updated(), "fingerprints persist in the index");
      assertFalse(again.rebuilt());
    }
  }

  private static RefreshStats withoutTime(RefreshStats s) {
    return new RefreshStats(s.documents(), s.updated(), s.removed(), s.rebuilt(), s.inMemory(), 0);
  }

  @Test
  void theNextSearchSeesANewFileWithoutAnExplicitRefresh() throws Exception {
    writeMigrations(2);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      assertEquals(2, index.search(SearchRequest.of("table")).total());
      Files.createDirectories(migrations().resolve("2024"));
      Files.writeString(migrations().resolve("2024/V3__partition_events.sql"), "-- quarterly partitions\nSELECT 1;");
      // The file-system watcher reports asynchronously: give it a moment, as a person typing would.
      SearchResult r = null;
      for (int i = 0; i < 50 && (r == null || r.total() == 0); i++) {
        r = index.search(SearchRequest.of("quarterly"));
        Thread.sleep(i == 0 ? 0 : 20);
      }
      assertEquals(List.of("V3__partition_events.sql"), files(r));
      Files.delete(migrations().resolve("2024/V3__partition_events.sql"));
      for (int i = 0; i < 50 && r.total() > 0; i++) {
        Thread.sleep(20);
        r = index.search(SearchRequest.of("quarterly"));
      }
      assertEquals(0, r.total(), "a deleted file leaves the index");

      // A file in a folder already watched takes the short path: only that file is looked at.
      Files.writeString(migrations().resolve("V4__monthly_rollup.sql"), "-- monthly rollup of events\nSELECT 1;");
      r = awaitTotal(index, "rollup", 1);
      assertEquals(List.of("V4__monthly_rollup.sql"), files(r));
      Files.writeString(migrations().resolve("V4__monthly_rollup.sql"), "-- weekly aggregation instead\nSELECT 1;");
      assertEquals(List.of("V4__monthly_rollup.sql"), files(awaitTotal(index, "weekly", 1)));
      assertEquals(0, index.search(SearchRequest.of("events")).total(), "the old text is gone");
    }
    try (MigrationIndex reopened = MigrationIndex.open(settings())) {
      assertEquals(0, reopened.refresh().updated(), "the short path's changes were committed on close");
    }
  }

  private static SearchResult awaitTotal(MigrationIndex index, String query, int total) throws InterruptedException {
    SearchResult r = index.search(SearchRequest.of(query));
    for (int i = 0; i < 50 && r.total() != total; i++) {
      Thread.sleep(20);
      r = index.search(SearchRequest.of(query));
    }
    return r;
  }

  @Test
  void rebuildsACorruptIndex() throws Exception {
    writeMigrations(3);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      index.refresh();
    }
    Files.writeString(indexDir().resolve("keep-me.txt"), "not ours");
    Random random = new Random(7);
    try (Stream<Path> files = Files.list(indexDir())) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("keep-me.txt")).toList()) {
        byte[] garbage = new byte[(int) Math.max(16, Files.size(f))];
        random.nextBytes(garbage);
        Files.write(f, garbage);
      }
    }
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      RefreshStats stats = index.refresh();
      assertTrue(stats.rebuilt());
      assertEquals(3, stats.documents());
      assertEquals("V2__create_table_2.sql", files(index.search(SearchRequest.of("note_2"))).get(0));
    }
    assertEquals("not ours", Files.readString(indexDir().resolve("keep-me.txt")), "only Lucene files are deleted");
  }

  @Test
  void rebuildsATruncatedSegment() throws Exception {
    writeMigrations(3);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      index.refresh();
    }
    try (Stream<Path> files = Files.list(indexDir())) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_")).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      }
    }
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      SearchResult r = index.search(SearchRequest.of("table number"));
      assertEquals(3, r.total());
    }
  }

  @Test
  void rebuildsAnIndexOfAnotherFormat() throws Exception {
    writeMigrations(2);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      index.refresh();
    }
    try (IndexWriter w = new IndexWriter(FSDirectory.open(indexDir()), new IndexWriterConfig(MemoryAnalyzers.identifiers()))) {
      w.setLiveCommitData(Map.of(MigrationIndex.FORMAT_KEY, "migration-mcp-memory-0").entrySet());
      w.commit();
    }
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      RefreshStats stats = index.refresh();
      assertTrue(stats.rebuilt());
      assertEquals(2, stats.updated());
    }
  }

  @Test
  void ignoresTheLockOfAKilledProcess() throws Exception {
    writeMigrations(2);
    Files.createDirectories(indexDir());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
        indexDir().toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("locked"), "holder output: " + line);
      holder.destroyForcibly();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(Files.exists(indexDir().resolve("write.lock")), "the killed process left its lock file");
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      RefreshStats stats = index.refresh();
      assertFalse(stats.inMemory(), "the dead process's lock does not count");
      assertEquals(2, stats.documents());
    }
  }

  @Test
  void keepsAnsweringWhenAnotherWriterHoldsTheIndex() throws Exception {
    writeMigrations(2);
    Files.createDirectories(indexDir());
    try (IndexWriter other = new IndexWriter(FSDirectory.open(indexDir()), new IndexWriterConfig(MemoryAnalyzers.identifiers()));
        MigrationIndex index = MigrationIndex.open(settings())) {
      assertTrue(other.isOpen());
      SearchResult r = index.search(SearchRequest.of("table number"));
      assertEquals(2, r.total());
      assertTrue(index.inMemory());
    }
  }

  @Test
  void answersSearchesWhileRebuilding() throws Exception {
    writeMigrations(40);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      index.refresh();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Thread rebuilder = new Thread(() -> {
        try {
          for (int i = 0; i < 5; i++) {
            index.rebuild();
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      });
      rebuilder.start();
      int searches = 0;
      while (rebuilder.isAlive() || searches < 20) {
        SearchResult r = index.search(SearchRequest.of("note_7"));
        assertEquals("V7__create_table_7.sql", files(r).get(0));
        searches++;
      }
      rebuilder.join();
      assertEquals(List.of(), failures);
    }
  }

  @Test
  void aSearchDuringTheFirstBuildWaitsForIt() throws Exception {
    writeMigrations(300);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      Thread build = new Thread(index::refresh);
      build.start();
      assertEquals(300, index.search(SearchRequest.of("table number")).total(), "never an empty answer from a half-built index");
      build.join();
    }
  }

  @Test
  void recordsADecisionAndFindsItAtOnce() throws Exception {
    writeMigrations(1);
    try (MigrationIndex index = MigrationIndex.open(settings())) {
      index.refresh();
      RecordedDecision d = index.recordDecision(new NewDecision("Soft delete users", "Set deleted_at instead of DELETE.",
          null, List.of("users"), List.of("V26"), null));
      assertEquals("db/decisions/0001-soft-delete-users.md", d.path());
      SearchHit hit = index.search(SearchRequest.of("soft delete").withTable("users")).hits().get(0);
      assertEquals("decision", hit.type());
      assertEquals("0001", hit.id());
      assertEquals("Soft delete users", hit.description());
      assertEquals(List.of("V26"), hit.migrations());
    }
  }

  @Test
  void addsAppliedHistoryAndSurvivesItsFailure() throws Exception {
    writeMigrations(2);
    Files.writeString(migrations().resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1;");
    OffsetDateTime on = OffsetDateTime.parse("2024-02-03T04:05:06Z");
    List<AppliedMigration> rows = List.of(
        new AppliedMigration(1, "1", "create table 1", "SQL", "V1__create_table_1.sql", 123, "deploy", on, 42, true),
        new AppliedMigration(2, null, "view", "SQL", "R__view.sql", 7, "ci", on.plusDays(1), 3, true));
    try (MigrationIndex index = MigrationIndex.open(settings().withHistory(() -> rows))) {
      SearchHit v1 = index.search(SearchRequest.of("note_1")).hits().get(0);
      assertEquals("2024-02-03T04:05:06Z", v1.appliedAt());
      assertEquals("deploy", v1.appliedBy());
      assertEquals(42, v1.executionTimeMs());
      assertEquals(Boolean.TRUE, v1.success());
      SearchHit view = index.search(SearchRequest.of("view")).hits().get(0);
      assertEquals("ci", view.appliedBy());
      SearchHit v2 = index.search(SearchRequest.of("note_2")).hits().get(0);
      assertNull(v2.appliedAt());
      assertEquals(List.of("V1__create_table_1.sql"),
          files(index.search(SearchRequest.of("table").withDates("2024-02-03", "2024-02-03"))));
    }
    try (MigrationIndex index = MigrationIndex.open(settings().withHistory(() -> {
      throw new IllegalStateException("connection refused");
    }))) {
      assertEquals(3, index.search(SearchRequest.of("table OR view")).total());
    }
  }

  @Test
  void commitsArriveWithoutAFileChange() throws Exception {
    assumeTrue(Git.available());
    Git git = new Git(project);
    git.init();
    writeMigrations(1);
    MemorySettings s = settings().withGit(true);
    try (MigrationIndex index = MigrationIndex.open(s)) {
      assertNull(index.search(SearchRequest.of("note_1")).hits().get(0).commit(), "not committed yet");
      git.commitAll("Erin", "2024-06-01T12:00:00+00:00", "Table one, for the archive");
      // The watcher sees HEAD move asynchronously: allow it a moment.
      SearchResult r = index.search(SearchRequest.of("archive"));
      for (int i = 0; i < 50 && r.hits().isEmpty(); i++) {
        Thread.sleep(20);
        r = index.search(SearchRequest.of("archive"));
      }
      SearchHit hit = r.hits().get(0);
      assertEquals("Erin", hit.author());
      assertTrue(hit.snippet().contains("**archive**"), hit.snippet());
    }
  }

  @Test
  void worksInMemoryWithoutAnIndexDirectory() throws Exception {
    writeMigrations(2);
    MemorySettings s = MemorySettings.of(project, List.of(migrations()), null, project.resolve("db/decisions"));
    try (MigrationIndex index = MigrationIndex.open(s)) {
      assertEquals(2, index.search(SearchRequest.of("table")).total());
    }
    assertFalse(Files.exists(indexDir()));
    List<Path> none = new ArrayList<>();
    assertEquals(List.of(), none);
  }
}
