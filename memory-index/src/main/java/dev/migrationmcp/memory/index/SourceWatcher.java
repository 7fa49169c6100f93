package dev.migrationmcp.memory.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells whether any source may have changed since the last look, so that a search does not have
 * to walk and stat every migration file first. It watches the source folders (recursively; new
 * sub-folders are added as they appear; a folder that does not exist yet is watched through its
 * nearest existing parent) and, in the git directory, only the files that move when HEAD does
 * ({@code HEAD}, {@code packed-refs}, {@code logs/HEAD}). It reports which files changed, so a
 * refresh can look at just those; when that is not enough (git moved, a folder appeared, an
 * overflow) or watching is impossible, it reports that everything may have changed.
 */
final class SourceWatcher implements Closeable {
  private static final Set<String> GIT_FILES = Set.of("HEAD", "packed-refs", "ORIG_HEAD", "logs");

  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private final Map<WatchKey, Boolean> gitKeys = new HashMap<>();
  private final List<Path> roots;
  private boolean broken;

  private SourceWatcher(WatchService service, List<Path> roots) {
    this.service = service;
    this.roots = List.copyOf(roots);
  }

  /** Starts watching; never throws (a watcher that could not start always answers "changed"). */
  static SourceWatcher start(List<Path> roots, Path gitDir) {
    WatchService service;
    try {
      service = FileSystems.getDefault().newWatchService();
    } catch (IOException | UnsupportedOperationException e) {
      return new SourceWatcher(null, roots);
    }
    SourceWatcher w = new SourceWatcher(service, roots);
    try {
      for (Path root : roots) {
        if (Files.isDirectory(root)) {
          w.registerTree(root);
        } else {
          Path parent = root.getParent();
          while (parent != null && !Files.isDirectory(parent)) {
            parent = parent.getParent();
          }
          if (parent != null) {
            w.register(parent, false);
          }
        }
      }
      if (gitDir != null && Files.isDirectory(gitDir)) {
        w.register(gitDir, true);
        if (Files.isDirectory(gitDir.resolve("logs"))) {
          w.register(gitDir.resolve("logs"), true);
        }
      }
    } catch (IOException | RuntimeException e) {
      w.broken = true;
    }
    return w;
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        register(d, false);
      }
    }
  }

  private void register(Path dir, boolean git) throws IOException {
    WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
        StandardWatchEventKinds.ENTRY_MODIFY);
    keys.put(key, dir);
    gitKeys.put(key, git);
  }

  /**
   * What changed since the previous call.
   *
   * @param everything when true, anything may have changed (git moved, an overflow, a new folder,
   *     watching is impossible): check every source
   * @param files otherwise, the files created, modified or deleted in the watched folders
   */
  record Changes(boolean everything, Set<Path> files) {
    static final Changes ALL = new Changes(true, Set.of());

    boolean none() {
      return !everything && files.isEmpty();
    }
  }

  /** Drains the events seen since the previous call. */
  synchronized Changes changes() {
    if (service == null || broken) {
      return Changes.ALL;
    }
    boolean everything = false;
    Set<Path> files = new HashSet<>();
    try {
      WatchKey key;
      while ((key = service.poll()) != null) {
        Path dir = keys.get(key);
        boolean git = Boolean.TRUE.equals(gitKeys.get(key));
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
            everything = true;
            continue;
          }
          Path name = (Path) event.context();
          if (git) {
            everything |= GIT_FILES.contains(name.toString());
            continue;
          }
          Path child = dir.resolve(name);
          if (Files.isDirectory(child) || roots.contains(child) || !underRoot(child)) {
            // A new or renamed folder, or a root appearing: its files need a full look.
            everything = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child) && underRoot(child)) {
              try {
                registerTree(child);
              } catch (IOException e) {
                broken = true;
              }
            }
          } else {
            files.add(child);
          }
        }
        if (!key.reset()) {
          keys.remove(key);
          gitKeys.remove(key);
          everything = true;
        }
      }
    } catch (ClosedWatchServiceException e) {
      broken = true;
      return Changes.ALL;
    }
    return everything ? Changes.ALL : new Changes(false, files);
  }

  private boolean underRoot(Path p) {
    for (Path r : roots) {
      if (p.startsWith(r) && !p.equals(r)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized void close() {
    broken = true;
    if (service != null) {
      try {
        service.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
