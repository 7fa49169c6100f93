package dev.migrationmcp.memory.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commits behind each migration file, read from the {@code git} CLI when the project is in a
 * repository. Instead of one {@code git log --follow} process per file, one {@code git log -M
 * --name-status} pass over the migration folders collects every file's commits, following
 * renames inside those folders the way {@code --follow} would (a rename from outside them shows
 * as the file being added). Without git, outside a repository, or when git fails or times out,
 * there is simply no history.
 */
public final class GitHistory {
  private static final Logger LOG = LoggerFactory.getLogger(GitHistory.class);
  private static final char RECORD = '\u001e';
  private static final char FIELD = '\u001f';

  private final Path projectDir;
  private final Path topLevel;
  private final Duration timeout;
  private final Path gitDir;

  private GitHistory(Path projectDir, Path topLevel, Path gitDir, Duration timeout) {
    this.projectDir = projectDir;
    this.topLevel = topLevel;
    this.gitDir = gitDir;
    this.timeout = timeout;
  }

  /** The repository containing {@code projectDir}, or empty when there is none (or no git). */
  public static Optional<GitHistory> open(Path projectDir, Duration timeout) {
    try {
      String top = GitProcess.run(projectDir, timeout, "rev-parse", "--show-toplevel").strip();
      if (top.isEmpty()) {
        return Optional.empty();
      }
      String gitDir = GitProcess.run(projectDir, timeout, "rev-parse", "--absolute-git-dir").strip();
      return Optional.of(new GitHistory(projectDir.toRealPath(), Path.of(top).toRealPath(),
          gitDir.isEmpty() ? null : Path.of(gitDir), timeout));
    } catch (GitProcess.GitException | java.io.IOException e) {
      LOG.debug("no git history for {}: {}", projectDir, e.getMessage());
      return Optional.empty();
    }
  }

  /** The repository's git directory (where HEAD lives; a worktree has its own), or null when unknown. */
  public Path gitDir() {
    return gitDir;
  }

  /** The commit HEAD points at, or null for a repository without commits (or when git fails). */
  public String head() {
    try {
      String head = GitProcess.run(projectDir, timeout, "rev-parse", "--verify", "--quiet", "HEAD").strip();
      return head.isEmpty() ? null : head;
    } catch (GitProcess.GitException e) {
      return null;
    }
  }

  /**
   * Commits per file, newest first, for every file under {@code folders}.
   *
   * @return keys are paths relative to the project directory with {@code /} separators; the
   *     map is empty when git fails
   */
  public Map<String, List<GitCommit>> commitsUnder(List<Path> folders) {
    List<String> args = new ArrayList<>(List.of("log", "-M", "--name-status", "--no-color"));
    args.add("--format=" + RECORD + "%H" + FIELD + "%an" + FIELD + "%aI" + FIELD + "%B" + FIELD);
    args.add("--");
    boolean any = false;
    for (Path folder : folders) {
      if (Files.isDirectory(folder)) {
        args.add(relativeToProject(folder));
        any = true;
      }
    }
    if (!any) {
      return Map.of();
    }
    String out;
    try {
      out = GitProcess.run(projectDir, timeout, args.toArray(String[]::new));
    } catch (GitProcess.GitException e) {
      LOG.info("git log failed, migrations are indexed without commits: {}", e.getMessage());
      return Map.of();
    }
    return parse(out);
  }

  private String relativeToProject(Path folder) {
    Path real;
    try {
      real = folder.toRealPath();
    } catch (java.io.IOException e) {
      real = folder.toAbsolutePath().normalize();
    }
    String rel = projectDir.relativize(real).toString();
    return rel.isEmpty() ? "." : rel;
  }

  Map<String, List<GitCommit>> parse(String out) {
    Map<String, List<GitCommit>> byRepoPath = new LinkedHashMap<>();
    Map<String, String> alias = new HashMap<>();
    int i = out.indexOf(RECORD);
    while (i >= 0) {
      int next = out.indexOf(RECORD, i + 1);
      String record = next < 0 ? out.substring(i + 1) : out.substring(i + 1, next);
      i = next;
      String[] fields = record.split(String.valueOf(FIELD), -1);
      if (fields.length < 5) {
        continue;
      }
      OffsetDateTime date;
      try {
        date = OffsetDateTime.parse(fields[2].strip());
      } catch (DateTimeParseException e) {
        continue;
      }
      GitCommit commit = new GitCommit(fields[0].strip(), fields[1].strip(), date, fields[3].strip());
      for (String line : fields[4].split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t");
        char status = cols[0].charAt(0);
        if ((status == 'R' || status == 'C') && cols.length >= 3) {
          String key = alias.getOrDefault(cols[2], cols[2]);
          byRepoPath.computeIfAbsent(key, k -> new ArrayList<>()).add(commit);
          if (status == 'R') {
            alias.put(cols[1], key);
          }
        } else if (cols.length >= 2) {
          String key = alias.getOrDefault(cols[1], cols[1]);
          byRepoPath.computeIfAbsent(key, k -> new ArrayList<>()).add(commit);
        }
      }
    }
    Map<String, List<GitCommit>> byProjectPath = new LinkedHashMap<>();
    Path prefix = topLevel.relativize(projectDir);
    byRepoPath.forEach((repoPath, commits) -> {
      Path p = Path.of(repoPath);
      if (prefix.toString().isEmpty() || p.startsWith(prefix)) {
        String rel = prefix.toString().isEmpty() ? repoPath : prefix.relativize(p).toString().replace('\\', '/');
        byProjectPath.put(rel, List.copyOf(commits));
      }
    });
    return byProjectPath;
  }
}
