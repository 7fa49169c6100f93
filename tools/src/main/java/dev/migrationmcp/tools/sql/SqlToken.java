package dev.migrationmcp.tools.sql;

/**
 * One token of SQL source.
 *
 * @param text the exact source text, quotes included
 * @param start offset of the first character in the lexed source
 * @param end offset just after the last character
 * @param unterminated the quote or comment never closes (the token runs to the end of input)
 */
public record SqlToken(TokenType type, String text, int start, int end, boolean unterminated) {

  /** True for an unquoted word equal, ignoring ASCII case, to {@code word} (given in lower case). */
  public boolean is(String word) {
    return type == TokenType.WORD && text.length() == word.length() && text.equalsIgnoreCase(word);
  }

  /** True for punctuation or an operator spelled exactly {@code symbol}. */
  public boolean isSymbol(String symbol) {
    return (type == TokenType.PUNCTUATION || type == TokenType.OPERATOR) && text.equals(symbol);
  }

  /** True for an unquoted word, a quoted identifier or a placeholder: something that can name an object. */
  public boolean isIdentifier() {
    return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER || type == TokenType.PLACEHOLDER;
  }

  /**
   * The value PostgreSQL sees: an unquoted word folded to lower case, a quoted identifier with
   * {@code ""} undoubled, a string literal with its quotes removed and escapes decoded, a dollar
   * quote's body; other tokens as written.
   */
  public String value() {
    switch (type) {
      case WORD:
        return Identifiers.fold(text);
      case QUOTED_IDENTIFIER:
        return Literals.quotedIdentifier(text);
      case STRING:
        return Literals.string(text);
      case DOLLAR_STRING:
        return Literals.dollarBody(text);
      default:
        return text;
    }
  }
}
