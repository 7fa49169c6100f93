package dev.migrationmcp.tools.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL lexer in the spirit of {@code scan.l}/{@code psqlscan.l}: it knows every way SQL
 * quotes text (standard, {@code E''}, {@code U&''}, dollar quotes, quoted identifiers, nested
 * comments) so that nothing inside a quote is mistaken for a keyword or a semicolon.
 *
 * <p>It is a cursor: {@link #next()} advances and the token is read through {@link #start()},
 * {@link #end()} and {@link #unterminated()}, so splitting a large script allocates nothing per
 * token. Every call advances at least one character and never looks back, so lexing is linear and
 * total: any input, binary garbage included, yields tokens and never throws. An unterminated quote
 * or comment becomes one token running to the end of input with {@link #unterminated()} set.
 */
public final class SqlLexer {
  private final String s;
  private final int limit;
  private int pos;
  private TokenType type;
  private int start;
  private int end;
  private boolean unterminated;

  /** Lexes {@code source} from {@code from} (inclusive) to {@code to} (exclusive). */
  public SqlLexer(String source, int from, int to) {
    if (from < 0 || to > source.length() || from > to) {
      throw new IllegalArgumentException(
          "range " + from + ".." + to + " is outside the source of length " + source.length());
    }
    this.s = source;
    this.limit = to;
    this.pos = from;
  }

  /** Lexes the whole of {@code source}. */
  public SqlLexer(String source) {
    this(source, 0, source.length());
  }

  /** All tokens of {@code source} except comments and meta-commands, as records. */
  public static List<SqlToken> tokens(String source) {
    SqlLexer lexer = new SqlLexer(source);
    List<SqlToken> out = new ArrayList<>();
    for (TokenType t = lexer.next(); t != TokenType.EOF; t = lexer.next()) {
      if (t != TokenType.LINE_COMMENT && t != TokenType.BLOCK_COMMENT && t != TokenType.META_COMMAND) {
        out.add(lexer.token());
      }
    }
    return out;
  }

  /** The current token as a record (its text and decoded value materialised). */
  public SqlToken token() {
    return new SqlToken(type, s.substring(start, end), start, end, unterminated);
  }

  public TokenType type() {
    return type;
  }

  /** Offset of the current token's first character in the source. */
  public int start() {
    return start;
  }

  /** Offset just after the current token. */
  public int end() {
    return end;
  }

  /** True when the current quote, dollar quote or comment never closes. */
  public boolean unterminated() {
    return unterminated;
  }

  /** Moves the cursor to {@code offset}; the next token starts there (used to skip COPY data). */
  public void reset(int offset) {
    pos = Math.max(pos, Math.min(offset, limit));
  }

  /** Advances to the next token, skipping whitespace, and returns its type. */
  public TokenType next() {
    while (pos < limit && isSpace(s.charAt(pos))) {
      pos++;
    }
    start = pos;
    unterminated = false;
    if (pos >= limit) {
      end = pos;
      return type = TokenType.EOF;
    }
    char c = s.charAt(pos);
    char c1 = pos + 1 < limit ? s.charAt(pos + 1) : '\0';
    char c2 = pos + 2 < limit ? s.charAt(pos + 2) : '\0';
    if (isIdentStart(c)) {
      if ((c == 'e' || c == 'E') && c1 == '\'') {
        return finish(TokenType.STRING, escapeString(pos + 2));
      }
      if ((c == 'u' || c == 'U') && c1 == '&' && c2 == '\'') {
        return finish(TokenType.STRING, standardString(pos + 3));
      }
      if ((c == 'u' || c == 'U') && c1 == '&' && c2 == '"') {
        return finish(TokenType.QUOTED_IDENTIFIER, quotedIdentifier(pos + 3));
      }
      if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && c1 == '\'') {
        return finish(TokenType.STRING, standardString(pos + 2));
      }
      int p = pos + 1;
      while (p < limit && isIdentPart(s.charAt(p))) {
        p++;
      }
      return finish(TokenType.WORD, p);
    }
    switch (c) {
      case '\'':
        return finish(TokenType.STRING, standardString(pos + 1));
      case '"':
        return finish(TokenType.QUOTED_IDENTIFIER, quotedIdentifier(pos + 1));
      case '$':
        return dollar(c1);
      case '-':
        if (c1 == '-') {
          return finish(TokenType.LINE_COMMENT, lineEnd(pos + 2));
        }
        return operator();
      case '/':
        if (c1 == '*') {
          return finish(TokenType.BLOCK_COMMENT, blockComment(pos + 2));
        }
        return operator();
      case '\\':
        return finish(TokenType.META_COMMAND, lineEnd(pos + 1));
      case '(': case ')': case '[': case ']': case ',': case ';':
        return finish(TokenType.PUNCTUATION, pos + 1);
      case ':':
        if (c1 == ':' || c1 == '=') {
          return finish(TokenType.OPERATOR, pos + 2);
        }
        if (isIdentStart(c1)) {
          int p = pos + 2;
          while (p < limit && isIdentPart(s.charAt(p)) && s.charAt(p) != '$') {
            p++;
          }
          return finish(TokenType.PLACEHOLDER, p);
        }
        if (c1 == '\'' || c1 == '"') {
          int close = s.indexOf(c1, pos + 2);
          if (close > pos + 2 && close < limit && isPlainName(pos + 2, close)) {
            return finish(TokenType.PLACEHOLDER, close + 1);
          }
        }
        return finish(TokenType.PUNCTUATION, pos + 1);
      case '{':
        if (c1 == '{') {
          int close = s.indexOf("}}", pos + 2);
          if (close >= 0 && close + 2 <= limit) {
            return finish(TokenType.PLACEHOLDER, close + 2);
          }
        }
        return finish(TokenType.PUNCTUATION, pos + 1);
      case '.':
        if (isDigit(c1)) {
          return finish(TokenType.NUMBER, number(pos));
        }
        return finish(TokenType.PUNCTUATION, pos + 1);
      default:
        if (isDigit(c)) {
          return finish(TokenType.NUMBER, number(pos));
        }
        if (c == '@' && isIdentStart(c1)) {
          int p = pos + 2;
          while (p < limit && isIdentPart(s.charAt(p)) && s.charAt(p) != '$') {
            p++;
          }
          if (p < limit && s.charAt(p) == '@') {
            return finish(TokenType.PLACEHOLDER, p + 1);
          }
        }
        if (isOperatorChar(c)) {
          return operator();
        }
        return finish(TokenType.PUNCTUATION, pos + 1);
    }
  }

  private TokenType finish(TokenType t, int tokenEnd) {
    end = tokenEnd;
    pos = tokenEnd;
    return type = t;
  }

  private TokenType dollar(char c1) {
    if (c1 == '{') {
      int close = s.indexOf('}', pos + 2);
      if (close > pos + 2 && close < limit && s.lastIndexOf('\n', close) < pos) {
        return finish(TokenType.PLACEHOLDER, close + 1);
      }
    }
    if (isDigit(c1)) {
      int p = pos + 1;
      while (p < limit && isDigit(s.charAt(p))) {
        p++;
      }
      return finish(TokenType.PARAMETER, p);
    }
    int p = pos + 1;
    if (p < limit && isIdentStart(s.charAt(p))) {
      p++;
      while (p < limit && isDollarTagPart(s.charAt(p))) {
        p++;
      }
    }
    if (p < limit && s.charAt(p) == '$') {
      String delimiter = s.substring(pos, p + 1);
      int close = s.indexOf(delimiter, p + 1);
      if (close < 0 || close + delimiter.length() > limit) {
        unterminatedAt();
        return finish(TokenType.DOLLAR_STRING, limit);
      }
      return finish(TokenType.DOLLAR_STRING, close + delimiter.length());
    }
    return finish(TokenType.PUNCTUATION, pos + 1);
  }

  private TokenType operator() {
    int p = pos;
    while (p < limit && isOperatorChar(s.charAt(p))) {
      char ch = s.charAt(p);
      char next = p + 1 < limit ? s.charAt(p + 1) : '\0';
      if (p > pos && ((ch == '-' && next == '-') || (ch == '/' && next == '*'))) {
        break;
      }
      p++;
    }
    // As PostgreSQL: a multi-character operator may not end in + or - unless it contains one of
    // ~ ! @ # % ^ & | ` ?, so "=-1" is "=" then "-1" and "<>-1" is "<>" then "-1".
    if (p - pos > 1 && !hasSpecialOperatorChar(pos, p)) {
      while (p - pos > 1 && (s.charAt(p - 1) == '+' || s.charAt(p - 1) == '-')) {
        p--;
      }
    }
    return finish(TokenType.OPERATOR, p);
  }

  private boolean hasSpecialOperatorChar(int from, int to) {
    for (int i = from; i < to; i++) {
      switch (s.charAt(i)) {
        case '~': case '!': case '@': case '#': case '%': case '^': case '&': case '|': case '`': case '?':
          return true;
        default:
          break;
      }
    }
    return false;
  }

  private int standardString(int from) {
    int p = from;
    while (p < limit) {
      if (s.charAt(p) == '\'') {
        if (p + 1 < limit && s.charAt(p + 1) == '\'') {
          p += 2;
          continue;
        }
        return p + 1;
      }
      p++;
    }
    unterminatedAt();
    return limit;
  }

  private int escapeString(int from) {
    int p = from;
    while (p < limit) {
      char ch = s.charAt(p);
      if (ch == '\\') {
        p += 2;
        continue;
      }
      if (ch == '\'') {
        if (p + 1 < limit && s.charAt(p + 1) == '\'') {
          p += 2;
          continue;
        }
        return p + 1;
      }
      p++;
    }
    unterminatedAt();
    return limit;
  }

  private int quotedIdentifier(int from) {
    int p = from;
    while (p < limit) {
      if (s.charAt(p) == '"') {
        if (p + 1 < limit && s.charAt(p + 1) == '"') {
          p += 2;
          continue;
        }
        return p + 1;
      }
      p++;
    }
    unterminatedAt();
    return limit;
  }

  private int blockComment(int from) {
    int depth = 1;
    int p = from;
    while (p < limit) {
      char ch = s.charAt(p);
      char next = p + 1 < limit ? s.charAt(p + 1) : '\0';
      if (ch == '/' && next == '*') {
        depth++;
        p += 2;
      } else if (ch == '*' && next == '/') {
        depth--;
        p += 2;
        if (depth == 0) {
          return p;
        }
      } else {
        p++;
      }
    }
    unterminatedAt();
    return limit;
  }

  private int lineEnd(int from) {
    int p = from;
    while (p < limit && s.charAt(p) != '\n' && s.charAt(p) != '\r') {
      p++;
    }
    return p;
  }

  private int number(int from) {
    int p = from;
    while (p < limit && (isDigit(s.charAt(p)) || s.charAt(p) == '_')) {
      p++;
    }
    if (p < limit && s.charAt(p) == '.' && !(p + 1 < limit && s.charAt(p + 1) == '.')) {
      p++;
      while (p < limit && (isDigit(s.charAt(p)) || s.charAt(p) == '_')) {
        p++;
      }
    }
    if (p < limit && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
      int q = p + 1;
      if (q < limit && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
        q++;
      }
      if (q < limit && isDigit(s.charAt(q))) {
        p = q;
        while (p < limit && isDigit(s.charAt(p))) {
          p++;
        }
      }
    }
    // 0x1F, 0o17, 0b101 (PostgreSQL 16) and trailing junk, which PostgreSQL rejects anyway.
    while (p < limit && isIdentPart(s.charAt(p)) && s.charAt(p) != '$') {
      p++;
    }
    return p;
  }

  private boolean isPlainName(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isIdentPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void unterminatedAt() {
    unterminated = true;
  }

  /** Whitespace as PostgreSQL's lexer sees it. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** A character that may start an unquoted identifier (any non-ASCII character may). */
  public static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
  }

  /** A character that may continue an unquoted identifier. */
  public static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isDollarTagPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOperatorChar(char c) {
    switch (c) {
      case '+': case '-': case '*': case '/': case '<': case '>': case '=': case '~': case '!':
      case '@': case '#': case '%': case '^': case '&': case '|': case '`': case '?':
        return true;
      default:
        return false;
    }
  }
}
