package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What a rule sees when it checks one statement. */
public final class RuleContext {
  private final ReadStatement statement;
  private final ScriptState state;
  private final LintSettings settings;
  private final LiveSchema live;
  private final FunctionVolatility volatility;
  private final boolean scriptNonTransactional;
  private final Consumer<Finding> sink;
  private Rule rule;

  RuleContext(ReadStatement statement, ScriptState state, LintSettings settings, LiveSchema live,
      FunctionVolatility volatility, boolean scriptNonTransactional, Consumer<Finding> sink) {
    this.statement = statement;
    this.state = state;
    this.settings = settings;
    this.live = live;
    this.volatility = volatility;
    this.scriptNonTransactional = scriptNonTransactional;
    this.sink = sink;
  }

  void use(Rule current) {
    this.rule = current;
  }

  public ReadStatement statement() {
    return statement;
  }

  public Statement model() {
    return statement.statement();
  }

  /** The statement's source text. */
  public String text() {
    return statement.source().text();
  }

  public ScriptState script() {
    return state;
  }

  public LintSettings settings() {
    return settings;
  }

  public int pgVersion() {
    return settings.pgVersion();
  }

  public FunctionVolatility volatility() {
    return volatility;
  }

  public Optional<LiveSchema> live() {
    return Optional.ofNullable(live);
  }

  /** The live table, when a live schema is known and has it. */
  public Optional<TableInfo> liveTable(QualifiedName name) {
    return live == null || name == null ? Optional.empty() : live.table(StatementEffects.name(name));
  }

  /** Created earlier in this script: nobody else can be using it yet. */
  public boolean isNewTable(QualifiedName name) {
    return state.createdInScript(StatementEffects.name(name));
  }

  /**
   * Whether this statement runs inside a transaction: an explicit BEGIN in the script, or
   * Flyway's per-script transaction (unless the script runs without one).
   */
  public boolean inTransaction() {
    return state.inExplicitTransaction() || settings.flywayTransaction() && !scriptNonTransactional;
  }

  /** The predicted table effects of this statement. */
  public List<TableEffect> effects() {
    return StatementEffects.of(model(), pgVersion(), volatility);
  }

  public FindingBuilder report() {
    return new FindingBuilder(rule, statement, live, sink);
  }
}
