package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.sql.read.ReadScript;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.function.Consumer;

/** What a rule sees after the last statement: the whole script and the final state. */
public final class ScriptContext {
  private final ReadScript script;
  private final ScriptState state;
  private final LintSettings settings;
  private final LiveSchema live;
  private final String file;
  private final FlywayContext flyway;
  private final boolean flywayTransaction;
  private final Consumer<Finding> sink;
  private Rule rule;

  ScriptContext(ReadScript script, ScriptState state, LintSettings settings, LiveSchema live, String file,
      Consumer<Finding> sink) {
    this(script, state, settings, live, file, null, settings.flywayTransaction(), sink);
  }

  ScriptContext(ReadScript script, ScriptState state, LintSettings settings, LiveSchema live, String file,
      FlywayContext flyway, boolean flywayTransaction, Consumer<Finding> sink) {
    this.flyway = flyway;
    this.flywayTransaction = flywayTransaction;
    this.script = script;
    this.state = state;
    this.settings = settings;
    this.live = live;
    this.file = file;
    this.sink = sink;
  }

  void use(Rule current) {
    this.rule = current;
  }

  public ReadScript script() {
    return script;
  }

  public ScriptState state() {
    return state;
  }

  public LintSettings settings() {
    return settings;
  }

  /** The file name being linted, or null for inline SQL. */
  public String file() {
    return file;
  }

  /**
   * Whether Flyway runs the whole script inside one transaction: configured so, and neither the
   * script's configuration ({@code executeInTransaction=false}) nor one of its statements keeps it
   * out of one.
   */
  public boolean flywayTransaction() {
    return flywayTransaction;
  }

  /** The file's Flyway context (name, siblings, applied checksums), when the caller gave one. */
  public java.util.Optional<FlywayContext> flyway() {
    return java.util.Optional.ofNullable(flyway);
  }

  public java.util.Optional<LiveSchema> live() {
    return java.util.Optional.ofNullable(live);
  }

  /** A finding placed on {@code statement}. */
  public FindingBuilder report(ReadStatement statement) {
    return new FindingBuilder(rule, statement, live, sink);
  }
}
