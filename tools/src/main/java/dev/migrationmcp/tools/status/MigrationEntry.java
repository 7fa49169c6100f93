package dev.migrationmcp.tools.status;

import java.time.OffsetDateTime;

/**
 * One migration as Flyway's {@code info} sees it: a file, a row of the history table, or both.
 *
 * @param version null for a repeatable migration
 * @param state Flyway's state in lower case: {@code success}, {@code pending}, {@code failed},
 *     {@code out_of_order}, {@code missing_success}, {@code future_success}, {@code ignored}, …
 * @param path the file, relative to the project when inside it; null when the file is gone
 * @param checksumMatches false when the file changed after it was applied; null when there is
 *     nothing to compare (not applied, or no file)
 */
public record MigrationEntry(
    String version,
    String description,
    String type,
    String script,
    String state,
    String path,
    Integer installedRank,
    OffsetDateTime installedOn,
    String installedBy,
    Integer executionTimeMs,
    Integer appliedChecksum,
    Integer fileChecksum,
    Boolean checksumMatches) {

  /** {@code V3 add orders} or {@code R add views}, for messages. */
  public String label() {
    return (version == null ? "R" : "V" + version) + (description == null || description.isEmpty() ? "" : " " + description);
  }
}
