package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.SourcePosition;
import dev.migrationmcp.tools.sql.model.Statement;

/**
 * A statement of a script together with what it was read as.
 *
 * @param source the statement's text and position in the script
 * @param statement the model (never null)
 */
public record ReadStatement(ScriptStatement source, Statement statement) {
  public int index() {
    return source.index();
  }

  public int line() {
    return source.line();
  }

  public int column() {
    return source.column();
  }

  public String kind() {
    return statement.kind();
  }

  public Statement.Coverage coverage() {
    return statement.coverage();
  }

  /**
   * Where {@code fragment} first occurs in the statement, in script terms, so a finding can point
   * at the offending part: model fields such as a DEFAULT expression, a USING clause or an
   * {@link dev.migrationmcp.tools.sql.model.AlterTableAction.OtherAlterAction} are exact source
   * text. Falls back to the statement's start when the fragment is null or not found.
   */
  public SourcePosition position(String fragment) {
    int at = fragment == null || fragment.isEmpty() ? -1 : source.text().indexOf(fragment);
    return StatementReader.position(source.text(), source, Math.max(0, at));
  }

  /** Script position of an offset (0-based, UTF-16) inside the statement's text. */
  public SourcePosition position(int offsetInText) {
    return StatementReader.position(source.text(), source, offsetInText);
  }
}
