package dev.migrationmcp.tools.sql;

/**
 * A place in a script.
 *
 * @param offset index into the script string (UTF-16 units, as {@link String#charAt})
 * @param line 1-based line; {@code \n}, {@code \r\n} and a lone {@code \r} each end a line
 * @param column 1-based column counted in characters (Unicode code points), so it matches what an
 *     editor shows; a UTF-8 byte-order mark at the start is not counted
 */
public record SourcePosition(int offset, int line, int column) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
