package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.SqlToken;
import java.util.List;
import java.util.Set;

/**
 * The top-level clauses of a statement's text ({@code SET}, {@code WHERE}, {@code LIMIT} of an
 * UPDATE or DELETE), found with the lexer so that nothing inside parentheses, strings or comments
 * is mistaken for one. The statement model records which clauses exist; rules that rebuild a
 * statement in a fix need their text.
 */
final class Clauses {
  private final String text;
  private final List<SqlToken> tokens;

  private Clauses(String text) {
    this.text = text;
    this.tokens = SqlLexer.tokens(text);
  }

  static Clauses of(String text) {
    return new Clauses(text);
  }

  List<SqlToken> tokens() {
    return tokens;
  }

  /** Index of the first token at or after {@code from}, outside parentheses, that is one of {@code words}, or -1. */
  int find(int from, Set<String> words) {
    int depth = 0;
    for (int i = Math.max(0, from); i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
      } else if (depth == 0) {
        for (String w : words) {
          if (t.is(w)) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /** Whether some token anywhere (subqueries included) is the word {@code word}. */
  boolean contains(String word) {
    return tokens.stream().anyMatch(t -> t.is(word));
  }

  /**
   * The text of a clause: from the token after {@code keyword} (at or after {@code from}, top level)
   * up to the next top-level token of {@code ends}; null when the keyword is absent.
   */
  String clause(int from, String keyword, Set<String> ends) {
    int start = find(from, Set.of(keyword));
    if (start < 0 || start + 1 >= tokens.size()) {
      return null;
    }
    if (keyword.equals("order") && tokens.get(start + 1).is("by")) {
      start++;
    }
    int end = find(start + 1, ends);
    return slice(start + 1, end < 0 ? tokens.size() : end);
  }

  /**
   * A fragment for {@link dev.migrationmcp.tools.lint.FindingBuilder#at(String)} that points at the
   * first identifier token naming {@code identifier} (not at a keyword that happens to contain it):
   * the statement's text from that token to its end. {@code identifier} itself when absent.
   */
  static String at(String text, String identifier) {
    for (SqlToken t : SqlLexer.tokens(text)) {
      if (t.isIdentifier() && t.value().equals(identifier)) {
        return text.substring(t.start());
      }
    }
    return identifier;
  }

  /** Source text from token {@code from} (inclusive) to token {@code to} (exclusive), one line. */
  String slice(int from, int to) {
    if (from >= to || from >= tokens.size()) {
      return "";
    }
    return Sql.oneLine(text.substring(tokens.get(from).start(), tokens.get(to - 1).end()));
  }

  /** Source text before top-level token {@code index} (the whole text when -1). */
  String before(int index) {
    return index < 0 ? Sql.oneLine(text) : Sql.oneLine(text.substring(0, tokens.get(index).start()));
  }

  /** Source text from top-level token {@code index} on (empty when -1). */
  String from(int index) {
    return index < 0 ? "" : Sql.oneLine(text.substring(tokens.get(index).start()));
  }
}
