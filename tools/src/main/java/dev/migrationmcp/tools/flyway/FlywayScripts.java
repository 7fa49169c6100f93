package dev.migrationmcp.tools.flyway;

import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Flyway decides whether a SQL migration runs in a transaction: the script configuration
 * ({@code executeInTransaction} in {@code V1__x.sql.conf}, or a {@code -- flyway:executeInTransaction=false}
 * line in the comments that open the script), else whether one of its statements is one that
 * Flyway's PostgreSQL parser knows cannot run in a transaction (mirrored here statement by
 * statement, including what it does not detect, such as {@code REINDEX INDEX CONCURRENTLY}).
 */
public final class FlywayScripts {
  private static final Pattern HEADER = Pattern.compile("flyway:\\s*([A-Za-z]+)\\s*=\\s*(\\S+)");
  private static final Pattern DATABASE_TABLESPACE_SUBSCRIPTION =
      Pattern.compile("^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)");
  private static final Pattern ALTER_SYSTEM = Pattern.compile("^ALTER SYSTEM");
  private static final Pattern INDEX_CONCURRENTLY = Pattern.compile("^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY");
  private static final Pattern REINDEX = Pattern.compile("^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)");
  private static final Pattern VACUUM = Pattern.compile("^VACUUM");
  private static final Pattern DISCARD_ALL = Pattern.compile("^DISCARD ALL");
  private static final Pattern ALTER_TYPE_ADD_VALUE = Pattern.compile("^ALTER TYPE( .*)? ADD VALUE");

  /** Flyway stops looking for these after ten words. */
  private static final int CUTOFF = 10;

  private FlywayScripts() {}

  /**
   * The script configuration's {@code executeInTransaction}: from the {@code .conf} file's
   * settings when given there, else from {@code -- flyway:executeInTransaction=…} in the comment
   * lines before the first statement; empty when neither says.
   *
   * @param leadingCommentLines the comment lines before the script's first statement, markers removed
   * @param confFile the settings of the script's {@code .conf} file (empty when there is none)
   */
  public static Optional<Boolean> executeInTransaction(List<String> leadingCommentLines, Map<String, String> confFile) {
    String conf = confFile.get("executeInTransaction");
    if (conf != null) {
      return Optional.of(Boolean.parseBoolean(conf.strip()));
    }
    for (String line : leadingCommentLines) {
      Matcher m = HEADER.matcher(line);
      while (m.find()) {
        if (m.group(1).equals("executeInTransaction")) {
          return Optional.of(Boolean.parseBoolean(m.group(2)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether Flyway's PostgreSQL parser marks this statement as unable to run in a transaction
   * ({@code canExecuteInTransaction() == false}): CREATE/DROP [UNIQUE] INDEX CONCURRENTLY, REINDEX
   * SCHEMA|DATABASE|SYSTEM, VACUUM, DISCARD ALL, CREATE/DROP DATABASE|TABLESPACE|SUBSCRIPTION,
   * ALTER SYSTEM, and ALTER TYPE … ADD VALUE before PostgreSQL 12. Like Flyway, this matches the
   * upper-cased words outside parentheses, growing one word at a time, over the first ten words.
   */
  public static boolean detectedNonTransactional(String statementText, int pgVersion) {
    StringBuilder simplified = new StringBuilder();
    int depth = 0;
    int words = 0;
    SqlLexer lexer = new SqlLexer(statementText);
    for (TokenType t = lexer.next(); t != TokenType.EOF && words < CUTOFF; t = lexer.next()) {
      String text = statementText.substring(lexer.start(), lexer.end());
      if (t == TokenType.PUNCTUATION && text.equals("(")) {
        depth++;
      } else if (t == TokenType.PUNCTUATION && text.equals(")")) {
        depth = Math.max(0, depth - 1);
      } else if (t == TokenType.WORD && depth == 0) {
        simplified.append(simplified.length() == 0 ? "" : " ").append(text.toUpperCase(Locale.ENGLISH));
        words++;
        if (matches(simplified.toString(), pgVersion)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(String simplified, int pgVersion) {
    return DATABASE_TABLESPACE_SUBSCRIPTION.matcher(simplified).matches()
        || ALTER_SYSTEM.matcher(simplified).matches()
        || INDEX_CONCURRENTLY.matcher(simplified).matches()
        || REINDEX.matcher(simplified).matches()
        || VACUUM.matcher(simplified).matches()
        || DISCARD_ALL.matcher(simplified).matches()
        || pgVersion < 12 && ALTER_TYPE_ADD_VALUE.matcher(simplified).matches();
  }
}
