package dev.migrationmcp.memory.index;

import dev.migrationmcp.memory.git.GitCommit;
import dev.migrationmcp.memory.history.AppliedMigration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprint of each source ({@link Documents#fingerprint}), remembered while its inputs stay
 * the same: the same content hash and the very same commit list and history row (both are
 * replaced, never changed, when git or the database is read again). A check of 10,000 unchanged
 * files then hashes nothing.
 */
final class Fingerprints {
  private record Inputs(String contentHash, List<GitCommit> commits, AppliedMigration applied, String fingerprint) {}

  private final String format;
  private final Map<String, Inputs> byId = new ConcurrentHashMap<>();

  Fingerprints(String format) {
    this.format = format;
  }

  String of(String id, String contentHash, List<GitCommit> commits, AppliedMigration applied) {
    Inputs known = byId.get(id);
    if (known != null && known.contentHash().equals(contentHash) && known.commits() == commits
        && known.applied() == applied) {
      return known.fingerprint();
    }
    String fingerprint = Documents.fingerprint(format, contentHash, commits, applied);
    byId.put(id, new Inputs(contentHash, commits, applied, fingerprint));
    return fingerprint;
  }
}
