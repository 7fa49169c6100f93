package dev.migrationmcp.server.mcp;

import dev.migrationmcp.memory.git.GitCommit;
import dev.migrationmcp.memory.git.GitHistory;
import dev.migrationmcp.memory.history.AppliedMigration;
import dev.migrationmcp.memory.history.FlywayHistory;
import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.flyway.MigrationFile;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of one migration file, with the memory index's readers: the git commits that touched
 * it ({@link GitHistory}, one batched {@code git log}) and, when a live database is configured, its
 * rows of {@code flyway_schema_history} ({@link FlywayHistory}, read-only). The embedded database's
 * rows record a replay, not a deployment, so they are not used.
 */
final class MigrationFileHistory {
  private static final Duration GIT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_COMMITS = 50;

  private final ServerContext context;
  private final ProjectMigrations migrations;

  MigrationFileHistory(ServerContext context, ProjectMigrations migrations) {
    this.context = context;
    this.migrations = migrations;
  }

  Map<String, Object> of(MigrationFile file, String relativePath) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    out.put("version", file.version().getVersion());
    out.put("description", file.description());
    out.put("path", relativePath);
    out.put("commits", commits(relativePath, notes));
    if (context.target().isLive() && context.settings().databaseUrl() != null) {
      out.put("applied", applied(file, notes));
    } else {
      notes.add("no live database configured: applied_at/applied_by come from a live database's flyway_schema_history");
    }
    out.put("notes", notes);
    return out;
  }

  private List<Map<String, Object>> commits(String relativePath, List<String> notes) {
    var git = GitHistory.open(context.settings().projectDir(), GIT_TIMEOUT);
    if (git.isEmpty()) {
      notes.add("the project is not in a git repository (or git is not installed): no commits");
      return List.of();
    }
    List<GitCommit> commits = git.get().commitsUnder(migrations.folders()).getOrDefault(relativePath, List.of());
    List<Map<String, Object>> out = new ArrayList<>();
    for (GitCommit c : commits.stream().limit(MAX_COMMITS).toList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("hash", c.hash());
      m.put("author", c.author());
      m.put("date", c.date().toString());
      m.put("message", c.message());
      out.add(m);
    }
    if (commits.isEmpty()) {
      notes.add("no commit touches " + relativePath + " yet");
    }
    return out;
  }

  private List<Map<String, Object>> applied(MigrationFile file, List<String> notes) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = Databases.connect(context.settings().databaseUrl())) {
      for (AppliedMigration row : FlywayHistory.read(c, null)) {
        if (file.version().getVersion().equals(row.version())) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("installed_rank", row.installedRank());
          m.put("applied_at", row.installedOn() == null ? null : row.installedOn().toString());
          m.put("applied_by", row.installedBy());
          m.put("success", row.success());
          m.put("execution_time_ms", row.executionTimeMs());
          m.put("checksum", row.checksum());
          out.add(m);
        }
      }
      if (out.isEmpty()) {
        notes.add("not applied to " + context.settings().databaseUrl().describe());
      }
    } catch (Exception e) {
      notes.add("flyway_schema_history could not be read: " + e.getMessage());
    }
    return out;
  }
}
