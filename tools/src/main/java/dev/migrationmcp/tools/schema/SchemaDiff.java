package dev.migrationmcp.tools.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two snapshots: objects added, removed and changed — schemas, tables,
 * columns (type, nullability, default, identity, generated), constraints, indexes, triggers,
 * enums (labels and their order), views, sequences and extensions. Sizes and row estimates are
 * not compared: they change with data, not with the schema.
 */
public record SchemaDiff(List<SchemaChange> added, List<SchemaChange> removed, List<SchemaChange> changed) {

  public SchemaDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** Human-readable lines: {@code + table public.orders}, {@code ~ column …: type: …}. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    added.forEach(c -> out.add("+ " + c));
    removed.forEach(c -> out.add("- " + c));
    changed.forEach(c -> out.add("~ " + c));
    return out;
  }

  public static SchemaDiff between(SchemaSnapshot before, SchemaSnapshot after) {
    Builder b = new Builder();
    Map<String, SchemaInfo> beforeSchemas = byName(before.schemas(), SchemaInfo::name);
    Map<String, SchemaInfo> afterSchemas = byName(after.schemas(), SchemaInfo::name);
    b.compareKeys("schema", beforeSchemas, afterSchemas, s -> null, (name, x, y) -> { });
    for (String schema : union(beforeSchemas, afterSchemas)) {
      SchemaInfo x = beforeSchemas.get(schema);
      SchemaInfo y = afterSchemas.get(schema);
      String prefix = schema + ".";
      b.compareKeys("table", byName(x == null ? List.of() : x.tables(), t -> prefix + t.name()),
          byName(y == null ? List.of() : y.tables(), t -> prefix + t.name()), t -> null, b::compareTables);
      b.compareKeys("enum", byName(x == null ? List.of() : x.enums(), e -> prefix + e.name()),
          byName(y == null ? List.of() : y.enums(), e -> prefix + e.name()), e -> String.join(", ", e.values()),
          (name, e1, e2) -> b.changedIf("enum", name, "values", String.join(", ", e1.values()), String.join(", ", e2.values())));
      b.compareKeys("view", byName(x == null ? List.of() : x.views(), v -> prefix + v.name()),
          byName(y == null ? List.of() : y.views(), v -> prefix + v.name()), v -> v.materialized() ? "materialized" : null,
          (name, v1, v2) -> {
            b.changedIf("view", name, "definition", v1.definition(), v2.definition());
            b.changedIf("view", name, "materialized", v1.materialized(), v2.materialized());
          });
      b.compareKeys("sequence", byName(x == null ? List.of() : x.sequences(), s -> prefix + s.name()),
          byName(y == null ? List.of() : y.sequences(), s -> prefix + s.name()), SequenceInfo::dataType,
          (name, s1, s2) -> b.changedIf("sequence", name, "type", s1.dataType(), s2.dataType()));
      b.compareKeys("extension", byName(x == null ? List.of() : x.extensions(), e -> e.name()),
          byName(y == null ? List.of() : y.extensions(), e -> e.name()), ExtensionInfo::version,
          (name, e1, e2) -> b.changedIf("extension", name, "version", e1.version(), e2.version()));
    }
    return new SchemaDiff(b.added, b.removed, b.changed);
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> key) {
    Map<String, T> out = new LinkedHashMap<>();
    items.forEach(i -> out.put(key.apply(i), i));
    return out;
  }

  private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }

  @FunctionalInterface
  private interface Comparison<T> {
    void compare(String name, T before, T after);
  }

  private static final class Builder {
    final List<SchemaChange> added = new ArrayList<>();
    final List<SchemaChange> removed = new ArrayList<>();
    final List<SchemaChange> changed = new ArrayList<>();

    <T> void compareKeys(String kind, Map<String, T> before, Map<String, T> after, Function<T, String> describe,
        Comparison<T> both) {
      for (Map.Entry<String, T> e : before.entrySet()) {
        T other = after.get(e.getKey());
        if (other == null) {
          removed.add(new SchemaChange(kind, e.getKey(), describe.apply(e.getValue())));
        } else {
          both.compare(e.getKey(), e.getValue(), other);
        }
      }
      for (Map.Entry<String, T> e : after.entrySet()) {
        if (!before.containsKey(e.getKey())) {
          added.add(new SchemaChange(kind, e.getKey(), describe.apply(e.getValue())));
        }
      }
    }

    void changedIf(String kind, String name, String what, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        changed.add(new SchemaChange(kind, name, what + ": " + before + " → " + after));
      }
    }

    void compareTables(String name, TableInfo x, TableInfo y) {
      changedIf("table", name, "kind", x.kind(), y.kind());
      changedIf("table", name, "partition of", x.partitionOf(), y.partitionOf());
      compareKeys("column", byName(x.columns(), c -> name + "." + c.name()), byName(y.columns(), c -> name + "." + c.name()),
          Builder::describeColumn, (col, c1, c2) -> {
            changedIf("column", col, "type", c1.type(), c2.type());
            changedIf("column", col, "nullable", c1.nullable(), c2.nullable());
            changedIf("column", col, "default", c1.defaultValue(), c2.defaultValue());
            changedIf("column", col, "identity", c1.identity(), c2.identity());
            changedIf("column", col, "generated", c1.generated(), c2.generated());
          });
      Map<String, String> c1 = constraints(x);
      Map<String, String> c2 = constraints(y);
      compareKeys("constraint", prefixed(name, c1), prefixed(name, c2), d -> d,
          (con, d1, d2) -> changedIf("constraint", con, "definition", d1, d2));
      compareKeys("index", byName(x.indexes(), i -> name + "." + i.name()), byName(y.indexes(), i -> name + "." + i.name()),
          IndexInfo::definition, (idx, i1, i2) -> {
            changedIf("index", idx, "definition", i1.definition(), i2.definition());
            changedIf("index", idx, "valid", i1.valid(), i2.valid());
          });
      compareKeys("trigger", byName(x.triggers(), t -> name + "." + t.name()), byName(y.triggers(), t -> name + "." + t.name()),
          TriggerInfo::definition, (trg, t1, t2) -> {
            changedIf("trigger", trg, "definition", t1.definition(), t2.definition());
            changedIf("trigger", trg, "enabled", t1.enabled(), t2.enabled());
          });
    }

    private static String describeColumn(ColumnInfo c) {
      return c.type() + (c.nullable() ? "" : " NOT NULL") + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue());
    }

    private static Map<String, String> constraints(TableInfo t) {
      Map<String, String> out = new LinkedHashMap<>();
      if (t.primaryKey() != null) {
        out.put(t.primaryKey().name(), describe(t.primaryKey()));
      }
      t.uniques().forEach(c -> out.put(c.name(), describe(c)));
      t.checks().forEach(c -> out.put(c.name(), describe(c)));
      t.exclusions().forEach(c -> out.put(c.name(), describe(c)));
      t.foreignKeys().forEach(f -> out.put(f.name(), (f.definition() != null ? f.definition()
          : "FOREIGN KEY (" + String.join(", ", f.columns()) + ") REFERENCES " + f.references().table())
          + (f.validated() ? "" : " (not validated)")));
      return out;
    }

    private static String describe(ConstraintInfo c) {
      return (c.definition() != null ? c.definition() : String.join(", ", c.columns()))
          + (c.validated() ? "" : " (not validated)");
    }

    private static Map<String, String> prefixed(String table, Map<String, String> constraints) {
      Map<String, String> out = new LinkedHashMap<>();
      constraints.forEach((k, v) -> out.put(table + "." + k, v));
      return out;
    }
  }
}
