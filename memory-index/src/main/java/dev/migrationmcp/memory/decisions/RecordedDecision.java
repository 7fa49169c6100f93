package dev.migrationmcp.memory.decisions;

/**
 * A decision record that was written.
 *
 * @param id its number, e.g. {@code 0007}
 * @param path the file, relative to the project when inside it
 */
public record RecordedDecision(String id, String path, String title, String status, String date) {}
