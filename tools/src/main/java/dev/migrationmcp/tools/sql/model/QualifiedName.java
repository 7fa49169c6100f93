package dev.migrationmcp.tools.sql.model;

import dev.migrationmcp.tools.sql.Identifiers;

/**
 * An object name as PostgreSQL resolves it: unquoted parts folded to lower case, quoted parts
 * kept. A three-part name ({@code db.schema.name}) keeps its last two parts.
 *
 * @param schema the schema, or null when the name is not qualified (search_path decides)
 * @param name the object's own name
 */
public record QualifiedName(String schema, String name) {
  public QualifiedName {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an object name must not be empty" + (schema == null ? "" : " (in schema " + schema + ")"));
    }
  }

  /** An unqualified name. */
  public static QualifiedName of(String name) {
    return new QualifiedName(null, name);
  }

  /** True when written with a schema. */
  public boolean isQualified() {
    return schema != null;
  }

  /** The schema, or {@code defaultSchema} when the name is not qualified. */
  public String schemaOr(String defaultSchema) {
    return schema != null ? schema : defaultSchema;
  }

  /** SQL that names this object again, quoting parts that need it: {@code public."Order"}. */
  public String sql() {
    return schema == null
        ? Identifiers.quote(name)
        : Identifiers.quote(schema) + "." + Identifiers.quote(name);
  }

  @Override
  public String toString() {
    return sql();
  }
}
