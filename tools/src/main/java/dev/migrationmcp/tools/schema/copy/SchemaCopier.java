package dev.migrationmcp.tools.schema.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SchemaCopyScript} on an empty database. The script first runs as batches of
 * statements, one transaction each (the common case: the catalog order is right); from the first
 * batch that fails, it is rolled back and the statements run one at a time, those that fail being retried after the rest until a
 * round makes no progress (a function whose signature names a table, a view on a view created
 * later). What still fails is reported as skipped with PostgreSQL's reason, never as a failure of
 * the copy.
 */
public final class SchemaCopier {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaCopier.class);
  /**
   * Statements per batch transaction: each created relation holds a lock until commit, and one
   * transaction creating a whole large schema would run out of lock table slots.
   */
  private static final int CHUNK = 1000;

  private SchemaCopier() {}

  /** Applies {@code script} to {@code target}; returns what could not be created, and why. */
  public static List<SkippedObject> apply(Connection target, SchemaCopyScript script) throws SQLException {
    target.setAutoCommit(true);
    try (Statement s = target.createStatement()) {
      // Names in the script are qualified; function bodies are checked when they run, as pg_dump does.
      s.execute("SET search_path = ''");
      s.execute("SET check_function_bodies = off");
      s.execute("SET client_min_messages = warning");
    }
    List<SkippedObject> skipped = new ArrayList<>();
    List<DdlStep> steps = withoutUnavailableExtensions(target, script.steps(), skipped);
    int done = 0;
    while (done < steps.size()) {
      List<DdlStep> chunk = steps.subList(done, Math.min(done + CHUNK, steps.size()));
      if (!inOneBatch(target, chunk)) {
        break;
      }
      done += chunk.size();
    }
    List<DdlStep> pending = steps.subList(done, steps.size());
    Map<DdlStep, String> errors = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      List<DdlStep> failed = new ArrayList<>();
      for (DdlStep step : pending) {
        try (Statement s = target.createStatement()) {
          s.execute(step.sql());
          errors.remove(step);
        } catch (SQLException e) {
          failed.add(step);
          errors.put(step, firstLine(e.getMessage()));
        }
      }
      if (failed.size() == pending.size()) {
        break;
      }
      pending = failed;
    }
    errors.forEach((step, error) -> skipped.add(new SkippedObject(step.kind(), step.name(), "the shadow refused it: " + error)));
    return skipped;
  }

  /** Extensions the shadow server does not ship are reported up front, not tried. */
  private static List<DdlStep> withoutUnavailableExtensions(Connection target, List<DdlStep> steps,
      List<SkippedObject> skipped) throws SQLException {
    Set<String> available = new HashSet<>();
    try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM pg_available_extensions")) {
      while (rs.next()) {
        available.add(rs.getString(1));
      }
    }
    List<DdlStep> out = new ArrayList<>();
    for (DdlStep step : steps) {
      if (step.kind().equals("extension") && !available.contains(step.name())) {
        skipped.add(new SkippedObject("extension", step.name(), "not available on the shadow server; objects that "
            + "use it are skipped too"));
      } else {
        out.add(step);
      }
    }
    return out;
  }

  private static boolean inOneBatch(Connection target, List<DdlStep> steps) throws SQLException {
    target.setAutoCommit(false);
    try (Statement s = target.createStatement()) {
      for (DdlStep step : steps) {
        s.addBatch(step.sql());
      }
      s.executeBatch();
      target.commit();
      return true;
    } catch (SQLException e) {
      target.rollback();
      LOG.info("schema copy: the one-batch attempt failed ({}); creating statement by statement", firstLine(e.getMessage()));
      return false;
    } finally {
      target.setAutoCommit(true);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
