package dev.migrationmcp.tools.sql.model;

/**
 * One key of an index: a column or an expression, with its options.
 *
 * @param column the column name, or null for an expression
 * @param expression the expression as written (parentheses included when written), or null
 * @param collation the {@code COLLATE} name, or null
 * @param opclass the operator class ({@code text_pattern_ops}), or null
 * @param descending {@code DESC} was written
 * @param nulls {@code FIRST} or {@code LAST} when written, else null
 */
public record IndexElement(
    String column, String expression, String collation, String opclass, boolean descending, String nulls) {
  public boolean isExpression() {
    return column == null;
  }
}
