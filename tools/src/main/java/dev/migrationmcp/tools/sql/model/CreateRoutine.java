package dev.migrationmcp.tools.sql.model;

/**
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE name (args) … LANGUAGE lang AS body}.
 *
 * @param language the language in lower case, or null when not written ({@code sql} for BEGIN ATOMIC)
 * @param body the body with quotes removed, the BEGIN ATOMIC block, or the RETURN expression; null
 *     when not found
 */
public record CreateRoutine(QualifiedName name, boolean procedure, boolean orReplace, String language, String body)
    implements Statement {
  @Override
  public String kind() {
    return procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION";
  }
}
