package dev.migrationmcp.tools.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * What a database looked like at one moment: the selected schemas with their objects, plus
 * findings worth knowing before a migration. Immutable; compare two with {@code SchemaDiff}.
 */
public record SchemaSnapshot(
    String serverVersion,
    int serverVersionNum,
    String database,
    List<SchemaInfo> schemas,
    List<SchemaFinding> findings) {

  public SchemaSnapshot {
    schemas = List.copyOf(schemas);
    findings = List.copyOf(findings);
  }

  /** All tables of all schemas. */
  @JsonIgnore
  public List<TableInfo> tables() {
    return schemas.stream().flatMap(s -> s.tables().stream()).toList();
  }

  /** Finds a table by {@code name} or {@code schema.name} (unqualified: public first, then any). */
  public Optional<TableInfo> table(String name) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      String schema = name.substring(0, dot);
      String table = name.substring(dot + 1);
      return schemas.stream().filter(s -> s.name().equals(schema))
          .flatMap(s -> s.tables().stream()).filter(t -> t.name().equals(table)).findFirst();
    }
    return schemas.stream().sorted((a, b) -> Boolean.compare(!a.name().equals("public"), !b.name().equals("public")))
        .flatMap(s -> s.tables().stream()).filter(t -> t.name().equals(name)).findFirst();
  }
}
