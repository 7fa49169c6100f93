package dev.migrationmcp.memory.index;

import dev.migrationmcp.memory.history.AppliedHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link MigrationIndex} indexes and where it keeps the index.
 *
 * @param projectDir paths in hits are relative to it; git runs there
 * @param migrationDirs the Flyway location folders (scanned recursively for Flyway-named .sql files)
 * @param indexDir where the Lucene index lives (derived data); null keeps it in memory
 * @param decisionsDir where decision records are read and written
 * @param facts reads tables/columns/operations from SQL
 * @param history applied migrations (a live database), or null for none
 * @param historyMaxAge how long a history read is reused before the next search reads it again
 * @param useGit whether to read commits with the git CLI
 * @param clock dates of new decision records
 */
public record MemorySettings(
    Path projectDir,
    List<Path> migrationDirs,
    Path indexDir,
    Path decisionsDir,
    FactExtractor facts,
    AppliedHistory history,
    Duration historyMaxAge,
    boolean useGit,
    Clock clock) {

  public MemorySettings {
    projectDir = projectDir.toAbsolutePath().normalize();
    migrationDirs = migrationDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    indexDir = indexDir == null ? null : indexDir.toAbsolutePath().normalize();
    decisionsDir = decisionsDir.toAbsolutePath().normalize();
  }

  /** Defaults: regex facts, no database history, git on, system clock. */
  public static MemorySettings of(Path projectDir, List<Path> migrationDirs, Path indexDir, Path decisionsDir) {
    return new MemorySettings(projectDir, migrationDirs, indexDir, decisionsDir, new ModelFacts(), null,
        Duration.ofSeconds(30), true, Clock.systemDefaultZone());
  }

  public MemorySettings withHistory(AppliedHistory h) {
    return new MemorySettings(projectDir, migrationDirs, indexDir, decisionsDir, facts, h, historyMaxAge, useGit, clock);
  }

  public MemorySettings withFacts(FactExtractor f) {
    return new MemorySettings(projectDir, migrationDirs, indexDir, decisionsDir, f, history, historyMaxAge, useGit, clock);
  }

  public MemorySettings withGit(boolean enabled) {
    return new MemorySettings(projectDir, migrationDirs, indexDir, decisionsDir, facts, history, historyMaxAge, enabled, clock);
  }

  public MemorySettings withClock(Clock c) {
    return new MemorySettings(projectDir, migrationDirs, indexDir, decisionsDir, facts, history, historyMaxAge, useGit, c);
  }
}
