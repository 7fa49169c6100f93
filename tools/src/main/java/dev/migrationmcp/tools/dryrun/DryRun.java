package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.schema.SchemaDiff;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.sql.ScriptNote;
import dev.migrationmcp.tools.sql.ScriptStatement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Executes a migration and reports what PostgreSQL really did, keeping nothing: on a clone of the
 * shadow baseline (dropped afterwards), or on the live database inside one transaction that is
 * always rolled back, with lock and statement timeouts set first.
 */
public final class DryRun {
  /**
   * What to run.
   *
   * @param live the live database for {@code target: live}; null runs on the shadow
   * @param baseline what the shadow clone starts from (ignored on live)
   * @param up the migration, possibly several files (pending Flyway migrations)
   * @param down the down migration, or empty
   * @param blocking whether a live run may hold a write-blocking lock on a large table
   */
  public record Request(DatabaseUrl live, BaselineSpec baseline, List<ScriptPart> up, List<ScriptPart> down,
      long statementTimeoutMs, long lockTimeoutMs, Predictor predictor, DatabaseUrl preflightOn,
      BlockingPolicy blocking) {

    public Request {
      up = List.copyOf(up);
      down = List.copyOf(down);
      predictor = predictor == null ? Predictor.NONE : predictor;
      blocking = blocking == null ? BlockingPolicy.DEFAULT : blocking;
    }

    /** With the default blocking policy. */
    public Request(DatabaseUrl live, BaselineSpec baseline, List<ScriptPart> up, List<ScriptPart> down,
        long statementTimeoutMs, long lockTimeoutMs, Predictor predictor, DatabaseUrl preflightOn) {
      this(live, baseline, up, down, statementTimeoutMs, lockTimeoutMs, predictor, preflightOn, null);
    }

    public Request withBlocking(BlockingPolicy policy) {
      return new Request(live, baseline, up, down, statementTimeoutMs, lockTimeoutMs, predictor, preflightOn, policy);
    }

    /** Without a data preflight. */
    public Request(DatabaseUrl live, BaselineSpec baseline, List<ScriptPart> up, List<ScriptPart> down,
        long statementTimeoutMs, long lockTimeoutMs, Predictor predictor) {
      this(live, baseline, up, down, statementTimeoutMs, lockTimeoutMs, predictor, null);
    }
  }

  /** Read-only questions to the live data before anything runs (none without a live database). */
  private static List<PreflightCheck> preflight(Request request) throws SQLException {
    if (request.preflightOn() == null) {
      return List.of();
    }
    try (Connection c = Databases.connect(request.preflightOn())) {
      return new Preflight(c, PREFLIGHT_BUDGET_MS).run(request.up());
    }
  }

  private static final long PREFLIGHT_BUDGET_MS = 10_000;

  private final ShadowDatabases shadow;
  private volatile boolean cancelled;
  private volatile Connection executing;

  public DryRun(ShadowDatabases shadow) {
    this.shadow = shadow;
  }

  /** Told before each statement runs: its 0-based index, the total, and its text. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (index, total, sql) -> { };

    void statement(int index, int total, String sql);
  }

  public DryRunReport run(Request request) throws SQLException {
    return run(request, Progress.NONE);
  }

  public DryRunReport run(Request request, Progress progress) throws SQLException {
    if (cancelled) {
      throw new IllegalStateException("the dry run was cancelled before it started");
    }
    List<PreflightCheck> checks = preflight(request);
    DryRunReport report = runStatements(request, progress);
    return report.withPreflight(checks);
  }

  private DryRunReport runStatements(Request request, Progress progress) throws SQLException {
    if (request.live() != null) {
      try (Connection c = Databases.connect(request.live())) {
        String refusal = LiveRunPolicy.refusal(request, c.getMetaData().getDatabaseMajorVersion() * 10000);
        if (refusal != null) {
          return new DryRunReport(false, "live", c.getMetaData().getDatabaseProductVersion(), null, List.of(), List.of(), null, null,
              null, false, refusal, List.of());
        }
        return execute(c, request, "live", null, () -> Databases.connect(request.live()), progress);
      }
    }
    String refusal = LiveRunPolicy.shadowRefusal(request);
    if (refusal != null) {
      return new DryRunReport(false, "shadow", null, null, List.of(), List.of(), null, null, null, false, refusal, List.of());
    }
    Baseline baseline = shadow.baseline(request.baseline());
    try (ShadowDatabases.Clone clone = shadow.clone(baseline); Connection c = Databases.connect(clone.url())) {
      return execute(c, request, "shadow", baseline, () -> Databases.connect(clone.url()), progress);
    }
  }

  /**
   * Cancels the statement running now (PostgreSQL cancel request) and marks the run cancelled; the
   * run then skips what is left, rolls back and drops its clone as after any failed statement.
   * Called from another thread (shutdown); a statement that starts after the cancel request
   * arrived is not reached by it, so callers repeat it until the run has ended.
   */
  public void cancel() {
    cancelled = true;
    Connection c = executing;
    if (c != null) {
      try {
        c.unwrap(org.postgresql.PGConnection.class).cancelQuery();
      } catch (SQLException e) {
        // The connection is already closed: nothing is running on it.
      }
    }
  }

  private DryRunReport execute(Connection c, Request request, String target, Baseline baseline,
      java.util.function.Supplier<Connection> monitor, Progress progress) throws SQLException {
    executing = c;
    if (cancelled) {
      throw new IllegalStateException("the dry run was cancelled: the server is shutting down");
    }
    List<String> notes = new ArrayList<>();
    SchemaIntrospector introspector = new SchemaIntrospector(c);
    SchemaSnapshot before = introspector.snapshot();
    String serverVersion = before.serverVersion();
    if (baseline == null && !request.blocking().allowBlocking()) {
      List<ScriptPart> all = new ArrayList<>(request.up());
      all.addAll(request.down());
      String refusal = BlockingCheck.refusal(all, before, request.blocking().thresholds());
      if (refusal != null) {
        return new DryRunReport(false, target, serverVersion, null, List.of(), List.of(), null, null, null, false, refusal,
            List.of());
      }
    }
    // On the live target, sequences are the one thing a rollback does not undo: watch them.
    SequenceWatch sequences = baseline == null ? SequenceWatch.start(c) : null;
    StatementRunner runner = new StatementRunner(c, monitor, baseline == null, before.serverVersionNum(),
        request.statementTimeoutMs(), request.lockTimeoutMs(), request.predictor());
    List<StatementReport> reports = new ArrayList<>();
    int total = request.up().stream().mapToInt(p -> p.script().statements().size()).sum()
        + request.down().stream().mapToInt(p -> p.script().statements().size()).sum();
    java.util.function.BiConsumer<Integer, String> tell = (i, sql) -> progress.statement(i, total, sql);
    List<ObservedLock> held = List.of();
    SchemaDiff diff = null;
    Reversibility reversibility = null;
    try {
      for (ScriptPart part : request.up()) {
        reports.addAll(runner.run(part, tell));
        part.script().notes().forEach(n -> notes.add(describe(part, n)));
      }
      held = runner.failed() ? List.of() : runner.locksHeld();
      SchemaSnapshot after = runner.failed() ? null : snapshotHere(c, introspector);
      if (after != null) {
        diff = SchemaDiff.between(before, after);
      } else {
        notes.add("no schema diff: the migration failed, so its transaction was aborted");
      }
      if (!request.down().isEmpty()) {
        if (runner.failed()) {
          reversibility = new Reversibility(false, null, "the up migration failed, so the down migration was not run");
        } else {
          for (ScriptPart part : request.down()) {
            reports.addAll(runner.run(part, tell));
          }
          SchemaSnapshot restored = runner.failed() ? null : snapshotHere(c, introspector);
          reversibility = restored == null
              ? new Reversibility(false, null, "the down migration failed")
              : new Reversibility(SchemaDiff.between(before, restored).isEmpty(), SchemaDiff.between(before, restored), null);
        }
      }
    } finally {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    }
    List<SequenceAdvance> advanced = sequences == null ? List.of() : sequences.advanced(c);
    if (reports.stream().anyMatch(StatementReport::outsideTransaction)) {
      notes.add("statements marked outside_transaction cannot run in a transaction block; they ran in autocommit "
          + "on the shadow clone, which was then dropped");
    }
    boolean ok = reports.stream().noneMatch(r -> r.error() != null);
    String fingerprint = baseline != null ? baseline.fingerprint() : structuralFingerprint(before);
    return new DryRunReport(ok, target, serverVersion, baseline, reports, held, diff, reversibility,
        digest(request, fingerprint), false, null, notes).withSequencesAdvanced(advanced);
  }

  /**
   * Reads the schema inside the runner's transaction, then rolls back to a savepoint so the
   * catalog reads' own locks do not show up as the next statement's.
   */
  private static SchemaSnapshot snapshotHere(Connection c, SchemaIntrospector introspector) throws SQLException {
    Savepoint savepoint = c.setSavepoint();
    try {
      return introspector.snapshotInCurrentTransaction();
    } finally {
      c.rollback(savepoint);
    }
  }

  private static String describe(ScriptPart part, ScriptNote note) {
    return (part.file() == null ? "" : part.file() + ": ") + note;
  }

  /** A fingerprint of a schema's structure (not its sizes), for the live target's digest. */
  static String structuralFingerprint(SchemaSnapshot snapshot) {
    SchemaSnapshot empty = new SchemaSnapshot(snapshot.serverVersion(), snapshot.serverVersionNum(), snapshot.database(),
        List.of(), List.of());
    return sha256(String.join("\n", SchemaDiff.between(empty, snapshot).lines()));
  }

  static String digest(Request request, String baselineFingerprint) {
    StringBuilder sb = new StringBuilder();
    for (ScriptPart part : request.up()) {
      sb.append("-- up ").append(part.file() == null ? "(inline)" : part.file()).append('\n');
      for (ScriptStatement s : part.script().statements()) {
        sb.append(s.text()).append(";\n");
      }
    }
    for (ScriptPart part : request.down()) {
      sb.append("-- down ").append(part.file() == null ? "(inline)" : part.file()).append('\n');
      for (ScriptStatement s : part.script().statements()) {
        sb.append(s.text()).append(";\n");
      }
    }
    sb.append("-- baseline ").append(baselineFingerprint).append('\n');
    return "sha256:" + sha256(sb.toString());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
