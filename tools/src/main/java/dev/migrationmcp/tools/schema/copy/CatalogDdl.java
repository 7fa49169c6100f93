package dev.migrationmcp.tools.schema.copy;

import dev.migrationmcp.tools.schema.CatalogSession;
import dev.migrationmcp.tools.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a database's catalog and emits the ordered DDL of a schema-only copy of it: schemas,
 * extensions, types, sequences, functions, tables (partitioned ones with their partitions),
 * constraints, views, indexes, foreign keys, triggers, rules, statistics objects, row-level
 * security switches and comments. Definitions come from PostgreSQL itself ({@code format_type},
 * {@code pg_get_*def}, {@code pg_get_expr}), read with an empty search_path so every name in them
 * is schema-qualified. Objects it cannot reproduce are listed in {@link SchemaCopyScript#skipped()}.
 *
 * <p>The order follows what depends on what in the common case (pg_dump's order); the applier
 * retries what still fails for want of something created later. Owners, privileges, data and
 * planner statistics are not copied.
 */
public final class CatalogDdl {
  private final CatalogSession session;
  private final List<DdlStep> steps = new ArrayList<>();
  private final List<SkippedObject> skipped = new ArrayList<>();

  private CatalogDdl(CatalogSession session) {
    this.session = session;
  }

  /**
   * Reads {@code database}'s catalog in a READ ONLY transaction with {@code statementTimeoutMs}
   * per query; nothing is written.
   */
  public static SchemaCopyScript read(Connection database, int statementTimeoutMs) throws SQLException {
    try (CatalogSession session = new CatalogSession(database, statementTimeoutMs, null)) {
      try (Statement s = database.createStatement()) {
        s.execute("SET LOCAL search_path = ''");
      }
      return new CatalogDdl(session).build();
    }
  }

  record Relation(long oid, String name, String kind, boolean unlogged, boolean partition, List<String> parents,
      String bound, String partitionKey, String options, String viewDefinition, boolean populated,
      boolean rowSecurity, boolean forceRowSecurity, String comment) {

    boolean isTable() {
      return kind.equals("r") || kind.equals("p");
    }
  }

  record Column(long oid, String name, String type, boolean notNull, boolean local, String identity,
      String generated, String expression, String collation, String identityOptions, String comment) {}

  private SchemaCopyScript build() throws SQLException {
    schemas();
    extensions();
    types();
    List<String[]> owners = sequences();
    List<DdlStep> lateFunctions = functions();
    List<Relation> relations = relations();
    Map<String, Relation> byName = relations.stream().collect(Collectors.toMap(Relation::name, r -> r));
    List<Relation> copied = relations.stream().filter(r -> !r.kind().equals("f")).toList();
    relations.stream().filter(r -> r.kind().equals("f"))
        .forEach(r -> skipped.add(new SkippedObject("foreign table", r.name(), "foreign tables need a foreign server")));
    String oids = oidArray(copied);
    Map<Long, List<Column>> columns = columns(oids);
    List<Relation> tables = copied.stream().filter(Relation::isTable)
        .sorted(Comparator.comparingInt((Relation r) -> depth(r, byName)).thenComparingLong(Relation::oid)).toList();
    for (Relation t : tables) {
      add("table", t.name(), createTable(t, columns.getOrDefault(t.oid(), List.of())));
    }
    for (Relation t : tables) {
      inheritedColumnOverrides(t, byName, columns);
    }
    owners.forEach(o -> add("sequence owner", o[0], "ALTER SEQUENCE " + o[0] + " OWNED BY " + o[1]));
    Map<Long, Relation> byOid = copied.stream().collect(Collectors.toMap(Relation::oid, r -> r));
    List<String[]> constraints = session.query("ddl/constraints", ps -> ps.setString(1, oids), rs -> new String[] {
        Long.toString(rs.getLong("oid")), rs.getString("name"), rs.getString("type"), rs.getString("definition"),
        Boolean.toString(rs.getBoolean("is_local")), Boolean.toString(rs.getBoolean("inherited")),
        rs.getString("index_name"), rs.getString("parent_index")});
    // A check on a child first: adding the parent's later merges into it instead of clashing.
    constraints.stream().filter(c -> c[2].equals("c") && Boolean.parseBoolean(c[4]))
        .sorted(Comparator.comparingInt((String[] c) -> -depth(byOid.get(Long.parseLong(c[0])), byName)))
        .forEach(c -> add("check constraint", table(byOid, c) + "." + c[1],
            "ALTER TABLE " + table(byOid, c) + " ADD CONSTRAINT " + Identifiers.quote(c[1]) + " " + c[3]));
    List<String[]> attaches = new ArrayList<>();
    for (String[] c : constraints) {
      if (c[2].equals("p") || c[2].equals("u") || c[2].equals("x")) {
        add("constraint", table(byOid, c) + "." + c[1],
            "ALTER TABLE ONLY " + table(byOid, c) + " ADD CONSTRAINT " + Identifiers.quote(c[1]) + " " + c[3]);
        if (c[7] != null) {
          attaches.add(new String[] {c[7], c[6]});
        }
      }
    }
    steps.addAll(lateFunctions);
    views(copied, columns);
    indexes(oids, byOid, attaches);
    attaches.forEach(a -> add("index attachment", a[1], "ALTER INDEX " + a[0] + " ATTACH PARTITION " + a[1]));
    constraints.stream().filter(c -> c[2].equals("f") && !Boolean.parseBoolean(c[5]))
        .forEach(c -> add("foreign key", table(byOid, c) + "." + c[1],
            "ALTER TABLE " + table(byOid, c) + " ADD CONSTRAINT " + Identifiers.quote(c[1]) + " " + c[3]));
    triggers(oids, byOid);
    session.query("ddl/rules", ps -> ps.setString(1, oids), rs -> add("rule",
        byOid.get(rs.getLong("oid")).name() + " " + rs.getString("name"), withoutSemicolon(rs.getString("definition"))));
    session.query("ddl/statistics", ps -> { }, rs -> add("statistics", rs.getString("name"), rs.getString("definition")));
    for (Relation r : tables) {
      if (r.rowSecurity()) {
        add("row security", r.name(), "ALTER TABLE " + r.name() + " ENABLE ROW LEVEL SECURITY");
      }
      if (r.forceRowSecurity()) {
        add("row security", r.name(), "ALTER TABLE " + r.name() + " FORCE ROW LEVEL SECURITY");
      }
    }
    comments(copied, columns);
    session.query("ddl/uncopied", ps -> { },
        rs -> skipped.add(new SkippedObject(rs.getString("kind"), rs.getString("name"), rs.getString("reason"))));
    return new SchemaCopyScript(steps, skipped);
  }

  private void schemas() throws SQLException {
    List<String> names = session.query("ddl/schemas", ps -> { }, rs -> rs.getString(1));
    if (!names.contains("public")) {
      add("schema", "public", "DROP SCHEMA IF EXISTS public");
    }
    names.stream().filter(n -> !n.equals("public"))
        .forEach(n -> add("schema", n, "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(n)));
  }

  private void extensions() throws SQLException {
    session.query("ddl/extensions", ps -> { }, rs -> add("extension", rs.getString("name"),
        "CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(rs.getString("name")) + " WITH SCHEMA "
            + Identifiers.quote(rs.getString("schema_name")) + " CASCADE"));
  }

  private void types() throws SQLException {
    session.query("ddl/types", ps -> { }, rs -> {
      String name = rs.getString("name");
      switch (rs.getString("kind")) {
        case "e" -> add("enum", name, "CREATE TYPE " + name + " AS ENUM ("
            + String.join(", ", CatalogSession.strings(rs.getArray("labels"))) + ")");
        case "d" -> {
          StringBuilder sb = new StringBuilder("CREATE DOMAIN " + name + " AS " + rs.getString("base_type"));
          if (rs.getString("collation") != null) {
            sb.append(" COLLATE ").append(rs.getString("collation"));
          }
          if (rs.getString("default_value") != null) {
            sb.append(" DEFAULT ").append(rs.getString("default_value"));
          }
          if (rs.getBoolean("not_null")) {
            sb.append(" NOT NULL");
          }
          CatalogSession.strings(rs.getArray("checks")).forEach(c -> sb.append(' ').append(c));
          add("domain", name, sb.toString());
        }
        case "c" -> add("composite type", name, "CREATE TYPE " + name + " AS ("
            + String.join(", ", CatalogSession.strings(rs.getArray("attributes"))) + ")");
        case "r" -> add("range type", name, "CREATE TYPE " + name + " AS RANGE (SUBTYPE = " + rs.getString("subtype")
            + (rs.getString("subtype_diff") == null ? "" : ", SUBTYPE_DIFF = " + rs.getString("subtype_diff")) + ")");
        default -> skipped.add(new SkippedObject("base type", name, "base types need input and output functions in C"));
      }
      return null;
    });
  }

  /** Creates the sequences; returns {sequence, owning column} pairs to set once the tables exist. */
  private List<String[]> sequences() throws SQLException {
    List<String[]> owners = new ArrayList<>();
    session.query("ddl/sequences", ps -> { }, rs -> {
      String name = rs.getString("name");
      add("sequence", name, "CREATE " + (rs.getBoolean("unlogged") ? "UNLOGGED " : "") + "SEQUENCE " + name
          + " AS " + rs.getString("data_type") + " INCREMENT BY " + rs.getLong("increment")
          + " MINVALUE " + rs.getLong("min_value") + " MAXVALUE " + rs.getLong("max_value")
          + " START WITH " + rs.getLong("start_value") + " CACHE " + rs.getLong("cache")
          + (rs.getBoolean("cycle") ? " CYCLE" : " NO CYCLE"));
      if (rs.getString("owned_by") != null) {
        owners.add(new String[] {name, rs.getString("owned_by")});
      }
      return null;
    });
    return owners;
  }

  /**
   * Creates the functions and procedures that need no relation (defaults, checks and generated
   * columns may call them); returns the others, to create once the tables exist.
   */
  private List<DdlStep> functions() throws SQLException {
    List<DdlStep> late = new ArrayList<>();
    session.query("ddl/functions", ps -> { }, rs -> {
      String kind = rs.getString("kind");
      if (kind.equals("a")) {
        skipped.add(new SkippedObject("aggregate", rs.getString("name"), "aggregates are not copied"));
        return null;
      }
      DdlStep step = new DdlStep(kind.equals("p") ? "procedure" : "function", rs.getString("name"),
          rs.getString("definition").strip());
      if (rs.getBoolean("needs_relations")) {
        late.add(step);
      } else {
        steps.add(step);
      }
      return null;
    });
    return late;
  }

  private List<Relation> relations() throws SQLException {
    return session.query("ddl/relations", ps -> { }, rs -> new Relation(rs.getLong("oid"), rs.getString("name"),
        rs.getString("kind"), rs.getBoolean("unlogged"), rs.getBoolean("is_partition"),
        CatalogSession.strings(rs.getArray("parents")), rs.getString("partition_bound"), rs.getString("partition_key"),
        rs.getString("options"), rs.getString("view_definition"), rs.getBoolean("populated"),
        rs.getBoolean("row_security"), rs.getBoolean("force_row_security"), rs.getString("comment")));
  }

  private Map<Long, List<Column>> columns(String oids) throws SQLException {
    Map<Long, List<Column>> out = new HashMap<>();
    session.query("ddl/columns", ps -> ps.setString(1, oids), rs -> out.computeIfAbsent(rs.getLong("oid"),
        k -> new ArrayList<>()).add(new Column(rs.getLong("oid"), rs.getString("name"), rs.getString("type"),
            rs.getBoolean("not_null"), rs.getBoolean("is_local"), rs.getString("identity"), rs.getString("generated"),
            rs.getString("expression"), rs.getString("collation"), rs.getString("identity_options"),
            rs.getString("comment"))));
    return out;
  }

  static String createTable(Relation t, List<Column> columns) {
    StringBuilder sb = new StringBuilder("CREATE ").append(t.unlogged() ? "UNLOGGED " : "").append("TABLE ").append(t.name());
    if (t.partition()) {
      sb.append(" PARTITION OF ").append(t.parents().get(0)).append(' ').append(t.bound());
    } else {
      sb.append(" (").append(columns.stream().filter(Column::local).map(CatalogDdl::columnDefinition)
          .collect(Collectors.joining(", "))).append(')');
      if (!t.parents().isEmpty()) {
        sb.append(" INHERITS (").append(String.join(", ", t.parents())).append(')');
      }
    }
    if (t.partitionKey() != null) {
      sb.append(" PARTITION BY ").append(t.partitionKey());
    }
    if (t.options() != null && !t.options().isEmpty()) {
      sb.append(" WITH (").append(t.options()).append(')');
    }
    return sb.toString();
  }

  static String columnDefinition(Column c) {
    StringBuilder sb = new StringBuilder(Identifiers.quote(c.name())).append(' ').append(c.type());
    if (c.collation() != null) {
      sb.append(" COLLATE ").append(c.collation());
    }
    if ("s".equals(c.generated())) {
      sb.append(" GENERATED ALWAYS AS (").append(c.expression()).append(") STORED");
    } else if ("v".equals(c.generated())) {
      sb.append(" GENERATED ALWAYS AS (").append(c.expression()).append(") VIRTUAL");
    } else if ("a".equals(c.identity()) || "d".equals(c.identity())) {
      sb.append(" GENERATED ").append(c.identity().equals("a") ? "ALWAYS" : "BY DEFAULT").append(" AS IDENTITY");
      if (c.identityOptions() != null) {
        sb.append(" (").append(c.identityOptions()).append(')');
      }
    } else if (c.expression() != null) {
      sb.append(" DEFAULT ").append(c.expression());
    }
    if (c.notNull()) {
      sb.append(" NOT NULL");
    }
    return sb.toString();
  }

  /**
   * A child table takes its inherited columns' defaults and nullability from its parent; where the
   * live child differs, say so explicitly.
   */
  private void inheritedColumnOverrides(Relation t, Map<String, Relation> byName, Map<Long, List<Column>> columns) {
    if (t.parents().isEmpty() || !byName.containsKey(t.parents().get(0))) {
      return;
    }
    Map<String, Column> parent = columns.getOrDefault(byName.get(t.parents().get(0)).oid(), List.of()).stream()
        .collect(Collectors.toMap(Column::name, c -> c));
    for (Column c : columns.getOrDefault(t.oid(), List.of())) {
      Column p = parent.get(c.name());
      if (p == null || (c.local() && !t.partition())) {
        continue;
      }
      String alter = "ALTER TABLE ONLY " + t.name() + " ALTER COLUMN " + Identifiers.quote(c.name());
      boolean plain = (c.generated() == null || c.generated().isEmpty()) && (c.identity() == null || c.identity().isEmpty());
      if (plain && !java.util.Objects.equals(c.expression(), p.expression())) {
        add("column default", t.name() + "." + c.name(),
            c.expression() == null ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + c.expression());
      }
      if (c.notNull() && !p.notNull()) {
        add("not null", t.name() + "." + c.name(), alter + " SET NOT NULL");
      }
    }
  }

  private void views(List<Relation> relations, Map<Long, List<Column>> columns) {
    for (Relation v : relations) {
      if (v.viewDefinition() == null) {
        continue;
      }
      String with = v.options() == null || v.options().isEmpty() ? "" : " WITH (" + v.options() + ")";
      String body = withoutSemicolon(v.viewDefinition());
      if (v.kind().equals("m")) {
        add("materialized view", v.name(), "CREATE MATERIALIZED VIEW " + v.name() + with + " AS " + body
            + (v.populated() ? " WITH DATA" : " WITH NO DATA"));
      } else {
        add("view", v.name(), "CREATE VIEW " + v.name() + with + " AS " + body);
        for (Column c : columns.getOrDefault(v.oid(), List.of())) {
          if (c.expression() != null) {
            add("column default", v.name() + "." + c.name(), "ALTER VIEW " + v.name() + " ALTER COLUMN "
                + Identifiers.quote(c.name()) + " SET DEFAULT " + c.expression());
          }
        }
      }
    }
  }

  private void indexes(String oids, Map<Long, Relation> byOid, List<String[]> attaches) throws SQLException {
    session.query("ddl/indexes", ps -> ps.setString(1, oids), rs -> {
      Relation table = byOid.get(rs.getLong("oid"));
      String name = rs.getString("name");
      String definition = rs.getString("definition");
      if (!rs.getBoolean("valid") && !table.kind().equals("p")) {
        skipped.add(new SkippedObject("index", name,
            "invalid on the live database (a failed CREATE INDEX CONCURRENTLY); the copy leaves it out"));
        return null;
      }
      if (table.kind().equals("p") && !definition.contains(" ON ONLY ")) {
        // Only the parent's index: the partitions' own indexes are created and attached by name.
        definition = definition.replaceFirst(" ON " + java.util.regex.Pattern.quote(table.name()) + " ",
            java.util.regex.Matcher.quoteReplacement(" ON ONLY " + table.name() + " "));
      }
      add("index", name, definition);
      if (rs.getString("parent_index") != null) {
        attaches.add(new String[] {rs.getString("parent_index"), name});
      }
      return null;
    });
  }

  private void triggers(String oids, Map<Long, Relation> byOid) throws SQLException {
    session.query("ddl/triggers", ps -> ps.setString(1, oids), rs -> {
      String table = byOid.get(rs.getLong("oid")).name();
      String name = table + " " + rs.getString("name");
      add("trigger", name, rs.getString("definition"));
      String state = switch (rs.getString("enabled")) {
        case "D" -> "DISABLE TRIGGER ";
        case "R" -> "ENABLE REPLICA TRIGGER ";
        case "A" -> "ENABLE ALWAYS TRIGGER ";
        default -> null;
      };
      if (state != null) {
        add("trigger state", name, "ALTER TABLE " + table + " " + state + Identifiers.quote(rs.getString("name")));
      }
      return null;
    });
  }

  private void comments(List<Relation> relations, Map<Long, List<Column>> columns) {
    for (Relation r : relations) {
      String what = switch (r.kind()) {
        case "v" -> "VIEW";
        case "m" -> "MATERIALIZED VIEW";
        default -> "TABLE";
      };
      if (r.comment() != null) {
        add("comment", r.name(), "COMMENT ON " + what + " " + r.name() + " IS " + literal(r.comment()));
      }
      for (Column c : columns.getOrDefault(r.oid(), List.of())) {
        if (c.comment() != null) {
          add("comment", r.name() + "." + c.name(), "COMMENT ON COLUMN " + r.name() + "." + Identifiers.quote(c.name())
              + " IS " + literal(c.comment()));
        }
      }
    }
  }

  private static int depth(Relation r, Map<String, Relation> byName) {
    int depth = 0;
    for (Relation p = r; p != null && !p.parents().isEmpty() && depth < 100; depth++) {
      p = byName.get(p.parents().get(0));
    }
    return depth;
  }

  private static String table(Map<Long, Relation> byOid, String[] constraint) {
    return byOid.get(Long.parseLong(constraint[0])).name();
  }

  private static String oidArray(List<Relation> relations) {
    return relations.stream().map(r -> Long.toString(r.oid())).collect(Collectors.joining(",", "{", "}"));
  }

  private static String withoutSemicolon(String sql) {
    String s = sql.strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private Void add(String kind, String name, String sql) {
    steps.add(new DdlStep(kind, name, sql));
    return null;
  }
}
