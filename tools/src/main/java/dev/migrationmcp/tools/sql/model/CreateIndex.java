package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method]
 * (elements) [INCLUDE (columns)] [NULLS [NOT] DISTINCT] [WITH (…)] [TABLESPACE t] [WHERE predicate]}.
 *
 * @param name the index name, or null when PostgreSQL generates one
 * @param method the access method in lower case ({@code btree} when not written)
 * @param where the partial-index predicate as written, or null
 */
public record CreateIndex(
    String name,
    QualifiedName table,
    boolean unique,
    boolean concurrently,
    boolean ifNotExists,
    boolean only,
    String method,
    List<IndexElement> elements,
    List<String> include,
    boolean nullsNotDistinct,
    String tablespace,
    String where)
    implements Statement {
  public CreateIndex {
    elements = List.copyOf(elements);
    include = List.copyOf(include);
  }

  @Override
  public String kind() {
    return "CREATE INDEX";
  }

  /** The plain column keys, in order (expressions skipped). */
  public List<String> columns() {
    return elements.stream().filter(e -> e.column() != null).map(IndexElement::column)
        .collect(java.util.stream.Collectors.toList());
  }
}
