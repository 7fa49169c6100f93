package dev.migrationmcp.tools.sql.model;

/**
 * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name BEFORE|AFTER|INSTEAD OF events ON table …
 * EXECUTE FUNCTION function(…)}.
 *
 * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events the events as written, upper-cased ({@code INSERT OR UPDATE OF status})
 */
public record CreateTrigger(String name, QualifiedName table, boolean orReplace, String timing, String events,
    QualifiedName function) implements Statement {
  @Override
  public String kind() {
    return "CREATE TRIGGER";
  }
}
