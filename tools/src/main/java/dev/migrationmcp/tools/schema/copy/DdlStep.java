package dev.migrationmcp.tools.schema.copy;

/**
 * One statement of a schema copy.
 *
 * @param kind what it creates ({@code table}, {@code index}, {@code function}, …), for reports
 * @param name the object's qualified name
 * @param sql one statement, without a trailing semicolon
 */
public record DdlStep(String kind, String name, String sql) {}
