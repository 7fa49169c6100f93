package dev.migrationmcp.tools.lint;

import java.util.Map;
import java.util.Set;

/**
 * Everything configurable about a lint run.
 *
 * @param pgVersion PostgreSQL major version the migration will run on
 * @param disabled rule ids switched off
 * @param enabled opt-in rule ids switched on
 * @param severities per-rule severity overrides
 * @param thresholds live table sizes that relax or escalate locking findings
 * @param flywayTransaction whether Flyway wraps each script in a transaction (its default)
 */
public record LintSettings(int pgVersion, Set<String> disabled, Set<String> enabled, Map<String, Severity> severities,
    Thresholds thresholds, boolean flywayTransaction) {

  public static final int DEFAULT_PG_VERSION = 17;

  public LintSettings {
    disabled = Set.copyOf(disabled);
    enabled = Set.copyOf(enabled);
    severities = Map.copyOf(severities);
  }

  public static LintSettings defaults() {
    return new LintSettings(DEFAULT_PG_VERSION, Set.of(), Set.of(), Map.of(), Thresholds.DEFAULT, true);
  }

  public LintSettings withPgVersion(int version) {
    return new LintSettings(version, disabled, enabled, severities, thresholds, flywayTransaction);
  }

  public LintSettings withFlywayTransaction(boolean inTransaction) {
    return new LintSettings(pgVersion, disabled, enabled, severities, thresholds, inTransaction);
  }
}
