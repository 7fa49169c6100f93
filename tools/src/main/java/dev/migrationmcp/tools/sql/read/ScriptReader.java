package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;

/** Splits a script and reads every statement into the model. Never throws for any input. */
public final class ScriptReader {
  private ScriptReader() {}

  /** Splits and reads {@code sql}. */
  public static ReadScript read(String sql) {
    return read(SqlScript.split(sql));
  }

  /** Reads every statement of an already split script. */
  public static ReadScript read(SqlScript script) {
    List<ReadStatement> statements = new ArrayList<>(script.statements().size());
    for (ScriptStatement s : script.statements()) {
      statements.add(StatementReader.read(s));
    }
    return new ReadScript(script, statements);
  }
}
