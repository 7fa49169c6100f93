package dev.migrationmcp.tools.dryrun;

/**
 * A template database holding the schema a dry run starts from.
 *
 * @param template the template database's name on the shadow server
 * @param fingerprint sha256 of what built it (migration files and their contents)
 * @param description what it contains, for reports ({@code 12 migrations up to V12})
 * @param reused whether an existing template was reused rather than built now
 */
public record Baseline(String template, String fingerprint, String description, boolean reused) {}
