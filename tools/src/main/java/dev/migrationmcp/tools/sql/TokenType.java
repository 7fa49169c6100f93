package dev.migrationmcp.tools.sql;

/** The kinds of token {@link SqlLexer} tells apart; enough to split scripts and read DDL. */
public enum TokenType {
  /** An unquoted identifier or keyword ({@code alter}, {@code my_table}, {@code e$x}). */
  WORD,
  /** {@code "Name"} or {@code U&"d\0061t"}. */
  QUOTED_IDENTIFIER,
  /** {@code 'x'}, {@code E'\n'}, {@code U&'…'}, {@code B'101'}, {@code X'ff'}, {@code N'x'}. */
  STRING,
  /** {@code $$…$$} or {@code $tag$…$tag$}. */
  DOLLAR_STRING,
  /** {@code 42}, {@code 3.14}, {@code .5e-3}, {@code 0x1F}, {@code 1_000}. */
  NUMBER,
  /** A positional parameter such as {@code $1}. */
  PARAMETER,
  /**
   * A placeholder that a tool substitutes before PostgreSQL sees the SQL, standing where a name
   * or literal would: Flyway {@code ${name}}, psql {@code :name}/{@code :'name'}/{@code :"name"},
   * extension-script {@code @extschema@}, Go-template {@code {{ … }}}.
   */
  PLACEHOLDER,
  /** An operator: {@code =}, {@code ::}, {@code ->>}, {@code :=}, {@code ||}. */
  OPERATOR,
  /** One of {@code ( ) [ ] , ; . :} or a character SQL gives no meaning to. */
  PUNCTUATION,
  /** {@code -- …} up to (not including) the line break. */
  LINE_COMMENT,
  /** {@code /* … *}{@code /}, nested comments included. */
  BLOCK_COMMENT,
  /** A psql meta-command: a backslash outside quotes, up to the end of the line. */
  META_COMMAND,
  /** End of input. */
  EOF
}
