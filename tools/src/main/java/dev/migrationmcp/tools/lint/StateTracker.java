package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.AlterType;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateType;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.Query;
import dev.migrationmcp.tools.sql.model.Reindex;
import dev.migrationmcp.tools.sql.model.ResetParameter;
import dev.migrationmcp.tools.sql.model.SetParameter;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TransactionControl;
import dev.migrationmcp.tools.sql.model.Vacuum;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.Locale;

/** Moves a {@link ScriptState} past one statement. */
final class StateTracker {
  private StateTracker() {}

  /** Whether a statement cannot run inside a transaction block. */
  static boolean nonTransactional(Statement s, int pgVersion) {
    return s instanceof CreateIndex ci && ci.concurrently()
        || s instanceof DropIndex di && di.concurrently()
        || s instanceof Reindex r && r.concurrently()
        || s instanceof Vacuum
        || s instanceof AlterTable at && at.actions().stream()
            .anyMatch(a -> a instanceof AlterTableAction.DetachPartition d && d.concurrently())
        || s instanceof AlterType t && t.action() instanceof AlterType.AddValue && pgVersion < 12;
  }

  static void advance(ScriptState state, ReadStatement read, LintSettings settings, boolean inTransaction,
      FunctionVolatility volatility) {
    Statement s = read.statement();
    int line = read.line();
    if (s instanceof TransactionControl tc) {
      if (tc.opensTransaction()) {
        state.explicitTransactionDepth++;
        state.explicitBeginLine = line;
      } else if (tc.endsTransaction()) {
        state.explicitTransactionDepth = 0;
        state.strongLocksHeld.clear();
      }
      return;
    }
    if (s instanceof SetParameter p) {
      boolean off = p.isDefault() || p.value() == null || p.value().replace("'", "").strip().equals("0");
      String name = p.name().toLowerCase(Locale.ROOT);
      if (name.equals("lock_timeout")) {
        state.lockTimeoutSet = !off;
      } else if (name.equals("statement_timeout")) {
        state.statementTimeoutSet = !off;
      }
      return;
    }
    if (s instanceof ResetParameter r) {
      String name = r.name() == null ? "all" : r.name().toLowerCase(Locale.ROOT);
      if (name.equals("lock_timeout") || name.equals("all")) {
        state.lockTimeoutSet = false;
      }
      if (name.equals("statement_timeout") || name.equals("all")) {
        state.statementTimeoutSet = false;
      }
      return;
    }
    if (nonTransactional(s, settings.pgVersion())) {
      state.nonTransactionalLines.add(line);
    } else if (!(s instanceof Query)) {
      state.transactionalLines.add(line);
    }
    for (TableEffect effect : StatementEffects.of(s, settings.pgVersion(), volatility)) {
      if (effect.lock() == LockMode.ACCESS_EXCLUSIVE && !state.createdInScript(effect.table())) {
        state.strongLocksHeld.putIfAbsent(effect.table(), line);
      }
    }
    if (!inTransaction) {
      state.strongLocksHeld.clear();
    }
    if (s instanceof CreateTable ct) {
      String table = StatementEffects.name(ct.name());
      state.createdTables.add(table);
      ct.columns().forEach(c -> state.createdColumns.add(table + "." + c.name()));
    } else if (s instanceof CreateIndex ci && ci.name() != null) {
      state.createdIndexes.add(ci.table().schemaOr("public") + "." + ci.name());
    } else if (s instanceof CreateType ct) {
      state.createdTypes.add(StatementEffects.name(ct.name()));
    } else if (s instanceof AlterTable at) {
      String table = StatementEffects.name(at.table());
      state.alterTableStatements.computeIfAbsent(table, k -> new ArrayList<>()).add(line);
      for (AlterTableAction a : at.actions()) {
        if (a instanceof AlterTableAction.AddColumn add) {
          state.createdColumns.add(table + "." + add.column().name());
        } else if (a instanceof AlterTableAction.RenameTable rt) {
          state.createdTables.remove(table);
        }
      }
    }
  }
}
