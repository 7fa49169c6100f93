package dev.migrationmcp.tools.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, kept once on its class. The id is kebab-case and never changes: it appears
 * in output, in suppression comments and as the name of the rule's doc page
 * ({@code docs/rules/<id>.md}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LintRule {
  String id();

  Severity severity();

  Category category();

  /** The strongest table lock the flagged statement takes. */
  LockMode lock() default LockMode.NONE;

  /** One line: what the rule catches. */
  String summary();

  /** Off unless enabled in {@code .migration-mcp.toml}. */
  boolean optIn() default false;
}
