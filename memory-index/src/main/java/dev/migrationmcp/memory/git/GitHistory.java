package dev.migrationmcp.memory.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commits behind each migration file, read from the {@code git} CLI when the project is in a
 * repository. Instead of one {@code git log --follow} process per file, one pass over the history
 * of the migration folders ({@code rev-list} + {@code diff-tree -M --name-status}) collects every
 * file's commits, following renames inside those folders the way {@code --follow} would (a rename
 * from outside them shows as the file being added). A later read looks only at the commits made
 * since the previous one. Without git, outside a repository, or when git fails or times out, there
 * is simply no history.
 */
public final class GitHistory {
  private static final Logger LOG = LoggerFactory.getLogger(GitHistory.class);
  /** Fewer commits than this per extra process are not worth the process. */
  private static final int COMMITS_PER_PROCESS = 2_000;
  private static final int MAX_PROCESSES = 4;

  private final Path projectDir;
  private final Path topLevel;
  private final Duration timeout;
  private final Path gitDir;
  private int commitsPerProcess = COMMITS_PER_PROCESS;

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

  /** For tests: split the history between processes from this many commits on. */
  GitHistory splittingEvery(int commits) {
    this.commitsPerProcess = commits;
    return this;
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
    return read(folders, FileCommits.NONE).byProjectPath();
  }

  /**
   * The commits behind every file under {@code folders} as of HEAD. When {@code previous} was read
   * for the same folders at an ancestor of HEAD, only the commits made since are read and put in
   * front of the ones it holds; otherwise (first read, rebase, reset to another branch) the whole
   * history is read. When git fails the result has no commits and the next read starts over.
   */
  public FileCommits read(List<Path> folders, FileCommits previous) {
    List<String> pathspecs = new ArrayList<>();
    for (Path folder : folders) {
      if (Files.isDirectory(folder)) {
        pathspecs.add(relativeToProject(folder));
      }
    }
    String head = head();
    if (head == null || pathspecs.isEmpty()) {
      return new FileCommits(head, pathspecs, Map.of(), Map.of());
    }
    boolean sameFolders = pathspecs.equals(previous.pathspecs()) && previous.head() != null;
    if (sameFolders && head.equals(previous.head())) {
      return previous;
    }
    try {
      if (sameFolders && isAncestor(previous.head(), head)) {
        CommitLogParser since = commits(previous.head() + ".." + head, pathspecs);
        Map<String, List<GitCommit>> merged = new LinkedHashMap<>();
        since.commits().forEach((path, commits) -> merged.put(path, new ArrayList<>(commits)));
        previous.byRepoPath().forEach((path, commits) ->
            merged.computeIfAbsent(since.currentName(path), k -> new ArrayList<>()).addAll(commits));
        return snapshot(head, pathspecs, merged);
      }
      return snapshot(head, pathspecs, commits(head, pathspecs).commits());
    } catch (GitProcess.GitException e) {
      LOG.info("git log failed, migrations are indexed without commits: {}", e.getMessage());
      return new FileCommits(null, pathspecs, Map.of(), Map.of());
    }
  }

  private boolean isAncestor(String older, String newer) {
    try {
      GitProcess.run(projectDir, timeout, "merge-base", "--is-ancestor", older, newer);
      return true;
    } catch (GitProcess.GitException e) {
      return false; // not an ancestor (exit 1), or a commit that is gone
    }
  }

  /**
   * The commits of {@code revisions} that touched {@code pathspecs}, read the way {@code git log
   * -M --name-status} shows them. {@code git rev-list} lists the commits and {@code git diff-tree}
   * diffs them, in as many processes side by side as there are cores: a history of 10,000 commits
   * to a folder of 10,000 files costs seconds of tree diffing, and {@code git log} with a pathspec
   * would diff each commit twice (once to simplify history, once to show it). Unlike {@code git log}
   * with a pathspec this does not simplify history: a commit on a merged branch whose change the
   * merge threw away still counts for the file (git log --follow would leave it out).
   */
  private CommitLogParser commits(String revisions, List<String> pathspecs) throws GitProcess.GitException {
    String[] hashes = GitProcess.run(projectDir, timeout, "rev-list", revisions).split("\n");
    int n = hashes.length == 1 && hashes[0].isBlank() ? 0 : hashes.length;
    if (n == 0) {
      return new CommitLogParser();
    }
    int processes = Math.max(1, Math.min(Math.min(MAX_PROCESSES, Runtime.getRuntime().availableProcessors()),
        n / commitsPerProcess));
    List<String> args = new ArrayList<>(List.of("diff-tree", "--stdin", "--root", "-r", "-M", "--name-status",
        "--no-color", CommitLogParser.FORMAT, "--"));
    args.addAll(pathspecs);
    List<GitProcess.Running> running = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      int from = (int) ((long) n * p / processes);
      int to = (int) ((long) n * (p + 1) / processes);
      String input = String.join("\n", java.util.Arrays.asList(hashes).subList(from, to)) + "\n";
      running.add(GitProcess.start(projectDir, input, args.toArray(String[]::new)));
    }
    CommitLogParser parser = new CommitLogParser();
    for (GitProcess.Running r : running) {
      parser.feed(r.await(timeout));
    }
    return parser;
  }

  private FileCommits snapshot(String head, List<String> pathspecs, Map<String, List<GitCommit>> byRepoPath) {
    Map<String, List<GitCommit>> repo = new LinkedHashMap<>();
    byRepoPath.forEach((path, commits) -> repo.put(path, List.copyOf(commits)));
    Map<String, List<GitCommit>> project = new LinkedHashMap<>();
    Path prefix = topLevel.relativize(projectDir);
    repo.forEach((repoPath, commits) -> {
      Path p = Path.of(repoPath);
      if (prefix.toString().isEmpty() || p.startsWith(prefix)) {
        String rel = prefix.toString().isEmpty() ? repoPath : prefix.relativize(p).toString().replace('\\', '/');
        project.put(rel, commits);
      }
    });
    return new FileCommits(head, List.copyOf(pathspecs), repo, project);
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
}
