package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.schema.copy.SkippedObject;
import java.util.List;

/**
 * A template database holding the schema a dry run starts from.
 *
 * @param template the template database's name on the shadow server
 * @param fingerprint sha256 of what built it: the migration files and their contents, or the DDL
 *     of the live schema it copies
 * @param description what it contains, for reports ({@code 12 migrations up to V12})
 * @param reused whether an existing template was reused rather than built now
 * @param kind {@code migrations} (the project's migrations replayed) or {@code live} (a
 *     schema-only copy of the live database)
 * @param buildMs how long building it took, when it was built now; null when reused
 * @param skipped live objects the copy does not have, and why (empty for migrations)
 * @param notes what a reader of the dry run should know about this baseline
 */
public record Baseline(String template, String fingerprint, String description, boolean reused, String kind,
    Long buildMs, List<SkippedObject> skipped, List<String> notes) {

  public static final String MIGRATIONS = "migrations";
  public static final String LIVE = "live";

  public Baseline {
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /** A baseline replayed from the project's migrations. */
  public Baseline(String template, String fingerprint, String description, boolean reused) {
    this(template, fingerprint, description, reused, MIGRATIONS, null, List.of(), List.of());
  }
}
