/**
 * The built-in lint rules, one class each, listed in {@link dev.migrationmcp.tools.lint.RuleRegistry}
 * and documented in {@code docs/rules/<id>.md}.
 */
package dev.migrationmcp.tools.lint.rules;
