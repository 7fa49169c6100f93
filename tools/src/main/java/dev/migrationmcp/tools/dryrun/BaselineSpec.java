package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.db.DatabaseUrl;
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
 * What a baseline is built from: Flyway locations and the last version to apply, or (with
 * {@link #liveSchemaOf}) the schema of the live database. A migrations fingerprint covers the
 * names and contents of the files that go in, so editing any of them builds a new one; a live
 * baseline's fingerprint is that of the DDL read from the live catalog when the baseline is needed.
 *
 * @param locations Flyway location strings
 * @param target the last version to apply, or null for all
 * @param files the files that go in (for the fingerprint and the description); may be empty for
 *     classpath locations, which are fingerprinted by name
 * @param liveSchema the live database whose schema (not data) is copied, or null for migrations
 */
public record BaselineSpec(List<String> locations, MigrationVersion target, List<MigrationFile> files,
    DatabaseUrl liveSchema) {

  public BaselineSpec {
    locations = List.copyOf(locations);
    files = List.copyOf(files);
  }

  /** The project's migrations, replayed with Flyway. */
  public BaselineSpec(List<String> locations, MigrationVersion target, List<MigrationFile> files) {
    this(locations, target, files, null);
  }

  /** A schema-only copy of the live database, built from its catalog. */
  public static BaselineSpec liveSchemaOf(DatabaseUrl live) {
    return new BaselineSpec(List.of(), null, List.of(), live);
  }

  /** {@code live} or {@code migrations}. */
  public String kind() {
    return liveSchema != null ? Baseline.LIVE : Baseline.MIGRATIONS;
  }

  /**
   * The fingerprint of the migration files that go in.
   *
   * @throws IllegalStateException for a live baseline, whose fingerprint is read from its catalog
   */
  public String fingerprint() {
    if (liveSchema != null) {
      throw new IllegalStateException("a live baseline's fingerprint is read from the live catalog when it is built");
    }
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
    if (liveSchema != null) {
      return "a schema-only copy of the live database " + liveSchema.describe();
    }
    long versioned = files.stream().filter(f -> f.type() == MigrationFile.Type.VERSIONED).count();
    if (files.isEmpty()) {
      return locations.isEmpty() ? "an empty database" : "migrations from " + String.join(", ", locations);
    }
    return versioned + " migration" + (versioned == 1 ? "" : "s") + (target == null ? "" : " up to V" + target);
  }
}
