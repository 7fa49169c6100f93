package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.ScriptStatement;
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
}
