package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.flyway.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What a baseline is built from: Flyway locations and the last version to apply. Its fingerprint
 * covers the names and contents of the files that go in, so editing any of them builds a new one.
 *
 * @param locations Flyway location strings
 * @param target the last version to apply, or null for all
 * @param files the files that go in (for the fingerprint and the description); may be empty for
 *     classpath locations, which are fingerprinted by name
 */
public record BaselineSpec(List<String> locations, MigrationVersion target, List<MigrationFile> files) {

  public BaselineSpec {
    locations = List.copyOf(locations);
    files = List.copyOf(files);
  }

  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      locations.forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
      sha.update(("target=" + target + "\n").getBytes(StandardCharsets.UTF_8));
      for (MigrationFile f : files) {
        sha.update((f.path().getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f.path()));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a migration file: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String describe() {
    long versioned = files.stream().filter(f -> f.type() == MigrationFile.Type.VERSIONED).count();
    if (files.isEmpty()) {
      return locations.isEmpty() ? "an empty database" : "migrations from " + String.join(", ", locations);
    }
    return versioned + " migration" + (versioned == 1 ? "" : "s") + (target == null ? "" : " up to V" + target);
  }
}
