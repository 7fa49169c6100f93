package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.SourcePosition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs statements one by one on a connection whose transaction the runner owns, observing after
 * each what it locked, rewrote and scanned. Transaction control in the user's SQL is modelled, not
 * executed as written: on the shadow a COMMIT commits the clone (which is dropped anyway) and a new
 * transaction begins; statements that cannot run in a transaction run in autocommit on the shadow
 * with their locks sampled from a second session.
 */
final class StatementRunner {
  private static final int MAX_SQL_IN_REPORT = 300;

  private final Connection connection;
  private final Supplier<Connection> monitorConnection;
  private final boolean live;
  private final int serverVersionNum;
  private final long statementTimeoutMs;
  private final long lockTimeoutMs;
  private final Predictor predictor;
  private final int backendPid;
  private final BackendState start;
  private boolean failed;
  private int index;

  StatementRunner(Connection connection, Supplier<Connection> monitorConnection, boolean live, int serverVersionNum,
      long statementTimeoutMs, long lockTimeoutMs, Predictor predictor) throws SQLException {
    this.connection = connection;
    this.monitorConnection = monitorConnection;
    this.live = live;
    this.serverVersionNum = serverVersionNum;
    this.statementTimeoutMs = statementTimeoutMs;
    this.lockTimeoutMs = lockTimeoutMs;
    this.predictor = predictor;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      this.backendPid = rs.getInt(1);
    }
    if (serverVersionNum >= 140000) {
      try (Statement s = connection.createStatement()) {
        // A killed server must not leave this transaction open: the backend checks the socket.
        s.execute("SET client_connection_check_interval = '2s'");
      }
    }
    beginTransaction();
    this.start = BackendState.capture(connection);
  }

  boolean failed() {
    return failed;
  }

  /** Locks the open transaction holds now on relations that existed when the runner started. */
  List<ObservedLock> locksHeld() throws SQLException {
    return BackendState.capture(connection).newLocks(start);
  }

  private void beginTransaction() throws SQLException {
    connection.setAutoCommit(false);
    applyLimits();
  }

  /**
   * Sets the run's own limits for the current transaction. Called again after every statement,
   * because the script may lift them ({@code SET lock_timeout = 0}, {@code RESET statement_timeout}):
   * without this, a live dry run queued behind another session's lock indefinitely (found by
   * LiveSafetyIT). Statements that change them from inside (set_config, SET in a function or DO
   * block) are refused on the live target by {@link StatementTraits}.
   */
  private void applyLimits() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET LOCAL statement_timeout = " + statementTimeoutMs);
      s.execute("SET LOCAL lock_timeout = " + lockTimeoutMs);
      if (serverVersionNum >= 140000) {
        s.execute("SET LOCAL client_connection_check_interval = '2s'");
      }
    }
  }

  List<StatementReport> run(ScriptPart part) throws SQLException {
    return run(part, (i, s) -> { });
  }

  /** Runs a part, telling {@code progress} the index and text of each statement before it starts. */
  List<StatementReport> run(ScriptPart part, java.util.function.BiConsumer<Integer, String> progress)
      throws SQLException {
    List<StatementReport> reports = new ArrayList<>();
    for (ScriptStatement statement : part.script().statements()) {
      progress.accept(index, abbreviate(statement.text()));
      reports.add(runOne(part, statement));
    }
    return reports;
  }

  private StatementReport runOne(ScriptPart part, ScriptStatement statement) throws SQLException {
    int i = index++;
    String sql = statement.text();
    Prediction prediction = predictor.predict(statement);
    StatementTraits traits = StatementTraits.of(sql, serverVersionNum);
    if (failed) {
      return skipped(i, part, statement, "not run: an earlier statement failed", prediction);
    }
    if (traits.transactionControl()) {
      if (!live && traits.endsTransaction()) {
        boolean rollback = sql.strip().toLowerCase().startsWith("rollback") || sql.strip().toLowerCase().startsWith("abort");
        if (rollback) {
          connection.rollback();
        } else {
          connection.commit();
        }
        beginTransaction();
      }
      return skipped(i, part, statement, "modelled: the dry run owns the transaction", prediction);
    }
    if (traits.nonTransactional()) {
      return runOutsideTransaction(i, part, statement, prediction);
    }
    BackendState before = BackendState.capture(connection);
    long t0 = System.nanoTime();
    long rows;
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      rows = execute(s, sql);
    } catch (SQLException e) {
      failed = true;
      return errorReport(i, part, statement, (System.nanoTime() - t0) / 1e6, e, prediction, false);
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    BackendState after = BackendState.capture(connection);
    applyLimits();
    List<ObservedLock> locks = after.newLocks(before);
    List<String> rewrites = after.rewrites(before);
    return new StatementReport(i, part.phase(), part.file(), statement.line(), statement.column(), abbreviate(sql), ms,
        rows, false, null, locks, rewrites, after.scans(before), null, prediction,
        Disagreements.between(prediction, locks, rewrites));
  }

  private StatementReport runOutsideTransaction(int i, ScriptPart part, ScriptStatement statement, Prediction prediction)
      throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
    BackendState before = BackendState.capture(connection);
    long t0 = System.nanoTime();
    List<ObservedLock> locks;
    long rows;
    try (Connection monitor = monitorConnection.get(); Statement s = connection.createStatement()) {
      LockSampler sampler = new LockSampler(monitor, backendPid, before);
      try {
        s.setEscapeProcessing(false);
        s.execute("SET statement_timeout = " + statementTimeoutMs);
        rows = execute(s, statement.text());
      } catch (SQLException e) {
        sampler.stop();
        failed = true;
        beginTransaction();
        return errorReport(i, part, statement, (System.nanoTime() - t0) / 1e6, e, prediction, true);
      }
      locks = sampler.stop();
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    BackendState after = BackendState.capture(connection);
    List<String> rewrites = after.rewrites(before);
    beginTransaction();
    return new StatementReport(i, part.phase(), part.file(), statement.line(), statement.column(),
        abbreviate(statement.text()), ms, rows, true, null, locks, rewrites, List.of(), null, prediction,
        Disagreements.between(prediction, locks, rewrites));
  }

  private static long execute(Statement s, String sql) throws SQLException {
    boolean resultSet = s.execute(sql);
    if (resultSet) {
      long n = 0;
      try (ResultSet rs = s.getResultSet()) {
        while (rs.next()) {
          n++;
        }
      }
      return n;
    }
    return Math.max(s.getUpdateCount(), 0);
  }

  private StatementReport errorReport(int i, ScriptPart part, ScriptStatement statement, double ms, SQLException e,
      Prediction prediction, boolean outside) {
    String sqlstate = e.getSQLState();
    String message = e.getMessage();
    String detail = null;
    String hint = null;
    int line = statement.line();
    int column = statement.column();
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      message = m.getMessage();
      detail = m.getDetail();
      hint = m.getHint();
      if (m.getPosition() > 0) {
        SourcePosition pos = part.script().errorPosition(statement, m.getPosition());
        line = pos.line();
        column = pos.column();
      }
    }
    if ("42501".equals(sqlstate)) {
      hint = (hint == null ? "" : hint + " ") + PrivilegeHint.of(message, statement.text(), role());
    }
    if ("55P03".equals(sqlstate)) {
      hint = (hint == null ? "" : hint + " ") + "Another session holds a conflicting lock; the dry run gave up after "
          + lockTimeoutMs + " ms (lock_timeout) instead of queueing behind it.";
    }
    return new StatementReport(i, part.phase(), part.file(), statement.line(), statement.column(),
        abbreviate(statement.text()), ms, 0, outside, null, List.of(), List.of(), List.of(),
        new ObservedError(sqlstate, message, detail, hint, line, column), prediction, List.of());
  }

  private String role() {
    try {
      return connection.getMetaData().getUserName();
    } catch (SQLException e) {
      return "(unknown)";
    }
  }

  private static StatementReport skipped(int i, ScriptPart part, ScriptStatement statement, String why,
      Prediction prediction) {
    return new StatementReport(i, part.phase(), part.file(), statement.line(), statement.column(),
        abbreviate(statement.text()), 0, 0, false, why, List.of(), List.of(), List.of(), null, prediction, List.of());
  }

  static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_SQL_IN_REPORT ? oneLine : oneLine.substring(0, MAX_SQL_IN_REPORT - 1) + "…";
  }
}
