package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.ScriptNote;
import dev.migrationmcp.tools.sql.SqlScript;
import dev.migrationmcp.tools.sql.model.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A script split and read: one {@link ReadStatement} per statement, in order, plus the split's
 * notes.
 */
public record ReadScript(SqlScript script, List<ReadStatement> statements) {
  public ReadScript {
    statements = List.copyOf(statements);
  }

  public List<ScriptNote> notes() {
    return script.notes();
  }

  /** The statements the reader could not read (each with its reason). */
  public List<ReadStatement> unparsed() {
    return statements.stream().filter(s -> s.coverage() == Statement.Coverage.UNPARSED).collect(Collectors.toList());
  }
}
