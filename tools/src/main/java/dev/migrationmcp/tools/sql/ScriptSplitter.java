package dev.migrationmcp.tools.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a script into statements the way psql does: at semicolons outside quotes, comments and
 * parentheses, and outside a {@code BEGIN ATOMIC … END} function body (psql's own heuristic:
 * inside {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, {@code BEGIN}/{@code CASE} open and
 * {@code END} closes). psql meta-commands end the statement before them and become notes. One
 * pass over the lexer's tokens: linear in the size of the script.
 */
final class ScriptSplitter {
  private final String sql;
  private final LineMap lines;
  private final SqlLexer lexer;
  private final List<ScriptStatement> statements = new ArrayList<>();
  private final List<ScriptNote> notes = new ArrayList<>();

  private int stmtStart = -1;
  private int stmtEnd = -1;
  private String leading = "";
  private int gapStart = -1;
  private int gapEnd = -1;
  /** True once a line break has been seen since the last statement ended. */
  private boolean newLineSinceStatement = true;
  private int parenDepth;
  private int firstOpenParen = -1;
  private int beginDepth;
  private int beginStart = -1;
  private int wordCount;
  private final char[] leadWords = new char[4];

  private ScriptSplitter(String sql) {
    this.sql = sql;
    this.lines = new LineMap(sql);
    this.lexer = new SqlLexer(sql, sql.startsWith("\uFEFF") ? 1 : 0, sql.length());
  }

  static SqlScript split(String sql) {
    ScriptSplitter splitter = new ScriptSplitter(sql);
    splitter.run();
    return new SqlScript(sql, splitter.statements, splitter.notes, splitter.lines);
  }

  private void run() {
    int previousEnd = lexer.start();
    for (TokenType t = lexer.next(); t != TokenType.EOF; t = lexer.next()) {
      int start = lexer.start();
      int end = lexer.end();
      if (!newLineSinceStatement && hasLineBreak(previousEnd, start)) {
        newLineSinceStatement = true;
      }
      switch (t) {
        case LINE_COMMENT:
        case BLOCK_COMMENT:
          comment(start, end);
          break;
        case META_COMMAND:
          finishStatement();
          String command = sql.substring(start, end);
          note(ScriptNote.Kind.META_COMMAND, command, start,
              "psql meta-command " + firstWord(command) + " at %s is not SQL and was skipped");
          clearGap();
          break;
        case PUNCTUATION:
          if (sql.charAt(start) == ';' && parenDepth == 0 && beginDepth == 0) {
            boolean copy = stmtStart >= 0 && isCopyFromStdin();
            if (stmtStart < 0) {
              clearGap();
            }
            finishStatement();
            newLineSinceStatement = false;
            if (copy) {
              end = skipCopyData(end);
            }
            break;
          }
          significant(t, start, end);
          break;
        default:
          significant(t, start, end);
      }
      previousEnd = end;
    }
    finishStatement();
  }

  private void comment(int start, int end) {
    if (lexer.unterminated()) {
      note(ScriptNote.Kind.UNTERMINATED_COMMENT, opening(start), start, "comment opened at %s never closes");
    }
    if (stmtStart < 0 && newLineSinceStatement) {
      if (gapStart < 0) {
        gapStart = start;
      }
      gapEnd = end;
    }
    if (!newLineSinceStatement && hasLineBreak(start, end)) {
      newLineSinceStatement = true;
    }
  }

  private void significant(TokenType t, int start, int end) {
    if (stmtStart < 0) {
      stmtStart = start;
      leading = gapStart >= 0 ? sql.substring(gapStart, gapEnd) : "";
      clearGap();
    }
    stmtEnd = end;
    if (lexer.unterminated()) {
      switch (t) {
        case STRING:
          note(ScriptNote.Kind.UNTERMINATED_STRING, opening(start), start, "string literal opened at %s never closes");
          break;
        case QUOTED_IDENTIFIER:
          note(ScriptNote.Kind.UNTERMINATED_QUOTED_IDENTIFIER, opening(start), start,
              "quoted identifier opened at %s never closes");
          break;
        case DOLLAR_STRING:
          String tag = sql.substring(start, sql.indexOf('$', start + 1) + 1);
          note(ScriptNote.Kind.UNTERMINATED_DOLLAR_QUOTE, tag, start,
              "dollar-quoted body " + tag + " opened at %s has no closing " + tag);
          break;
        default:
          break;
      }
    }
    if (t == TokenType.PUNCTUATION) {
      char c = sql.charAt(start);
      if (c == '(') {
        if (parenDepth == 0) {
          firstOpenParen = start;
        }
        parenDepth++;
      } else if (c == ')' && parenDepth > 0) {
        parenDepth--;
      }
    } else if (t == TokenType.WORD) {
      trackAtomicBody(start, end);
    }
  }

  /** psql's heuristic for {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC … END}. */
  private void trackAtomicBody(int start, int end) {
    int length = end - start;
    char lead = 0;
    if (wordIs(start, length, "create") || wordIs(start, length, "function")
        || wordIs(start, length, "procedure") || wordIs(start, length, "or")
        || wordIs(start, length, "replace")) {
      lead = Character.toLowerCase(sql.charAt(start));
    }
    if (wordCount < leadWords.length) {
      leadWords[wordCount] = lead;
    }
    wordCount++;
    boolean routine = leadWords[0] == 'c'
        && (leadWords[1] == 'f' || leadWords[1] == 'p'
            || (leadWords[1] == 'o' && leadWords[2] == 'r' && (leadWords[3] == 'f' || leadWords[3] == 'p')));
    if (!routine || parenDepth != 0) {
      return;
    }
    if (wordIs(start, length, "begin")) {
      if (beginDepth == 0) {
        beginStart = start;
      }
      beginDepth++;
    } else if (wordIs(start, length, "case")) {
      if (beginDepth >= 1) {
        beginDepth++;
      }
    } else if (wordIs(start, length, "end")) {
      if (beginDepth > 0) {
        beginDepth--;
      }
    }
  }

  private boolean wordIs(int start, int length, String word) {
    return length == word.length() && sql.regionMatches(true, start, word, 0, length);
  }

  private void finishStatement() {
    if (stmtStart >= 0) {
      if (parenDepth > 0) {
        note(ScriptNote.Kind.UNCLOSED_PARENTHESIS, "(", firstOpenParen,
            "parenthesis opened at %s is never closed, so the statement runs to here");
      }
      if (beginDepth > 0) {
        note(ScriptNote.Kind.UNCLOSED_ATOMIC_BLOCK, "BEGIN", beginStart,
            "BEGIN ATOMIC body opened at %s has no matching END");
      }
      SourcePosition p = lines.position(stmtStart);
      statements.add(new ScriptStatement(statements.size(), sql.substring(stmtStart, stmtEnd),
          stmtStart, stmtEnd, p.line(), p.column(), leading));
    }
    stmtStart = -1;
    stmtEnd = -1;
    leading = "";
    parenDepth = 0;
    firstOpenParen = -1;
    beginDepth = 0;
    beginStart = -1;
    wordCount = 0;
    Arrays.fill(leadWords, (char) 0);
  }

  private void clearGap() {
    gapStart = -1;
    gapEnd = -1;
  }

  /** {@code COPY … FROM stdin}: psql reads data lines after it, up to a line {@code \.}. */
  private boolean isCopyFromStdin() {
    if (!wordIs(stmtStart, Math.min(4, stmtEnd - stmtStart), "copy")) {
      return false;
    }
    if (stmtStart + 4 < stmtEnd && SqlLexer.isIdentPart(sql.charAt(stmtStart + 4))) {
      return false;
    }
    String text = sql.substring(stmtStart, stmtEnd);
    SqlLexer words = new SqlLexer(text);
    boolean from = false;
    for (TokenType t = words.next(); t != TokenType.EOF; t = words.next()) {
      String w = text.substring(words.start(), words.end());
      if (t == TokenType.WORD && w.equalsIgnoreCase("from")) {
        from = true;
      } else if (from && t == TokenType.WORD && w.equalsIgnoreCase("stdin")) {
        return true;
      } else {
        from = false;
      }
    }
    return false;
  }

  /** Skips COPY data from the line after {@code afterSemicolon}; returns where lexing resumes. */
  private int skipCopyData(int afterSemicolon) {
    int n = sql.length();
    int p = afterSemicolon;
    while (p < n && sql.charAt(p) != '\n' && sql.charAt(p) != '\r') {
      p++;
    }
    p = skipLineBreak(p);
    int dataStart = p;
    int lineCount = 0;
    while (p < n) {
      int lineEnd = p;
      while (lineEnd < n && sql.charAt(lineEnd) != '\n' && sql.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      boolean terminator = lineEnd - p == 2 && sql.charAt(p) == '\\' && sql.charAt(p + 1) == '.';
      p = skipLineBreak(lineEnd);
      if (terminator) {
        break;
      }
      lineCount++;
    }
    if (p > dataStart) {
      note(ScriptNote.Kind.COPY_DATA, "", dataStart,
          "COPY data (" + lineCount + " line" + (lineCount == 1 ? "" : "s") + ") starting at %s was skipped");
      newLineSinceStatement = true;
    }
    lexer.reset(p);
    return p;
  }

  private int skipLineBreak(int p) {
    if (p < sql.length() && sql.charAt(p) == '\r') {
      p++;
    }
    if (p < sql.length() && sql.charAt(p) == '\n') {
      p++;
    }
    return p;
  }

  private boolean hasLineBreak(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** The first few characters of an unterminated token, to name it in a note. */
  private String opening(int start) {
    return sql.substring(start, Math.min(lexer.end(), start + 20));
  }

  private void note(ScriptNote.Kind kind, String text, int offset, String messageTemplate) {
    SourcePosition p = lines.position(offset);
    notes.add(new ScriptNote(kind, text, offset, p.line(), p.column(), messageTemplate.replace("%s", p.toString())));
  }

  private static String firstWord(String command) {
    int i = 1;
    while (i < command.length() && !SqlLexer.isSpace(command.charAt(i))) {
      i++;
    }
    return command.substring(0, i);
  }
}
