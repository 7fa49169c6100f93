package dev.migrationmcp.tools.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the snapshot records from the raw catalog rows read by the {@code Pg*} classes. */
final class SnapshotAssembler {
  private final Map<Long, PgRelations.Row> relations;
  private final Map<Long, Map<Integer, String>> names;
  private final PgSizes.Sizes sizes;
  private final boolean full;
  private final Map<Long, List<IndexInfo>> indexes = new HashMap<>();
  private final Map<Long, Constraints> constraints = new HashMap<>();
  private final Map<String, SchemaParts> schemas = new LinkedHashMap<>();
  private final Map<String, List<PgRelations.Row>> partitionsByParent = new HashMap<>();

  SnapshotAssembler(Map<Long, PgRelations.Row> relations, Map<Long, Map<Integer, String>> names,
      PgSizes.Sizes sizes, boolean full) {
    this.relations = relations;
    this.names = names;
    this.sizes = sizes;
    this.full = full;
    for (PgRelations.Row r : relations.values()) {
      if (r.partitionOf() != null) {
        partitionsByParent.computeIfAbsent(r.partitionOf(), k -> new ArrayList<>()).add(r);
      }
    }
  }

  /** The mutable parts of one schema while assembling. */
  static final class SchemaParts {
    final List<TableInfo> tables = new ArrayList<>();
    final List<EnumInfo> enums = new ArrayList<>();
    final List<ViewInfo> views = new ArrayList<>();
    final List<SequenceInfo> sequences = new ArrayList<>();
    final List<ExtensionInfo> extensions = new ArrayList<>();

    boolean isEmpty() {
      return tables.isEmpty() && enums.isEmpty() && views.isEmpty() && sequences.isEmpty() && extensions.isEmpty();
    }
  }

  private static final class Constraints {
    ConstraintInfo primaryKey;
    final List<ConstraintInfo> uniques = new ArrayList<>();
    final List<ConstraintInfo> checks = new ArrayList<>();
    final List<ConstraintInfo> exclusions = new ArrayList<>();
    final List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
    final List<ReferenceInfo> referencedBy = new ArrayList<>();
  }

  SchemaParts schema(String name) {
    return schemas.computeIfAbsent(name, k -> new SchemaParts());
  }

  void addIndexes(List<PgIndexes.Row> rows) {
    for (PgIndexes.Row r : rows) {
      Map<Integer, String> tableNames = names.getOrDefault(r.tableOid(), Map.of());
      List<String> cols = PgColumns.label(r.keys(), tableNames, r.keyCount());
      String definition = full ? r.definition(tableNames) : null;
      indexes.computeIfAbsent(r.tableOid(), k -> new ArrayList<>()).add(new IndexInfo(r.name(), definition, cols,
          r.method(), r.unique(), r.primary(), r.valid(), r.partial(), sizes.relation(r.indexOid()), r.shape()));
    }
  }

  void addConstraints(List<PgConstraints.Row> rows, Set<Long> own) {
    for (PgConstraints.Row r : rows) {
      List<String> cols = PgColumns.label(r.keys(), names.getOrDefault(r.tableOid(), Map.of()), Integer.MAX_VALUE);
      if (own.contains(r.tableOid())) {
        Constraints c = constraints.computeIfAbsent(r.tableOid(), k -> new Constraints());
        ConstraintInfo info = new ConstraintInfo(r.name(), cols, r.definition(), r.validated());
        switch (r.type()) {
          case "p" -> c.primaryKey = info;
          case "u" -> c.uniques.add(info);
          case "c" -> c.checks.add(info);
          case "x" -> c.exclusions.add(info);
          case "f" -> {
            List<String> refCols = PgColumns.label(r.refKeys(), names.getOrDefault(r.refOid(), Map.of()), Integer.MAX_VALUE);
            boolean indexed = SchemaFindings.coveredByIndex(cols, indexes.getOrDefault(r.tableOid(), List.of()));
            c.foreignKeys.add(new ForeignKeyInfo(r.name(), cols, new TableColumns(r.refSchema() + "." + r.refTable(), refCols),
                r.onDelete(), r.onUpdate(), indexed, r.validated(), r.definition()));
          }
          default -> { }
        }
      }
      if (r.type().equals("f") && own.contains(r.refOid())) {
        constraints.computeIfAbsent(r.refOid(), k -> new Constraints()).referencedBy
            .add(new ReferenceInfo(r.qualifiedTable(), r.name(), cols, r.onDelete()));
      }
    }
  }

  /**
   * Adds a table and returns it with its indexes, which the findings need even in summary form
   * (where the answer itself leaves indexes out).
   */
  TableInfo addTable(PgRelations.Row r, List<ColumnInfo> columns, List<TriggerInfo> triggers) {
    Constraints c = constraints.getOrDefault(r.oid(), new Constraints());
    List<IndexInfo> tableIndexes = indexes.getOrDefault(r.oid(), List.of());
    List<PgRelations.Row> partitions = partitionsByParent.getOrDefault(r.qualifiedName(), List.of());
    long bytes = bytesOf(r);
    long rows = r.rowsEstimate();
    if (r.kind().equals("p") && !partitions.isEmpty()) {
      bytes += partitions.stream().mapToLong(this::bytesOf).sum();
      rows = partitions.stream().mapToLong(p -> Math.max(p.rowsEstimate(), 0)).sum();
    }
    List<String> partitionNames = partitions.stream().map(PgRelations.Row::qualifiedName).sorted().toList();
    TableInfo withIndexes = new TableInfo(r.schema(), r.name(), r.kindName(), rows, bytes, columns, c.primaryKey,
        c.uniques, c.checks, c.exclusions, c.foreignKeys, tableIndexes, c.referencedBy, triggers, r.partitionOf(),
        r.partitionBound(), r.partitionKey(), partitionNames, r.comment());
    TableInfo shown = full ? withIndexes : new TableInfo(r.schema(), r.name(), r.kindName(), rows, bytes, columns,
        c.primaryKey, c.uniques, c.checks, c.exclusions, c.foreignKeys, List.of(), c.referencedBy, triggers,
        r.partitionOf(), r.partitionBound(), r.partitionKey(), partitionNames, r.comment());
    schema(r.schema()).tables.add(shown);
    return withIndexes;
  }

  void addView(PgRelations.Row r, List<ColumnInfo> columns, String definition) {
    boolean materialized = r.kind().equals("m");
    schema(r.schema()).views.add(new ViewInfo(r.name(), materialized, columns, definition,
        materialized ? r.rowsEstimate() : 0, materialized ? bytesOf(r) : 0));
  }

  /** Heap + TOAST + indexes. */
  private long bytesOf(PgRelations.Row r) {
    return sizes.table(r.oid());
  }

  List<SchemaInfo> schemas(boolean dropEmpty) {
    List<SchemaInfo> out = new ArrayList<>();
    schemas.forEach((name, p) -> {
      if (!dropEmpty || !p.isEmpty()) {
        out.add(new SchemaInfo(name, p.tables, p.enums, p.views, p.sequences, p.extensions));
      }
    });
    return out;
  }
}
