package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.flyway.FlywayChecksum;
import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.FlywayContext;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A versioned migration that was already applied, edited since: its Flyway checksum (CRC-32 over
 * its lines, as {@code flyway_schema_history} stores it) no longer matches, so validate fails, and
 * databases that ran it never see the change.
 */
@LintRule(id = "flyway-applied-migration-modified", severity = Severity.ERROR, category = Category.FLYWAY,
    summary = "an applied Flyway migration was edited: its checksum differs from flyway_schema_history")
public final class FlywayAppliedMigrationModified implements Rule {
  @Override
  public void finish(ScriptContext c) {
    Optional<FlywayContext> flyway = c.flyway();
    if (flyway.isEmpty() || flyway.get().appliedChecksums().isEmpty() || c.script().statements().isEmpty()) {
      return;
    }
    String name = flyway.get().baseName();
    Optional<MigrationFile> file = FlywayNames.parse(name);
    if (file.isEmpty() || file.get().type() != MigrationFile.Type.VERSIONED) {
      return;
    }
    Integer applied = null;
    String appliedVersion = null;
    for (Map.Entry<String, Integer> e : flyway.get().appliedChecksums().entrySet()) {
      if (sameVersion(e.getKey(), file.get().version())) {
        applied = e.getValue();
        appliedVersion = e.getKey();
      }
    }
    if (applied == null) {
      return;
    }
    int now = FlywayChecksum.of(c.script().script().source());
    if (now == applied) {
      return;
    }
    String next = "V" + FlywayNames.next(FlywayNames.highest(flyway.get().siblingFiles())) + "__"
        + file.get().description().replace(' ', '_') + "_followup.sql";
    c.report(c.script().statements().get(0))
        .message(name + " was already applied as version " + appliedVersion + " with checksum " + applied
            + ", but its content now has checksum " + now + ": flyway validate — and migrate, which validates first by "
            + "default — fails with a checksum mismatch, and databases that already ran it never get the change")
        .why("Flyway records a CRC-32 of every applied migration's lines and compares it on each run; an applied "
            + "migration is history and is never run again, so edits to it reach only new databases.")
        .fix("Restore " + name + " to what was applied (git checkout <applied commit> -- " + flyway.get().fileName()
            + ") and put the change in a new migration, " + next + "; if the edit is only cosmetic (comments, "
            + "whitespace), run flyway repair to record the new checksum instead.")
        .emit();
  }

  private static boolean sameVersion(String text, MigrationVersion version) {
    try {
      return MigrationVersion.fromVersion(text.strip()).compareTo(version) == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
