package dev.migrationmcp.tools.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the embedded cluster keeps its data. Every dry run clones a template database, and a clone
 * creates a file per relation: on a disk-backed file system that is 0.5–1 ms a file where file
 * creation is slow (measured 1.2 s for a 300-table template on ext4 in a VM), against about 0.1 s
 * on tmpfs. The cluster is disposable (fsync off, deleted at exit), so memory-backed storage costs
 * nothing in safety. Chosen, in order:
 * <ol>
 *   <li>{@value #ENV} when set (a directory to create the data directory in);</li>
 *   <li>{@code /dev/shm} when it is a writable directory with at least {@value #MIN_SHM_FREE_MB} MB free
 *   (Linux's tmpfs; a shadow holds a schema and the rows the project's migrations insert);</li>
 *   <li>the JVM's temporary directory.</li>
 * </ol>
 */
public final class EmbeddedDataDirectory {
  /** Environment variable naming the directory the embedded cluster's data directory is created in. */
  public static final String ENV = "MIGRATION_MCP_EMBEDDED_DIR";
  static final long MIN_SHM_FREE_MB = 1024;
  private static final Path SHM = Path.of("/dev/shm");

  private EmbeddedDataDirectory() {}

  /** The directory to create the next cluster's data directory in. */
  public static Path parent() {
    return parent(System.getenv(), SHM, Path.of(System.getProperty("java.io.tmpdir")));
  }

  static Path parent(Map<String, String> env, Path shm, Path tmp) {
    String chosen = env.get(ENV);
    if (chosen != null && !chosen.isBlank()) {
      return Path.of(chosen.strip());
    }
    return roomyMemoryBacked(shm) ? shm : tmp;
  }

  /** Every directory a cluster of an earlier process may have been left in, for the orphan sweep. */
  public static List<Path> candidates() {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(parent());
    dirs.add(SHM);
    dirs.add(Path.of(System.getProperty("java.io.tmpdir")));
    return dirs.stream().filter(Files::isDirectory).toList();
  }

  private static boolean roomyMemoryBacked(Path shm) {
    try {
      return Files.isDirectory(shm) && Files.isWritable(shm)
          && Files.getFileStore(shm).getUsableSpace() >= MIN_SHM_FREE_MB * 1024 * 1024;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
