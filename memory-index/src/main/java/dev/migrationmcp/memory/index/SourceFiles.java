package dev.migrationmcp.memory.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the source files and hashes their content, re-reading a file only when its size or
 * modification time changed since the last look, so that checking 10,000 files before a search
 * costs a directory walk and a stat each.
 */
final class SourceFiles {
  /** A file found: absolute path, path relative to the project, content hash. */
  record Found(Path file, String relativePath, String hash) {}

  private record Stamp(long modified, long size, String hash, String relativePath) {}

  private final Path projectDir;
  private final Map<Path, Stamp> stamps = new HashMap<>();

  SourceFiles(Path projectDir) {
    this.projectDir = projectDir;
  }

  /**
   * Regular files under {@code dirs} (recursively) whose name passes {@code accept}, sorted by path.
   * The walk hands each file's attributes to the visitor, so a file costs one stat, not the two of
   * {@code Files.walk} followed by {@code readAttributes}; a symbolic link to a file costs a second
   * stat and counts as that file.
   */
  List<Found> find(List<Path> dirs, boolean recursive, Predicate<String> accept) {
    List<Found> out = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Found> inDir = new ArrayList<>();
      try {
        Files.walkFileTree(dir, java.util.Set.of(), recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes linkOrFile) {
            BasicFileAttributes attrs = linkOrFile.isSymbolicLink() ? target(f) : linkOrFile;
            if (attrs != null && attrs.isRegularFile() && accept.test(f.getFileName().toString())) {
              Stamp stamp = stamp(f, attrs);
              if (stamp != null) {
                inDir.add(new Found(f, stamp.relativePath(), stamp.hash()));
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            return FileVisitResult.CONTINUE; // vanished or unreadable: nothing this time
          }
        });
      } catch (IOException | UncheckedIOException e) {
        // A folder that vanished or cannot be read contributes nothing this time.
      }
      inDir.sort(java.util.Comparator.comparing(Found::file));
      out.addAll(inDir);
    }
    return out;
  }

  /** The attributes of a symbolic link's target (a linked migration file counts as a file), null when dangling. */
  private static BasicFileAttributes target(Path link) {
    try {
      return Files.readAttributes(link, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
  }

  /** One file, when it exists and can be read. */
  java.util.Optional<Found> one(Path f) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        return java.util.Optional.empty();
      }
      Stamp stamp = stamp(f, attrs);
      return stamp == null ? java.util.Optional.empty() : java.util.Optional.of(new Found(f, stamp.relativePath(), stamp.hash()));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private Stamp stamp(Path f, BasicFileAttributes attrs) {
    long modified = attrs.lastModifiedTime().toMillis();
    Stamp known = stamps.get(f);
    if (known != null && known.modified() == modified && known.size() == attrs.size()) {
      return known;
    }
    try {
      Stamp stamp = new Stamp(modified, attrs.size(), sha256(Files.readAllBytes(f)), relative(f));
      stamps.put(f, stamp);
      return stamp;
    } catch (IOException e) {
      return null;
    }
  }

  String relative(Path f) {
    Path abs = f.toAbsolutePath().normalize();
    return abs.startsWith(projectDir) ? projectDir.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
