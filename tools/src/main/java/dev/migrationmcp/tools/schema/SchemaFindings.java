package dev.migrationmcp.tools.schema;

import dev.migrationmcp.tools.sql.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the findings a migration author wants to see from a set of tables: foreign keys
 * without a covering index, invalid indexes, duplicate indexes, tables without a primary key.
 */
final class SchemaFindings {
  private SchemaFindings() {}

  /** Whether some valid, non-partial index on the table starts with exactly the FK's columns. */
  static boolean coveredByIndex(List<String> fkColumns, List<IndexInfo> indexes) {
    for (IndexInfo index : indexes) {
      if (!index.valid() || index.partial() || index.columns().size() < fkColumns.size()) {
        continue;
      }
      List<String> leading = index.columns().subList(0, fkColumns.size());
      if (leading.containsAll(fkColumns) && fkColumns.containsAll(leading)) {
        return true;
      }
    }
    return false;
  }

  static List<SchemaFinding> of(List<TableInfo> tables) {
    List<SchemaFinding> findings = new ArrayList<>();
    for (TableInfo table : tables) {
      if (!table.kind().equals("table") && !table.kind().equals("partitioned table")) {
        continue;
      }
      String qualified = table.qualifiedName();
      if (table.primaryKey() == null && table.partitionOf() == null) {
        findings.add(new SchemaFinding("table-without-primary-key", "warning", qualified,
            qualified + " has no primary key: logical replication cannot replicate its UPDATEs and DELETEs, "
                + "and rows cannot be addressed reliably",
            null));
      }
      for (ForeignKeyInfo fk : table.foreignKeys()) {
        if (!fk.indexed()) {
          String cols = String.join(", ", fk.columns());
          findings.add(new SchemaFinding("foreign-key-without-index", "warning", qualified,
              "foreign key " + fk.name() + " (" + cols + ") → " + fk.references().table()
                  + " has no index on " + qualified + "(" + cols + "): every DELETE or key UPDATE on "
                  + fk.references().table() + " scans " + qualified + " (~" + Math.max(table.rowsEstimate(), 0) + " rows)",
              "CREATE INDEX CONCURRENTLY ON " + Identifiers.qualified(table.schema(), table.name()) + " ("
                  + fk.columns().stream().map(Identifiers::quote).collect(java.util.stream.Collectors.joining(", ")) + ");"));
        }
      }
      Map<String, IndexInfo> byShape = new HashMap<>();
      for (IndexInfo index : table.indexes()) {
        if (!index.valid()) {
          findings.add(new SchemaFinding("invalid-index", "warning", qualified,
              "index " + index.name() + " is INVALID (a CREATE INDEX CONCURRENTLY failed): it is maintained on "
                  + "every write but never used",
              "DROP INDEX CONCURRENTLY " + Identifiers.qualified(table.schema(), index.name())
                  + "; -- then recreate it"));
        }
        String shape = shapeOf(index);
        IndexInfo twin = byShape.putIfAbsent(shape, index);
        if (twin != null) {
          findings.add(new SchemaFinding("duplicate-index", "info", qualified,
              "index " + index.name() + " duplicates " + twin.name() + " (same columns, method and predicate): "
                  + "it doubles write cost and disk use",
              index.primary() || index.unique() && !twin.unique() ? null
                  : "DROP INDEX CONCURRENTLY " + Identifiers.qualified(table.schema(), index.name()) + ";"));
        }
      }
    }
    return findings;
  }

  /** Equal shapes (and uniqueness) on one table are duplicates. */
  private static String shapeOf(IndexInfo index) {
    return (index.unique() ? "U|" : "|") + index.shape();
  }

}
