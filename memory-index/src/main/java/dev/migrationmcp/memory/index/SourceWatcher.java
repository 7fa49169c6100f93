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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells whether any source may have changed since the last look, so that a search does not have
 * to walk and stat every migration file first. It watches the source folders (recursively; new
 * sub-folders are added as they appear; a folder that does not exist yet is watched through its
 * nearest existing parent) and, in the git directory, only the files that move when HEAD does
 * ({@code HEAD}, {@code packed-refs}, {@code logs/HEAD}). When watching is impossible (no
 * watch service, too many folders, an overflow) it answers "changed", which means a full check.
 */
final class SourceWatcher implements Closeable {
  private static final Set<String> GIT_FILES = Set.of("HEAD", "packed-refs", "ORIG_HEAD", "logs");

  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private final Map<WatchKey, Boolean> gitKeys = new HashMap<>();
  private boolean broken;

  private SourceWatcher(WatchService service) {
    this.service = service;
  }

  /** Starts watching; never throws (a watcher that could not start always answers "changed"). */
  static SourceWatcher start(List<Path> roots, Path gitDir) {
    WatchService service;
    try {
      service = FileSystems.getDefault().newWatchService();
    } catch (IOException | UnsupportedOperationException e) {
      return new SourceWatcher(null);
    }
    SourceWatcher w = new SourceWatcher(service);
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

  /** True when something relevant may have changed since the previous call (or watching is impossible). */
  synchronized boolean changed() {
    if (service == null || broken) {
      return true;
    }
    boolean changed = false;
    try {
      WatchKey key;
      while ((key = service.poll()) != null) {
        Path dir = keys.get(key);
        boolean git = Boolean.TRUE.equals(gitKeys.get(key));
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            changed = true;
            continue;
          }
          Path name = (Path) event.context();
          if (git) {
            changed |= GIT_FILES.contains(name.toString());
            continue;
          }
          changed = true;
          Path child = dir == null ? null : dir.resolve(name);
          if (child != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
            try {
              registerTree(child);
            } catch (IOException e) {
              broken = true;
            }
          }
        }
        if (!key.reset()) {
          keys.remove(key);
          gitKeys.remove(key);
          changed = true;
        }
      }
    } catch (ClosedWatchServiceException e) {
      broken = true;
      return true;
    }
    return changed;
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
