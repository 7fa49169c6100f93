package dev.migrationmcp.tools.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a script, exactly as written.
 *
 * @param index 0-based position among the script's statements (empty statements are not counted)
 * @param text the statement's source from its first token to its last, without the terminating
 *     semicolon and without the whitespace and comments around it
 * @param offset where {@code text} starts in the original script
 * @param endOffset where {@code text} ends (exclusive) in the original script
 * @param line 1-based line of the first character
 * @param column 1-based column (in characters) of the first character
 * @param leadingComment the {@code --} and {@code /* *}{@code /} comments between the previous
 *     statement and this one, exactly as written (markers included), or {@code ""} when there are
 *     none; a comment on the same line as the previous statement's end belongs to that statement
 *     and is not included. Suppression comments and rationale are read from here.
 */
public record ScriptStatement(
    int index, String text, int offset, int endOffset, int line, int column, String leadingComment) {

  /**
   * The leading comment as lines of text without comment markers, trimmed, empty lines dropped:
   * {@code -- migration-mcp:ignore drop-table old} gives {@code migration-mcp:ignore drop-table old}.
   */
  public List<String> leadingCommentLines() {
    List<String> lines = new ArrayList<>();
    SqlLexer lexer = new SqlLexer(leadingComment);
    for (TokenType t = lexer.next(); t != TokenType.EOF; t = lexer.next()) {
      String raw = leadingComment.substring(lexer.start(), lexer.end());
      String body;
      if (t == TokenType.LINE_COMMENT) {
        body = raw.substring(2);
      } else if (t == TokenType.BLOCK_COMMENT) {
        body = raw.substring(2, raw.endsWith("*/") && raw.length() >= 4 ? raw.length() - 2 : raw.length());
      } else {
        continue;
      }
      for (String line : body.split("\r\n|\r|\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("*") && t == TokenType.BLOCK_COMMENT) {
          trimmed = trimmed.substring(1).strip();
        }
        if (!trimmed.isEmpty()) {
          lines.add(trimmed);
        }
      }
    }
    return lines;
  }
}
