package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cursor over one statement's tokens with the small vocabulary the readers share: look ahead
 * for keywords, accept or expect them, read names, lists and balanced expressions as source text.
 * Errors name what was expected and the token found; the offset gives line and column.
 */
final class TokenCursor {
  private final String text;
  private final List<SqlToken> tokens;
  private final SqlToken eof;
  private int pos;

  TokenCursor(String text) {
    this.text = text;
    List<SqlToken> all = SqlLexer.tokens(text);
    int n = all.size();
    while (n > 0 && all.get(n - 1).isSymbol(";")) {
      n--;
    }
    this.tokens = n == all.size() ? all : new ArrayList<>(all.subList(0, n));
    int end = n == 0 ? 0 : tokens.get(n - 1).end();
    this.eof = new SqlToken(TokenType.EOF, "", end, end, false);
  }

  String text() {
    return text;
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  boolean atEnd() {
    return pos >= tokens.size();
  }

  SqlToken peek() {
    return peek(0);
  }

  SqlToken peek(int ahead) {
    int i = pos + ahead;
    return i < tokens.size() ? tokens.get(i) : eof;
  }

  SqlToken next() {
    SqlToken t = peek();
    if (pos < tokens.size()) {
      pos++;
    }
    return t;
  }

  /** The lower-case word at the cursor, or "" when it is not an unquoted word. */
  String word() {
    return word(0);
  }

  String word(int ahead) {
    SqlToken t = peek(ahead);
    return t.type() == TokenType.WORD ? t.value() : "";
  }

  /** True when the next tokens are exactly these unquoted words (given in lower case). */
  boolean at(String... words) {
    for (int i = 0; i < words.length; i++) {
      if (!peek(i).is(words[i])) {
        return false;
      }
    }
    return true;
  }

  boolean accept(String... words) {
    if (at(words)) {
      pos += words.length;
      return true;
    }
    return false;
  }

  void expect(String... words) {
    for (String w : words) {
      if (!peek().is(w)) {
        throw error(w.toUpperCase(java.util.Locale.ROOT));
      }
      pos++;
    }
  }

  boolean atSymbol(String symbol) {
    return peek().isSymbol(symbol);
  }

  boolean acceptSymbol(String symbol) {
    if (atSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw error("'" + symbol + "'");
    }
  }

  void expectEnd() {
    if (!atEnd()) {
      throw error("end of statement");
    }
  }

  /** A name: an unquoted word (keywords included, as PostgreSQL allows in most places) or a quoted identifier. */
  String identifier(String what) {
    SqlToken t = peek();
    if (!t.isIdentifier()) {
      throw error(what);
    }
    pos++;
    return t.value();
  }

  /** {@code name}, {@code schema.name} or {@code db.schema.name} (the database part dropped). */
  QualifiedName qualifiedName(String what) {
    String first = identifier(what);
    List<String> parts = new ArrayList<>(3);
    parts.add(first);
    while (atSymbol(".") && peek(1).isIdentifier()) {
      pos++;
      parts.add(identifier(what));
    }
    int n = parts.size();
    return n == 1 ? QualifiedName.of(first) : new QualifiedName(parts.get(n - 2), parts.get(n - 1));
  }

  /** {@code name [, name …]}. */
  List<QualifiedName> qualifiedNames(String what) {
    List<QualifiedName> names = new ArrayList<>();
    do {
      names.add(qualifiedName(what));
    } while (acceptSymbol(","));
    return names;
  }

  /**
   * {@code (a, b DESC, c)}: the leading identifier of each item; anything after it in the item
   * (WITHOUT OVERLAPS, PERIOD, ordering) is skipped.
   */
  List<String> identifierList(String what) {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    if (acceptSymbol(")")) {
      return names;
    }
    do {
      if (at("period") && peek(1).isIdentifier()) {
        next();
      }
      names.add(identifier(what));
      skipToListSeparator();
    } while (acceptSymbol(","));
    expectSymbol(")");
    return names;
  }

  /** Skips tokens (balanced) up to the next top-level ',' or ')'. */
  void skipToListSeparator() {
    int depth = 0;
    while (!atEnd()) {
      SqlToken t = peek();
      if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
        return;
      }
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
      }
      pos++;
    }
  }

  /** Consumes a balanced {@code ( … )} and returns the text between the parentheses. */
  String parenthesized(String what) {
    if (!atSymbol("(")) {
      throw error(what);
    }
    int open = pos;
    int depth = 0;
    while (!atEnd()) {
      SqlToken t = next();
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
        if (depth == 0) {
          int innerStart = tokens.get(open).end();
          return text.substring(innerStart, t.start()).strip();
        }
      }
    }
    throw new ReadException("parenthesis opened here is never closed", tokens.get(open).start());
  }

  /** Skips a balanced {@code ( … )} when the cursor is on one. */
  void skipParenthesized() {
    if (atSymbol("(")) {
      parenthesized("'('");
    }
  }

  /**
   * Consumes an expression up to a top-level {@code ,}, {@code )}, {@code ]} or one of
   * {@code stopWords} (lower case; checked after the first token), keeping parentheses, brackets
   * and CASE … END balanced. Returns the expression's source text.
   */
  String expression(String what, Set<String> stopWords) {
    int first = pos;
    int depth = 0;
    while (!atEnd()) {
      SqlToken t = peek();
      if (depth == 0) {
        if (t.isSymbol(",") || t.isSymbol(")") || t.isSymbol("]")) {
          break;
        }
        if (pos > first && t.type() == TokenType.WORD && stopWords.contains(t.value())) {
          break;
        }
      }
      if (t.isSymbol("(") || t.isSymbol("[") || t.is("case")) {
        depth++;
      } else if ((t.isSymbol(")") || t.isSymbol("]") || t.is("end")) && depth > 0) {
        depth--;
      }
      pos++;
    }
    if (pos == first) {
      throw error(what);
    }
    return text.substring(tokens.get(first).start(), tokens.get(pos - 1).end());
  }

  /** Everything from the cursor to the end, as written; consumes it. */
  String rest() {
    if (atEnd()) {
      return "";
    }
    String s = text.substring(peek().start(), tokens.get(tokens.size() - 1).end());
    pos = tokens.size();
    return s;
  }

  /** Source text of the tokens from index {@code from} up to (excluding) the cursor. */
  String textSince(int from) {
    if (from >= pos) {
      return "";
    }
    return text.substring(tokens.get(from).start(), tokens.get(pos - 1).end());
  }

  /** Source text of tokens [from, to). */
  String textBetween(int from, int to) {
    if (from >= to) {
      return "";
    }
    return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
  }

  /**
   * Index of the first token at or after the cursor, at parenthesis depth 0, that is one of
   * {@code words}; -1 when none. The cursor does not move.
   */
  int findTopLevel(Set<String> words) {
    int depth = 0;
    for (int i = pos; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && t.type() == TokenType.WORD && words.contains(t.value())) {
        return i;
      }
    }
    return -1;
  }

  int size() {
    return tokens.size();
  }

  SqlToken token(int index) {
    return index < tokens.size() ? tokens.get(index) : eof;
  }

  ReadException error(String expected) {
    return new ReadException("expected " + expected + " but found " + describe(peek()), peek().start());
  }

  static String describe(SqlToken t) {
    if (t.type() == TokenType.EOF) {
      return "the end of the statement";
    }
    String s = t.text();
    if (s.length() > 40) {
      s = s.substring(0, 37) + "…";
    }
    return "'" + s + "'";
  }
}
