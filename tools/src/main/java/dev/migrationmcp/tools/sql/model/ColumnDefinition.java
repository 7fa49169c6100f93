package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * A column as CREATE TABLE or ADD COLUMN declares it.
 *
 * @param name the column name (folded)
 * @param type the declared type; null only for a partition's or typed table's column options
 * @param collation the {@code COLLATE} name, or null
 * @param defaultExpression the {@code DEFAULT} expression as written, or null
 * @param notNull declared {@code NOT NULL} (a primary key also implies it, see
 *     {@link #effectivelyNotNull()})
 * @param generated identity or generated expression, or null
 * @param constraints inline CHECK, UNIQUE, PRIMARY KEY and REFERENCES constraints, each with this
 *     column as its column list
 */
public record ColumnDefinition(
    String name,
    SqlType type,
    String collation,
    String defaultExpression,
    boolean notNull,
    Generated generated,
    List<TableConstraint> constraints) {
  public ColumnDefinition {
    constraints = List.copyOf(constraints);
  }

  public boolean hasDefault() {
    return defaultExpression != null;
  }

  /** NOT NULL declared, or implied by an inline PRIMARY KEY or an identity. */
  public boolean effectivelyNotNull() {
    return notNull
        || (generated != null && generated.isIdentity())
        || constraints.stream().anyMatch(c -> c instanceof TableConstraint.PrimaryKey);
  }

  /** Serial type or identity: the column takes its values from a sequence. */
  public boolean usesSequence() {
    return (type != null && type.serial()) || (generated != null && generated.isIdentity());
  }

  /** The inline REFERENCES constraint, if any. */
  public TableConstraint.ForeignKey foreignKey() {
    for (TableConstraint c : constraints) {
      if (c instanceof TableConstraint.ForeignKey) {
        return (TableConstraint.ForeignKey) c;
      }
    }
    return null;
  }
}
