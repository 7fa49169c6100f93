package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.flyway.MigrationReplay;
import dev.migrationmcp.tools.schema.copy.CatalogDdl;
import dev.migrationmcp.tools.schema.copy.SchemaCopier;
import dev.migrationmcp.tools.schema.copy.SchemaCopyScript;
import dev.migrationmcp.tools.schema.copy.SkippedObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disposable databases on the shadow server. A baseline is built once into a template database
 * named after its fingerprint ({@code mmcp_base_<hash>} for the project's migrations,
 * {@code mmcp_live_<hash>} for a schema-only copy of the live database); every dry run clones it with
 * {@code CREATE DATABASE … TEMPLATE} ({@code mmcp_dry_<epoch>_<pid>_<n>}) and drops the clone
 * afterwards. Clones and half-built templates left by a killed process are dropped at start.
 */
public final class ShadowDatabases {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowDatabases.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final long ORPHAN_AGE_SECONDS = 600;
  /** Templates kept per kind (migrations, live): a few baselines back and forth stay warm. */
  static final int TEMPLATES_KEPT = 8;

  private final Supplier<DatabaseUrl> admin;
  private final Object buildLock = new Object();

  /**
   * @param admin the shadow server's maintenance database (a role that may create databases);
   *     called lazily, so an embedded server can start on first use
   */
  public ShadowDatabases(Supplier<DatabaseUrl> admin) {
    this.admin = admin;
  }

  public DatabaseUrl adminUrl() {
    return admin.get();
  }

  /**
   * Returns the template for {@code spec}, building it if no template has that fingerprint. A
   * live baseline reads the live catalog every time (READ ONLY, with a statement timeout): a
   * changed live schema gives a new fingerprint, so a new template.
   */
  public Baseline baseline(BaselineSpec spec) {
    if (spec.liveSchema() != null) {
      return liveBaseline(spec);
    }
    String fingerprint = spec.fingerprint();
    return template("mmcp_base_", fingerprint, spec, List.of(), build -> {
      MigrationReplay.migrate(build, spec.target(), spec.locations().toArray(String[]::new));
      return List.of();
    });
  }

  private Baseline liveBaseline(BaselineSpec spec) {
    SchemaCopyScript script;
    try (Connection live = Databases.connect(spec.liveSchema())) {
      script = CatalogDdl.read(live, LIVE_CATALOG_TIMEOUT_MS);
    } catch (SQLException e) {
      throw new BaselineException("reading the live catalog for the shadow baseline failed: " + e.getMessage(), e);
    }
    return template("mmcp_live_", script.fingerprint(), spec, LIVE_NOTES, build -> {
      try (Connection c = Databases.connect(build)) {
        List<SkippedObject> skipped = new ArrayList<>(script.skipped());
        skipped.addAll(SchemaCopier.apply(c, script));
        return skipped;
      } catch (SQLException e) {
        throw new IllegalStateException("copying the live schema failed: " + e.getMessage(), e);
      }
    });
  }

  private static final int LIVE_CATALOG_TIMEOUT_MS = 30_000;
  private static final List<String> LIVE_NOTES = List.of(
      "the baseline is a schema-only copy of the live database: its tables are empty and its planner statistics "
          + "are not copied, so scans, rows and durations observed here are those of empty tables (lint predictions "
          + "still use the live sizes)",
      "owners, privileges and data are not copied; objects the copy could not reproduce are listed in skipped");

  /** Builds a baseline into a fresh database; returns what it could not reproduce. */
  @FunctionalInterface
  private interface Builder {
    List<SkippedObject> build(DatabaseUrl database);
  }

  private Baseline template(String prefix, String fingerprint, BaselineSpec spec, List<String> notes, Builder builder) {
    String template = prefix + fingerprint.substring(0, 16);
    synchronized (buildLock) {
      DatabaseUrl adminUrl = admin.get();
      try (Connection c = Databases.connect(adminUrl)) {
        if (exists(c, template)) {
          return new Baseline(template, fingerprint, spec.describe(), true, spec.kind(), null,
              SkippedList.parse(comment(c, template)), notes);
        }
        String build = "mmcp_build_" + fingerprint.substring(0, 16) + "_" + ProcessHandle.current().pid();
        try (Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + build);
          s.execute("CREATE DATABASE " + build + " TEMPLATE template0");
        }
        long t0 = System.nanoTime();
        List<SkippedObject> skipped;
        try {
          skipped = builder.build(adminUrl.withDatabase(build));
        } catch (RuntimeException e) {
          dropQuietly(c, build);
          throw new BaselineException("building the shadow baseline (" + spec.describe() + ") failed: "
              + firstLines(e.getMessage()), e);
        }
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        try (Statement s = c.createStatement()) {
          if (!skipped.isEmpty()) {
            // Kept with the template, so a reused baseline still reports what it lacks.
            s.execute("COMMENT ON DATABASE " + build + " IS '" + SkippedList.format(skipped).replace("'", "''") + "'");
          }
          // Publishing by rename is atomic: a template either exists complete or not at all.
          s.execute("ALTER DATABASE " + build + " RENAME TO " + template);
        }
        dropOldTemplates(c, prefix);
        return new Baseline(template, fingerprint, spec.describe(), false, spec.kind(), buildMs, skipped, notes);
      } catch (SQLException e) {
        throw new BaselineException("the shadow database server refused: " + e.getMessage(), e);
      }
    }
  }

  private static String comment(Connection c, String database) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /**
   * Drops all but the {@value #TEMPLATES_KEPT} newest templates of a kind ({@code prefix}), so that a
   * long conversation that writes migration after migration (each a new baseline), or a shared
   * {@code --shadow-url} server used for months, does not keep a full schema copy per baseline ever
   * built. A template dropped while still wanted is rebuilt on its next use; one being cloned or
   * connected to right now refuses the drop and stays.
   */
  private static void dropOldTemplates(Connection c, String prefix) {
    List<String> old = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY oid DESC OFFSET " + TEMPLATES_KEPT)) {
      ps.setString(1, prefix.replace("_", "\\_") + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          old.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      LOG.debug("could not list old shadow templates: {}", e.getMessage());
      return;
    }
    for (String name : old) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
        LOG.info("dropped the old shadow template {} (more than {} of its kind)", name, TEMPLATES_KEPT);
      } catch (SQLException e) {
        LOG.debug("old shadow template {} is in use, kept: {}", name, e.getMessage());
      }
    }
  }

  /** A throwaway copy of a baseline; closing it drops it. */
  public Clone clone(Baseline baseline) {
    String name = "mmcp_dry_" + System.currentTimeMillis() / 1000 + "_" + ProcessHandle.current().pid() + "_"
        + COUNTER.incrementAndGet();
    DatabaseUrl adminUrl = admin.get();
    try (Connection c = Databases.connect(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " TEMPLATE " + baseline.template());
    } catch (SQLException e) {
      throw new BaselineException("cloning the shadow baseline failed: " + e.getMessage(), e);
    }
    return new Clone(adminUrl, name);
  }

  /** A cloned database; {@link #close()} drops it, terminating any session still in it. */
  public static final class Clone implements AutoCloseable {
    private final DatabaseUrl admin;
    private final String name;

    Clone(DatabaseUrl admin, String name) {
      this.admin = admin;
      this.name = name;
    }

    public DatabaseUrl url() {
      return admin.withDatabase(name);
    }

    public String name() {
      return name;
    }

    @Override
    public void close() {
      try (Connection c = Databases.connect(admin)) {
        dropQuietly(c, name);
      } catch (RuntimeException | SQLException e) {
        LOG.warn("could not drop shadow clone {}: {}", name, e.getMessage());
      }
    }
  }

  /**
   * Drops clones and half-built templates that a killed process left behind: no session is
   * connected to them and their process is gone (or they are older than ten minutes).
   *
   * @return the names dropped
   */
  public List<String> dropOrphans() {
    List<String> dropped = new ArrayList<>();
    try (Connection c = Databases.connect(admin.get());
        PreparedStatement ps = c.prepareStatement("""
            SELECT d.datname FROM pg_database d
            WHERE (d.datname LIKE 'mmcp\\_dry\\_%' OR d.datname LIKE 'mmcp\\_build\\_%')
              AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)""");
        ResultSet rs = ps.executeQuery()) {
      List<String> candidates = new ArrayList<>();
      while (rs.next()) {
        candidates.add(rs.getString(1));
      }
      long now = System.currentTimeMillis() / 1000;
      for (String name : candidates) {
        if (isOrphan(name, now)) {
          dropQuietly(c, name);
          dropped.add(name);
        }
      }
    } catch (RuntimeException | SQLException e) {
      LOG.warn("could not look for orphan shadow databases: {}", e.getMessage());
    }
    return dropped;
  }

  private static boolean isOrphan(String name, long now) {
    String[] parts = name.split("_");
    try {
      if (name.startsWith("mmcp_dry_") && parts.length >= 5) {
        long created = Long.parseLong(parts[2]);
        long pid = Long.parseLong(parts[3]);
        return !processAlive(pid) || now - created > ORPHAN_AGE_SECONDS;
      }
      if (name.startsWith("mmcp_build_") && parts.length >= 4) {
        return !processAlive(Long.parseLong(parts[3]));
      }
    } catch (NumberFormatException e) {
      return false;
    }
    return false;
  }

  private static boolean processAlive(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    return handle.isPresent() && handle.get().isAlive() && pid != 0;
  }

  private static boolean exists(Connection c, String database) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void dropQuietly(Connection c, String database) {
    try (Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      LOG.warn("could not drop {}: {}", database, e.getMessage());
    }
  }

  private static String firstLines(String message) {
    if (message == null) {
      return "unknown error";
    }
    String[] lines = message.strip().split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length && i < 6; i++) {
      if (!lines[i].isBlank() && !lines[i].startsWith("---")) {
        sb.append(sb.length() == 0 ? "" : " | ").append(lines[i].strip());
      }
    }
    return sb.toString();
  }


  public static final class BaselineException extends RuntimeException {
    public BaselineException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
