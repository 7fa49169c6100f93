package dev.migrationmcp.tools.lint;

/**
 * A lint rule: pure — it reads the statement model, the script's state, the settings and the
 * live schema, and reports findings; it never touches JDBC, files or the clock. Metadata lives in
 * its {@link LintRule} annotation.
 */
public interface Rule {
  /** Called for each statement in order, with the state before it. */
  default void check(RuleContext context) {}

  /** Called once after the last statement, for rules about the script as a whole. */
  default void finish(ScriptContext context) {}

  default LintRule metadata() {
    LintRule meta = getClass().getAnnotation(LintRule.class);
    if (meta == null) {
      throw new IllegalStateException(getClass().getName() + " has no @LintRule annotation");
    }
    return meta;
  }

  default String id() {
    return metadata().id();
  }
}
