package dev.migrationmcp.tools.schema;

import java.util.stream.Collectors;

/** Renders a snapshot for people: one block per table in full detail, one line each in summary. */
public final class SchemaTextRenderer {
  private SchemaTextRenderer() {}

  public static String render(SchemaSnapshot snapshot, boolean full) {
    StringBuilder sb = new StringBuilder();
    int tables = snapshot.tables().size();
    long enums = snapshot.schemas().stream().mapToLong(s -> s.enums().size()).sum();
    long views = snapshot.schemas().stream().mapToLong(s -> s.views().size()).sum();
    sb.append("PostgreSQL ").append(snapshot.serverVersion()).append(" · database ").append(snapshot.database())
        .append(" · ").append(tables).append(tables == 1 ? " table" : " tables")
        .append(" · ").append(enums).append(enums == 1 ? " enum" : " enums")
        .append(" · ").append(views).append(views == 1 ? " view" : " views").append('\n');
    for (SchemaInfo schema : snapshot.schemas()) {
      sb.append('\n').append("schema ").append(schema.name()).append('\n');
      for (TableInfo table : schema.tables()) {
        if (full) {
          renderTable(sb, table);
        } else {
          sb.append(String.format("  %-40s %-18s %10s%n", table.name(),
              ByteSizes.rows(table.rowsEstimate()), ByteSizes.human(table.totalBytes())));
        }
      }
      for (EnumInfo e : schema.enums()) {
        sb.append("  enum ").append(e.name()).append(" = ").append(String.join(" | ", e.values())).append('\n');
      }
      for (ViewInfo v : schema.views()) {
        sb.append("  ").append(v.materialized() ? "materialized view " : "view ").append(v.name());
        if (full && v.definition() != null) {
          sb.append(" AS ").append(v.definition().replaceAll("\\s+", " "));
        }
        sb.append('\n');
      }
      for (SequenceInfo s : schema.sequences()) {
        if (full || s.ownedBy() == null) {
          sb.append("  sequence ").append(s.name()).append(" (").append(s.dataType()).append(')')
              .append(s.ownedBy() == null ? "" : " owned by " + s.ownedBy()).append('\n');
        }
      }
      for (ExtensionInfo x : schema.extensions()) {
        sb.append("  extension ").append(x.name()).append(' ').append(x.version()).append('\n');
      }
    }
    if (!snapshot.findings().isEmpty()) {
      sb.append("\nfindings\n");
      for (SchemaFinding f : snapshot.findings()) {
        sb.append("  ").append(f.severity()).append(' ').append(f.kind()).append(": ").append(f.message()).append('\n');
        if (f.fix() != null) {
          sb.append("      fix: ").append(f.fix()).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static void renderTable(StringBuilder sb, TableInfo t) {
    sb.append('\n').append("  ").append(t.qualifiedName()).append("  (").append(t.kind()).append(", ")
        .append(ByteSizes.rows(t.rowsEstimate())).append(", ").append(ByteSizes.human(t.totalBytes())).append(")\n");
    int width = t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(4);
    for (ColumnInfo c : t.columns()) {
      sb.append("    ").append(pad(c.name(), width)).append("  ").append(c.type());
      if (!c.nullable()) {
        sb.append(" NOT NULL");
      }
      if (c.identity() != null) {
        sb.append(" GENERATED ").append(c.identity().toUpperCase()).append(" AS IDENTITY");
      }
      if (c.generated() != null) {
        sb.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
      }
      if (c.defaultValue() != null) {
        sb.append(" DEFAULT ").append(c.defaultValue());
      }
      sb.append('\n');
    }
    if (t.primaryKey() != null) {
      sb.append("    primary key ").append(t.primaryKey().name()).append(" (").append(String.join(", ", t.primaryKey().columns())).append(")\n");
    }
    for (ConstraintInfo u : t.uniques()) {
      sb.append("    unique ").append(u.name()).append(" (").append(String.join(", ", u.columns())).append(")\n");
    }
    for (ConstraintInfo c : t.checks()) {
      sb.append("    check ").append(c.name()).append(' ').append(c.definition()).append(c.validated() ? "" : " (NOT VALID)").append('\n');
    }
    for (ConstraintInfo x : t.exclusions()) {
      sb.append("    exclusion ").append(x.name()).append(' ').append(x.definition()).append('\n');
    }
    for (ForeignKeyInfo fk : t.foreignKeys()) {
      sb.append("    foreign key ").append(fk.name()).append(" (").append(String.join(", ", fk.columns())).append(") → ")
          .append(fk.references().table()).append('(').append(String.join(", ", fk.references().columns())).append(')')
          .append(fk.onDelete().equals("NO ACTION") ? "" : " ON DELETE " + fk.onDelete())
          .append(fk.validated() ? "" : " NOT VALID")
          .append(fk.indexed() ? "" : "  [no index on the referencing columns]").append('\n');
    }
    for (IndexInfo i : t.indexes()) {
      sb.append("    index ").append(i.name()).append(' ').append(ByteSizes.human(i.bytes()))
          .append(i.valid() ? "" : " INVALID").append(": ").append(i.definition()).append('\n');
    }
    if (!t.referencedBy().isEmpty()) {
      sb.append("    referenced by ").append(t.referencedBy().stream()
          .map(r -> r.table() + "(" + String.join(", ", r.columns()) + ")").collect(Collectors.joining(", "))).append('\n');
    }
    for (TriggerInfo tr : t.triggers()) {
      sb.append("    trigger ").append(tr.definition()).append(tr.enabled() ? "" : " (disabled)").append('\n');
    }
    if (t.partitionKey() != null) {
      sb.append("    partitioned by ").append(t.partitionKey()).append("; partitions: ")
          .append(t.partitions().isEmpty() ? "none" : String.join(", ", t.partitions())).append('\n');
    }
    if (t.partitionOf() != null) {
      sb.append("    partition of ").append(t.partitionOf()).append(' ').append(t.partitionBound()).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

}
