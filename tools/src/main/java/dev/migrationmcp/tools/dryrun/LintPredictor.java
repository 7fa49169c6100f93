package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.lint.Finding;
import dev.migrationmcp.tools.lint.LintReport;
import dev.migrationmcp.tools.lint.LintSettings;
import dev.migrationmcp.tools.lint.Linter;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.lint.TableEffect;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import dev.migrationmcp.tools.sql.read.StatementReader;
import java.util.List;

/**
 * What lint predicts for a statement the dry run executes: the strongest table lock, on which
 * table, whether it rewrites, and which rules fire on it alone — so the dry-run report can flag
 * where prediction and observation disagree.
 */
public final class LintPredictor implements Predictor {
  private final int pgVersion;

  public LintPredictor() {
    this(LintSettings.DEFAULT_PG_VERSION);
  }

  public LintPredictor(int pgVersion) {
    this.pgVersion = pgVersion;
  }

  @Override
  public Prediction predict(ScriptStatement statement) {
    Statement model = StatementReader.read(statement).statement();
    List<TableEffect> effects = StatementEffects.of(model, pgVersion, FunctionVolatility.builtIn());
    LintReport report = Linter.standard().lint(ScriptReader.read(statement.text()),
        LintSettings.defaults().withPgVersion(pgVersion).withFlywayTransaction(false), null,
        FunctionVolatility.builtIn(), null);
    List<String> rules = report.findings().stream().map(Finding::rule).distinct().toList();
    TableEffect strongest = effects.stream()
        .reduce(null, (a, b) -> a == null || b.lock().compareTo(a.lock()) > 0 ? b : a);
    if (strongest == null || strongest.lock() == LockMode.NONE) {
      return rules.isEmpty() ? null : new Prediction(null, null, false, rules);
    }
    return new Prediction(strongest.lock().pgName(), strongest.table(), effects.stream().anyMatch(TableEffect::rewrite),
        rules);
  }
}
