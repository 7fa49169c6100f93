package dev.migrationmcp.memory.git;

import java.util.List;
import java.util.Map;

/**
 * The commits behind every file under some folders of a repository, as of one HEAD: what
 * {@link GitHistory#read} returns and takes back, so that the next read only looks at the commits
 * made since.
 *
 * @param head the commit the history was read at (null: a repository without commits)
 * @param pathspecs the folders read, relative to the project directory
 * @param byRepoPath commits per path relative to the repository's top level, newest first
 * @param byProjectPath the same, keyed by paths relative to the project directory (files outside it left out)
 */
public record FileCommits(String head, List<String> pathspecs, Map<String, List<GitCommit>> byRepoPath,
    Map<String, List<GitCommit>> byProjectPath) {

  /** No history. */
  public static final FileCommits NONE = new FileCommits(null, List.of(), Map.of(), Map.of());
}
