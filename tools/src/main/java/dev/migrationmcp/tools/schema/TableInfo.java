package dev.migrationmcp.tools.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A table (ordinary, partitioned or foreign) with everything a migration author needs.
 *
 * @param kind {@code table}, {@code partitioned table} or {@code foreign table}
 * @param rowsEstimate {@code pg_class.reltuples}; -1 when never analyzed
 * @param totalBytes table + indexes + TOAST ({@code pg_total_relation_size}); for a partitioned
 *     table, the sum over its partitions
 */
public record TableInfo(
    @JsonIgnore String schema,
    String name,
    String kind,
    long rowsEstimate,
    long totalBytes,
    List<ColumnInfo> columns,
    ConstraintInfo primaryKey,
    List<ConstraintInfo> uniques,
    List<ConstraintInfo> checks,
    List<ConstraintInfo> exclusions,
    List<ForeignKeyInfo> foreignKeys,
    List<IndexInfo> indexes,
    List<ReferenceInfo> referencedBy,
    List<TriggerInfo> triggers,
    String partitionOf,
    String partitionBound,
    String partitionKey,
    List<String> partitions,
    String comment) {

  public TableInfo {
    columns = List.copyOf(columns);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    exclusions = List.copyOf(exclusions);
    foreignKeys = List.copyOf(foreignKeys);
    indexes = List.copyOf(indexes);
    referencedBy = List.copyOf(referencedBy);
    triggers = List.copyOf(triggers);
    partitions = List.copyOf(partitions);
  }

  /** {@code schema.name}. */
  @JsonIgnore
  public String qualifiedName() {
    return schema + "." + name;
  }

  /** The column called {@code name}, or null. */
  public ColumnInfo column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
  }
}
