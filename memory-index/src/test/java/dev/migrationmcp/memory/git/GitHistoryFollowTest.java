package dev.migrationmcp.memory.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationmcp.memory.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass history reader against {@code git log --follow}, file by file, on a repository with
 * renames (twice, with edits before and after), a merged branch, files outside the folders and a
 * history split between several git processes; and a read that continues from an earlier one
 * against a fresh read.
 */
class GitHistoryFollowTest {
  @TempDir Path repo;
  private Git git;
  private Path migrations;
  private Path decisions;
  private int day;

  @BeforeEach
  void init() throws Exception {
    assumeTrue(Git.available());
    git = new Git(repo);
    git.init();
    migrations = Files.createDirectories(repo.resolve("db/migration"));
    decisions = Files.createDirectories(repo.resolve("db/decisions"));
  }

  private void commit(String author, String message) {
    day++;
    git.commitAll(author, String.format("2023-01-%02dT10:00:00+00:00", day), message);
  }

  private void write(Path file, String text) throws Exception {
    Files.writeString(file, text);
  }

  /** Part one: created, edited, renamed with an edit, other files and a README around it. */
  private void firstHalf() throws Exception {
    write(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id bigint);\n".repeat(8));
    write(repo.resolve("README.md"), "readme");
    commit("Alice", "Users");
    write(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id bigint);\n".repeat(8) + "-- why\n");
    write(migrations.resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint, user_id bigint);\n".repeat(8));
    commit("Bob", "Orders, and a comment on users");
    Files.move(migrations.resolve("V1__users.sql"), migrations.resolve("V1__create_users.sql"));
    write(repo.resolve("README.md"), "readme 2");
    commit("Carla", "Rename V1");
    write(decisions.resolve("0001-ids.md"), "---\ntitle: bigint ids\n---\nAlways bigint.\n");
    commit("Dana", "Decision on ids");
    for (int i = 3; i < 9; i++) {
      write(migrations.resolve("V" + i + "__t" + i + ".sql"), ("CREATE TABLE t" + i + " (id bigint);\n").repeat(6));
      commit("Erin", "Table t" + i);
    }
  }

  /** Part two: a second rename, a branch merged back, edits after the rename. */
  private void secondHalf() throws Exception {
    Files.move(migrations.resolve("V1__create_users.sql"), migrations.resolve("V1__create_user_table.sql"));
    commit("Alice", "Rename V1 again");
    git.run(Map.of(), "checkout", "-q", "-b", "feature");
    write(migrations.resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint, user_id bigint);\n".repeat(8) + "-- fk later\n");
    write(migrations.resolve("V20__feature.sql"), "CREATE TABLE feature (id bigint);\n");
    commit("Bob", "Feature work");
    git.run(Map.of(), "checkout", "-q", "main");
    write(migrations.resolve("V9__main.sql"), "CREATE TABLE main_only (id bigint);\n");
    commit("Carla", "Main work");
    day++;
    git.run(Map.of("GIT_AUTHOR_NAME", "Dana", "GIT_AUTHOR_EMAIL", "d@example.com", "GIT_COMMITTER_NAME", "Dana",
        "GIT_COMMITTER_EMAIL", "d@example.com", "GIT_AUTHOR_DATE", "2023-01-" + day + "T10:00:00+00:00",
        "GIT_COMMITTER_DATE", "2023-01-" + day + "T10:00:00+00:00"), "merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
    write(migrations.resolve("V1__create_user_table.sql"), "CREATE TABLE users (id bigint);\n".repeat(8) + "-- why, again\n");
    commit("Erin", "Edit after the renames");
  }

  @Test
  void everyFileHasTheCommitsGitLogFollowShows() throws Exception {
    firstHalf();
    secondHalf();
    GitHistory history = GitHistory.open(repo, Duration.ofSeconds(30)).orElseThrow().splittingEvery(4);
    Map<String, List<GitCommit>> read = history.commitsUnder(List.of(migrations, decisions));
    Map<String, List<String>> ours = new TreeMap<>();
    read.forEach((path, commits) -> {
      if (Files.exists(repo.resolve(path))) {
        ours.put(path, commits.stream().map(GitCommit::hash).toList());
      }
    });
    Map<String, List<String>> follow = new TreeMap<>();
    for (String path : git.run(Map.of(), "ls-files", "db").strip().split("\n")) {
      follow.put(path, List.of(git.run(Map.of(), "log", "--follow", "--format=%H", "--", path).strip().split("\n")));
    }
    assertEquals(11, follow.size(), follow.keySet().toString());
    assertEquals(follow, ours);
    assertEquals(List.of("Erin", "Alice", "Carla", "Bob", "Alice"),
        read.get("db/migration/V1__create_user_table.sql").stream().map(GitCommit::author).toList());
  }

  @Test
  void aLaterReadAddsTheNewCommitsToTheEarlierOnes() throws Exception {
    firstHalf();
    GitHistory history = GitHistory.open(repo, Duration.ofSeconds(30)).orElseThrow().splittingEvery(4);
    List<Path> folders = List.of(migrations, decisions);
    FileCommits earlier = history.read(folders, FileCommits.NONE);
    assertSame(earlier, history.read(folders, earlier), "nothing new: nothing read");
    secondHalf();
    FileCommits continued = history.read(folders, earlier);
    FileCommits fresh = history.read(folders, FileCommits.NONE);
    assertEquals(fresh.head(), continued.head());
    assertEquals(new TreeMap<>(fresh.byProjectPath()), new TreeMap<>(continued.byProjectPath()));

    git.run(Map.of(), "reset", "-q", "--hard", "HEAD~3");
    FileCommits afterReset = history.read(folders, continued);
    assertEquals(new TreeMap<>(history.read(folders, FileCommits.NONE).byProjectPath()),
        new TreeMap<>(afterReset.byProjectPath()), "HEAD moved back: read again from scratch");
  }
}
