package dev.migrationmcp.tools.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops embedded clusters whose server was killed. A killed JVM cannot stop its PostgreSQL (the
 * postmaster is not its child for long and does not notice its death), so every cluster's data
 * directory gets an owner file beside it naming the JVM (pid and start time, so a reused pid does
 * not count as alive). At the next start, a cluster whose owner is gone is stopped and its
 * directory deleted. Directories without an owner file are left alone: they are not ours to judge.
 */
final class OrphanClusters {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanClusters.class);
  static final String DATA_DIR_PREFIX = "migration-mcp-pg-";
  private static final String OWNER_SUFFIX = ".owner";
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private OrphanClusters() {}

  /** Records this JVM as the owner of {@code dataDir}. */
  static void claim(Path dataDir) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    Files.writeString(ownerFile(dataDir), self.pid() + " " + startMillis(self).orElse(0L));
  }

  /** Forgets the owner file of a cluster that was stopped normally. */
  static void release(Path dataDir) {
    try {
      Files.deleteIfExists(ownerFile(dataDir));
    } catch (IOException e) {
      LOG.debug("could not delete the owner file of {}: {}", dataDir, e.getMessage());
    }
  }

  /** Stops and deletes the clusters in {@code tempDir} whose owning JVM no longer runs; never fails. */
  static void reap(Path tempDir) {
    try (DirectoryStream<Path> owners = Files.newDirectoryStream(tempDir, DATA_DIR_PREFIX + "*" + OWNER_SUFFIX)) {
      for (Path owner : owners) {
        reapOne(owner);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("looking for orphan embedded clusters failed: {}", e.getMessage());
    }
  }

  private static void reapOne(Path owner) throws IOException {
    String name = owner.getFileName().toString();
    Path dataDir = owner.resolveSibling(name.substring(0, name.length() - OWNER_SUFFIX.length()));
    if (ownerAlive(Files.readString(owner).trim())) {
      return;
    }
    postmaster(dataDir).ifPresent(pm -> stop(pm, dataDir));
    deleteRecursively(dataDir);
    Files.deleteIfExists(owner);
    LOG.info("removed the embedded PostgreSQL left behind by a killed server ({})", dataDir);
  }

  private static boolean ownerAlive(String line) {
    String[] parts = line.split(" ");
    try {
      long pid = Long.parseLong(parts[0]);
      long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0L;
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .map(p -> started == 0L || startMillis(p).map(s -> s == started).orElse(true))
          .orElse(false);
    } catch (NumberFormatException e) {
      return true; // unreadable: not ours to judge
    }
  }

  /** The running postmaster of {@code dataDir}: the pid in postmaster.pid, checked against its command line. */
  private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(dataDir.toString())).orElse(false));
  }

  /** SIGTERM (smart shutdown: the killed server's connections are gone already), then SIGKILL. */
  private static void stop(ProcessHandle postmaster, Path dataDir) {
    postmaster.destroy();
    try {
      postmaster.onExit().get(SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.debug("the orphan postmaster of {} did not stop in time; killing it", dataDir);
      postmaster.destroyForcibly();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path ownerFile(Path dataDir) {
    return dataDir.resolveSibling(dataDir.getFileName() + OWNER_SUFFIX);
  }

  private static Optional<Long> startMillis(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli);
  }
}
