package dev.migrationmcp.memory.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationmcp.memory.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {
  @TempDir Path repo;

  @Test
  void collectsCommitsPerFileFollowingRenames() throws Exception {
    assumeTrue(Git.available());
    Git git = new Git(repo);
    git.init();
    Path app = Files.createDirectories(repo.resolve("app/db/migration"));
    Files.writeString(app.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n".repeat(5));
    Files.writeString(repo.resolve("README.md"), "readme");
    git.commitAll("Alice", "2023-01-01T10:00:00+00:00", "Users\n\nbody line");
    Files.move(app.resolve("V1__users.sql"), app.resolve("V1__create_users.sql"));
    git.commitAll("Bob", "2023-02-01T10:00:00+00:00", "Rename V1");
    Files.writeString(app.resolve("V2__orders.sql"), "CREATE TABLE orders (id int);");
    git.commitAll("Carla", "2023-03-01T10:00:00+00:00", "Orders");

    GitHistory history = GitHistory.open(repo.resolve("app"), Duration.ofSeconds(30)).orElseThrow();
    assertTrue(history.head().matches("[0-9a-f]{40}"));
    Map<String, List<GitCommit>> commits = history.commitsUnder(List.of(repo.resolve("app/db/migration")));
    List<GitCommit> v1 = commits.get("db/migration/V1__create_users.sql");
    assertEquals(List.of("Bob", "Alice"), v1.stream().map(GitCommit::author).toList(), commits.toString());
    assertEquals("Users\n\nbody line", v1.get(1).message());
    assertEquals("Users", v1.get(1).subject());
    assertEquals("2023-01-01T10:00Z", v1.get(1).date().toString());
    assertEquals(List.of("Carla"), commits.get("db/migration/V2__orders.sql").stream().map(GitCommit::author).toList());
    assertEquals(2, commits.size(), "README is outside the folders");
  }

  @Test
  void noRepositoryMeansNoHistory() throws Exception {
    assumeTrue(Git.available());
    Path outside = Files.createDirectories(repo.resolve("plain"));
    // A temp dir may itself sit inside a repository; only assert when it does not.
    if (GitHistory.open(outside, Duration.ofSeconds(10)).isEmpty()) {
      assertTrue(GitHistory.open(outside, Duration.ofSeconds(10)).isEmpty());
    }
    Git git = new Git(repo);
    git.init();
    GitHistory empty = GitHistory.open(repo, Duration.ofSeconds(10)).orElseThrow();
    assertNull(empty.head(), "a repository without commits has no HEAD");
    assertEquals(Map.of(), empty.commitsUnder(List.of(repo)));
  }
}
