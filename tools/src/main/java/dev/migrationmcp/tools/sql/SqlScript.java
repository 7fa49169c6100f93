package dev.migrationmcp.tools.sql;

import java.util.List;

/**
 * A SQL script split into statements with exact positions, plus notes about what is in it but is
 * not a statement (psql meta-commands, COPY data, quotes that never close).
 *
 * <p>Splitting never fails: any input, binary garbage included, yields a script; problems become
 * {@link ScriptNote}s. Time is linear in the size of the input.
 */
public final class SqlScript {
  private final String source;
  private final List<ScriptStatement> statements;
  private final List<ScriptNote> notes;
  private final LineMap lines;

  SqlScript(String source, List<ScriptStatement> statements, List<ScriptNote> notes, LineMap lines) {
    this.source = source;
    this.statements = List.copyOf(statements);
    this.notes = List.copyOf(notes);
    this.lines = lines;
  }

  /** Splits {@code sql} (a whole migration file; a leading UTF-8 BOM and CRLF are fine). */
  public static SqlScript split(String sql) {
    if (sql == null) {
      throw new IllegalArgumentException("sql must not be null");
    }
    return ScriptSplitter.split(sql);
  }

  /** The original script, unchanged. */
  public String source() {
    return source;
  }

  /** Non-empty statements in source order; {@code statements().get(i).index() == i}. */
  public List<ScriptStatement> statements() {
    return statements;
  }

  /** Notes in source order of discovery. */
  public List<ScriptNote> notes() {
    return notes;
  }

  /** Line and column of an offset in the original script (clamped into the script). */
  public SourcePosition position(int offset) {
    return lines.position(offset);
  }

  /**
   * Line and column, in the original script, of an offset inside a statement's text.
   *
   * @param offsetInText 0-based index into {@code statement.text()} (clamped into it)
   */
  public SourcePosition position(ScriptStatement statement, int offsetInText) {
    int inText = Math.max(0, Math.min(offsetInText, statement.text().length()));
    return lines.position(statement.offset() + inText);
  }

  /**
   * Maps PostgreSQL's error {@code position} for a statement to the original script. PostgreSQL
   * counts 1-based characters (code points) into the query string it received; this assumes that
   * string was {@code statement.text()}. Out-of-range positions are clamped into the statement.
   */
  public SourcePosition errorPosition(ScriptStatement statement, int pgPosition) {
    String text = statement.text();
    int characters = Math.max(0, pgPosition - 1);
    int offset = 0;
    while (characters > 0 && offset < text.length()) {
      offset += Character.charCount(text.codePointAt(offset));
      characters--;
    }
    return position(statement, offset);
  }
}
