package dev.migrationmcp.tools.sql;

/**
 * Something in a script that is not a statement but deserves a word: a psql meta-command, COPY
 * data, or a quote, comment or parenthesis that never closes. Notes are never fatal.
 *
 * @param text the source the note is about (a meta-command line, or the opening of the quote)
 * @param offset where it starts in the original script
 * @param message one sentence for a human, naming the line and column
 */
public record ScriptNote(Kind kind, String text, int offset, int line, int column, String message) {

  /** What the note is about. */
  public enum Kind {
    /** A psql meta-command such as {@code \set}, {@code \i}, {@code \connect}: skipped. */
    META_COMMAND,
    /** The data lines after {@code COPY … FROM stdin}, up to {@code \.}: skipped. */
    COPY_DATA,
    /** A {@code '…'} string (any flavour) that never closes. */
    UNTERMINATED_STRING,
    /** A {@code "…"} identifier that never closes. */
    UNTERMINATED_QUOTED_IDENTIFIER,
    /** A {@code $tag$} body that never closes. */
    UNTERMINATED_DOLLAR_QUOTE,
    /** A block comment that never closes. */
    UNTERMINATED_COMMENT,
    /** A parenthesis still open at the end of the script (it swallowed any later semicolons). */
    UNCLOSED_PARENTHESIS,
    /** A {@code BEGIN ATOMIC} function body with no matching {@code END}. */
    UNCLOSED_ATOMIC_BLOCK
  }
}
