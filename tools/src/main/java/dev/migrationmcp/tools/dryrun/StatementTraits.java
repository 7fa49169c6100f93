package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.SqlToken;
import java.util.List;
import java.util.Locale;

/**
 * How a statement relates to the runner's transaction, read from its leading keywords (the
 * lexer skips comments and understands quoting, so {@code /* COMMIT *}{@code /} is not a COMMIT).
 *
 * @param transactionControl BEGIN / START TRANSACTION / COMMIT / END / ROLLBACK / ABORT: the
 *     runner owns the transaction, so these are modelled rather than executed
 * @param endsTransaction COMMIT, END, ROLLBACK or ABORT (not ROLLBACK TO SAVEPOINT)
 * @param nonTransactional cannot run inside a transaction block (CONCURRENTLY, VACUUM, …)
 * @param escape why a live run must refuse it (it would end, escape or outlive the runner's
 *     transaction, or change identity or the run's limits), else null; what reaches outside the
 *     database is {@link OutsideReach}
 */
public record StatementTraits(boolean transactionControl, boolean endsTransaction, boolean nonTransactional,
    String escape) {
  private static final List<String> LIMITS = List.of("lock_timeout", "statement_timeout", "client_connection_check_interval");

  public static StatementTraits of(String sql, int serverVersionNum) {
    List<SqlToken> tokens = SqlLexer.tokens(sql);
    String w0 = word(tokens, 0);
    String w1 = word(tokens, 1);
    String w2 = word(tokens, 2);
    String text = " " + String.join(" ", tokens.stream().map(t -> t.text().toLowerCase(Locale.ROOT)).toList()) + " ";

    boolean rollbackTo = w0.equals("rollback") && (w1.equals("to") || (w1.equals("work") || w1.equals("transaction")) && w2.equals("to"));
    boolean prepared = (w0.equals("commit") || w0.equals("rollback")) && w1.equals("prepared");
    boolean begin = w0.equals("begin") || w0.equals("start") && w1.equals("transaction");
    boolean end = !rollbackTo && !prepared
        && (w0.equals("commit") || w0.equals("end") || w0.equals("rollback") || w0.equals("abort"));

    boolean nonTransactional =
        (w0.equals("create") && text.contains(" index concurrently "))
            || (w0.equals("drop") && w1.equals("index") && w2.equals("concurrently"))
            || (w0.equals("reindex") && text.contains(" concurrently "))
            || w0.equals("vacuum")
            || (w0.equals("create") || w0.equals("drop") || w0.equals("alter")) && (w1.equals("database") || w1.equals("tablespace"))
            || (w0.equals("alter") && w1.equals("system"))
            || (w0.equals("alter") && w1.equals("table") && text.contains(" detach partition ") && text.contains(" concurrently"))
            || (w0.equals("cluster") && tokens.size() == 1)
            || (w0.equals("alter") && w1.equals("type") && text.contains(" add value ") && serverVersionNum < 120000);

    String escape = null;
    if (w0.equals("prepare") && w1.equals("transaction") || prepared) {
      escape = "two-phase commit would let the transaction outlive the dry run";
    } else if (w0.equals("set") && (w1.equals("role") || w1.equals("session") && w2.equals("authorization"))
        || w0.equals("set") && (w1.equals("local") || w1.equals("session")) && (w2.equals("role") || w2.equals("session"))
        || w0.equals("reset") && (w1.equals("role") || w1.equals("session") || w1.equals("all"))) {
      escape = "it changes the session's identity or settings, which the runner relies on";
    } else if (w0.equals("discard")) {
      escape = "DISCARD resets the session the runner relies on";
    } else if (w0.equals("checkpoint") || w0.equals("load")) {
      escape = "it acts on the whole server";
    } else if (!w0.equals("set") && !w0.equals("reset") && LIMITS.stream().anyMatch(text::contains)) {
      // The runner re-applies its limits after each statement, which cannot help while one
      // statement runs with them lifted (set_config(…), SET in a function or DO block).
      escape = "it changes the dry run's own limits (lock_timeout, statement_timeout or "
          + "client_connection_check_interval) from inside a statement";
    }
    return new StatementTraits(begin || end, end, nonTransactional, escape);
  }

  private static String word(List<SqlToken> tokens, int i) {
    if (i >= tokens.size()) {
      return "";
    }
    SqlToken t = tokens.get(i);
    return t.type() == dev.migrationmcp.tools.sql.TokenType.WORD ? t.text().toLowerCase(Locale.ROOT) : "";
  }
}
