package dev.migrationmcp.tools.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Reads a {@link SchemaSnapshot} from the live catalog.
 *
 * <p>A fixed number of set-based queries (relations, columns, constraints, indexes, triggers,
 * views, enums, sequences, extensions) whatever the number of tables, inside a READ ONLY
 * transaction with a statement timeout, so introspection can neither change nor stall the
 * database it reads.
 */
public final class SchemaIntrospector {
  private static final int DEFAULT_TIMEOUT_MS = 30_000;

  private final Connection connection;
  private final int statementTimeoutMs;

  public SchemaIntrospector(Connection connection) {
    this(connection, DEFAULT_TIMEOUT_MS);
  }

  public SchemaIntrospector(Connection connection, int statementTimeoutMs) {
    this.connection = connection;
    this.statementTimeoutMs = statementTimeoutMs;
  }

  /** Reads the whole database in full detail. */
  public SchemaSnapshot snapshot() throws SQLException {
    return read(IntrospectionRequest.everything());
  }

  /**
   * Reads what {@code request} asks for.
   *
   * @throws UnknownTableException when a requested table matches nothing
   */
  public SchemaSnapshot read(IntrospectionRequest request) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        s.execute("SET LOCAL statement_timeout = " + statementTimeoutMs);
      }
      return readInTransaction(request);
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  private SchemaSnapshot readInTransaction(IntrospectionRequest request) throws SQLException {
    String version;
    int versionNum;
    String database;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT current_setting('server_version'), current_setting('server_version_num')::int, current_database()")) {
      rs.next();
      version = rs.getString(1);
      versionNum = rs.getInt(2);
      database = rs.getString(3);
    }
    String schemaFilter = request.schema();
    List<Relation> relations = queryRelations(schemaFilter);
    Map<Long, Relation> relationsByOid = new LinkedHashMap<>();
    relations.forEach(r -> relationsByOid.put(r.oid, r));

    Set<Long> selected;
    if (request.tables().isEmpty()) {
      selected = new LinkedHashSet<>(relationsByOid.keySet());
    } else {
      List<TableSelector.Candidate> candidates = relations.stream()
          .filter(r -> !r.kind.equals("S"))
          .map(r -> new TableSelector.Candidate(r.oid, r.schema, r.name))
          .toList();
      selected = TableSelector.select(request.tables(), candidates);
    }
    Set<Long> tableOids = selected.stream()
        .filter(oid -> relationsByOid.get(oid).isTable())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<Long> viewOids = selected.stream()
        .filter(oid -> relationsByOid.get(oid).isView())
        .collect(Collectors.toCollection(LinkedHashSet::new));

    // Indexes and foreign keys are needed for the findings even in summary form.
    Set<Long> detailOids = new LinkedHashSet<>(tableOids);
    if (request.full()) {
      detailOids.addAll(viewOids);
    }
    String oidArray = oidArray(detailOids);
    Map<Long, List<ColumnInfo>> columns = request.full() ? queryColumns(oidArray) : Map.of();
    Map<Long, List<IndexInfo>> indexes = queryIndexes(oidArray(tableOids));
    Map<Long, TableConstraints> constraints = queryConstraints(oidArray(tableOids), tableOids);
    Map<Long, List<TriggerInfo>> triggers = request.full() ? queryTriggers(oidArray(tableOids)) : Map.of();
    Map<Long, String> viewDefinitions = request.full() ? queryViewDefinitions(oidArray(viewOids)) : Map.of();

    Map<String, List<Relation>> partitionsByParent = new HashMap<>();
    for (Relation r : relations) {
      if (r.partitionOf != null) {
        partitionsByParent.computeIfAbsent(r.partitionOf, k -> new ArrayList<>()).add(r);
      }
    }

    Map<String, SchemaBuilder> schemas = new LinkedHashMap<>();
    for (String name : querySchemaNames(schemaFilter)) {
      schemas.put(name, new SchemaBuilder());
    }
    boolean everything = request.tables().isEmpty();
    List<TableInfo> allTables = new ArrayList<>();
    for (long oid : selected) {
      Relation r = relationsByOid.get(oid);
      SchemaBuilder schema = schemas.computeIfAbsent(r.schema, k -> new SchemaBuilder());
      if (r.isTable()) {
        TableConstraints tc = constraints.getOrDefault(oid, new TableConstraints());
        List<IndexInfo> tableIndexes = indexes.getOrDefault(oid, List.of());
        List<ForeignKeyInfo> fks = tc.foreignKeys.stream()
            .map(fk -> new ForeignKeyInfo(fk.name(), fk.columns(), fk.references(), fk.onDelete(), fk.onUpdate(),
                SchemaFindings.coveredByIndex(fk.columns(), tableIndexes), fk.validated(), fk.definition()))
            .toList();
        List<Relation> partitions = partitionsByParent.getOrDefault(r.schema + "." + r.name, List.of());
        long totalBytes = r.totalBytes;
        if (r.kind.equals("p")) {
          totalBytes += partitions.stream().mapToLong(p -> Math.max(p.totalBytes, 0)).sum();
        }
        long rows = r.rowsEstimate;
        if (r.kind.equals("p") && !partitions.isEmpty()) {
          rows = partitions.stream().mapToLong(p -> Math.max(p.rowsEstimate, 0)).sum();
        }
        TableInfo table = new TableInfo(r.schema, r.name, r.kindName(), rows, totalBytes,
            columns.getOrDefault(oid, List.of()), tc.primaryKey, tc.uniques, tc.checks, tc.exclusions, fks,
            request.full() ? tableIndexes : List.of(), tc.referencedBy, triggers.getOrDefault(oid, List.of()),
            r.partitionOf, r.partitionBound, r.partitionKey,
            partitions.stream().map(p -> p.schema + "." + p.name).sorted().toList(), r.comment);
        // Findings need indexes even in summary form; keep a full copy for them.
        allTables.add(request.full() ? table : withIndexes(table, tableIndexes));
        schema.tables.add(table);
      } else if (r.isView()) {
        schema.views.add(new ViewInfo(r.name, r.kind.equals("m"), columns.getOrDefault(oid, List.of()),
            viewDefinitions.get(oid), r.kind.equals("m") ? r.rowsEstimate : 0, Math.max(r.totalBytes, 0)));
      }
    }
    if (everything) {
      for (SequenceRow s : querySequences(schemaFilter)) {
        schemas.computeIfAbsent(s.schema, k -> new SchemaBuilder()).sequences.add(s.info);
      }
      for (Map.Entry<String, EnumInfo> e : queryEnums(schemaFilter)) {
        schemas.computeIfAbsent(e.getKey(), k -> new SchemaBuilder()).enums.add(e.getValue());
      }
      for (Map.Entry<String, ExtensionInfo> e : queryExtensions()) {
        SchemaBuilder b = schemas.get(e.getKey());
        if (b != null) {
          b.extensions.add(e.getValue());
        }
      }
    } else {
      // Enums used by the selected tables' columns are part of their detail.
      Set<String> usedTypes = new LinkedHashSet<>();
      columns.values().forEach(cols -> cols.forEach(c -> usedTypes.add(c.type().replace("[]", ""))));
      for (Map.Entry<String, EnumInfo> e : queryEnums(schemaFilter)) {
        String name = e.getValue().name();
        if (usedTypes.contains(name) || usedTypes.contains(e.getKey() + "." + name)) {
          schemas.computeIfAbsent(e.getKey(), k -> new SchemaBuilder()).enums.add(e.getValue());
        }
      }
      schemas.values().removeIf(SchemaBuilder::isEmpty);
    }
    List<SchemaInfo> schemaInfos = new ArrayList<>();
    schemas.forEach((name, b) -> schemaInfos.add(
        new SchemaInfo(name, b.tables, b.enums, b.views, b.sequences, b.extensions)));
    return new SchemaSnapshot(version, versionNum, database, schemaInfos, SchemaFindings.of(allTables));
  }

  private static TableInfo withIndexes(TableInfo t, List<IndexInfo> indexes) {
    return new TableInfo(t.schema(), t.name(), t.kind(), t.rowsEstimate(), t.totalBytes(), t.columns(), t.primaryKey(),
        t.uniques(), t.checks(), t.exclusions(), t.foreignKeys(), indexes, t.referencedBy(), t.triggers(),
        t.partitionOf(), t.partitionBound(), t.partitionKey(), t.partitions(), t.comment());
  }

  private static String oidArray(Collection<Long> oids) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    oids.forEach(o -> j.add(Long.toString(o)));
    return j.toString();
  }

  // ---- queries -------------------------------------------------------------------------------

  private static final class Relation {
    long oid;
    String schema;
    String name;
    String kind;
    long rowsEstimate;
    long totalBytes;
    String partitionOf;
    String partitionBound;
    String partitionKey;
    String comment;

    boolean isTable() {
      return kind.equals("r") || kind.equals("p") || kind.equals("f");
    }

    boolean isView() {
      return kind.equals("v") || kind.equals("m");
    }

    String kindName() {
      return switch (kind) {
        case "p" -> "partitioned table";
        case "f" -> "foreign table";
        default -> "table";
      };
    }
  }

  private List<Relation> queryRelations(String schema) throws SQLException {
    List<Relation> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.get("relations"))) {
      ps.setString(1, schema);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Relation r = new Relation();
          r.oid = rs.getLong("oid");
          r.schema = rs.getString("schema_name");
          r.name = rs.getString("name");
          r.kind = rs.getString("kind");
          r.rowsEstimate = rs.getLong("rows_estimate");
          long bytes = rs.getLong("total_bytes");
          r.totalBytes = rs.wasNull() ? -1 : bytes;
          r.partitionOf = rs.getString("partition_of");
          r.partitionBound = rs.getString("partition_bound");
          r.partitionKey = rs.getString("partition_key");
          r.comment = rs.getString("comment");
          out.add(r);
        }
      }
    }
    return out;
  }

  private List<String> querySchemaNames(String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.get("schemas"))) {
      ps.setString(1, schema);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private Map<Long, List<ColumnInfo>> queryColumns(String oids) throws SQLException {
    return groupByOid("columns", oids, 1, rs -> new ColumnInfo(rs.getString("name"), rs.getString("type"),
        rs.getBoolean("nullable"), rs.getString("default_value"), rs.getString("identity"), rs.getString("generated")));
  }

  private Map<Long, List<IndexInfo>> queryIndexes(String oids) throws SQLException {
    return groupByOid("indexes", oids, 1, rs -> new IndexInfo(rs.getString("name"), rs.getString("definition"),
        strings(rs.getArray("columns")), rs.getString("method"), rs.getBoolean("is_unique"),
        rs.getBoolean("is_primary"), rs.getBoolean("is_valid"), rs.getBoolean("partial"), rs.getLong("bytes")));
  }

  private Map<Long, List<TriggerInfo>> queryTriggers(String oids) throws SQLException {
    return groupByOid("triggers", oids, 1,
        rs -> new TriggerInfo(rs.getString("name"), rs.getString("definition"), rs.getBoolean("enabled")));
  }

  private Map<Long, String> queryViewDefinitions(String oids) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    groupByOid("views", oids, 1, rs -> rs.getString("definition"))
        .forEach((oid, defs) -> out.put(oid, defs.get(0).strip()));
    return out;
  }

  private static final class TableConstraints {
    ConstraintInfo primaryKey;
    final List<ConstraintInfo> uniques = new ArrayList<>();
    final List<ConstraintInfo> checks = new ArrayList<>();
    final List<ConstraintInfo> exclusions = new ArrayList<>();
    final List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
    final List<ReferenceInfo> referencedBy = new ArrayList<>();
  }

  private Map<Long, TableConstraints> queryConstraints(String oids, Set<Long> own) throws SQLException {
    Map<Long, TableConstraints> out = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.get("constraints"))) {
      ps.setString(1, oids);
      ps.setString(2, oids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long oid = rs.getLong("oid");
          String type = rs.getString("type");
          String name = rs.getString("name");
          List<String> cols = strings(rs.getArray("columns"));
          String def = rs.getString("definition");
          boolean validated = rs.getBoolean("validated");
          boolean ownTable = own.contains(oid);
          if (ownTable) {
            TableConstraints tc = out.computeIfAbsent(oid, k -> new TableConstraints());
            ConstraintInfo info = new ConstraintInfo(name, cols, def, validated);
            switch (type) {
              case "p" -> tc.primaryKey = info;
              case "u" -> tc.uniques.add(info);
              case "c" -> tc.checks.add(info);
              case "x" -> tc.exclusions.add(info);
              case "f" -> tc.foreignKeys.add(new ForeignKeyInfo(name, cols,
                  new TableColumns(rs.getString("ref_schema") + "." + rs.getString("ref_table"),
                      strings(rs.getArray("ref_columns"))),
                  action(rs.getString("on_delete")), action(rs.getString("on_update")), false, validated, def));
              default -> { }
            }
          }
          if (type.equals("f")) {
            long refOid = rs.getLong("ref_oid");
            if (own.contains(refOid)) {
              out.computeIfAbsent(refOid, k -> new TableConstraints()).referencedBy.add(new ReferenceInfo(
                  rs.getString("schema_name") + "." + rs.getString("table_name"), name, cols,
                  action(rs.getString("on_delete"))));
            }
          }
        }
      }
    }
    return out;
  }

  private static String action(String code) {
    return switch (code == null ? "" : code) {
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> "NO ACTION";
    };
  }

  private record SequenceRow(String schema, SequenceInfo info) {}

  private List<SequenceRow> querySequences(String schema) throws SQLException {
    List<SequenceRow> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.get("sequences"))) {
      ps.setString(1, schema);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SequenceRow(rs.getString("schema_name"),
              new SequenceInfo(rs.getString("name"), rs.getString("data_type"), rs.getString("owned_by"))));
        }
      }
    }
    return out;
  }

  private List<Map.Entry<String, EnumInfo>> queryEnums(String schema) throws SQLException {
    List<Map.Entry<String, EnumInfo>> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.get("enums"))) {
      ps.setString(1, schema);
      ps.setString(2, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Map.entry(rs.getString("schema_name"),
              new EnumInfo(rs.getString("name"), strings(rs.getArray("labels")))));
        }
      }
    }
    return out;
  }

  private List<Map.Entry<String, ExtensionInfo>> queryExtensions() throws SQLException {
    List<Map.Entry<String, ExtensionInfo>> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(CatalogSql.get("extensions"))) {
      while (rs.next()) {
        out.add(Map.entry(rs.getString("schema_name"), new ExtensionInfo(rs.getString("name"), rs.getString("version"))));
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> Map<Long, List<T>> groupByOid(String query, String oids, int params, RowReader<T> reader)
      throws SQLException {
    Map<Long, List<T>> out = new HashMap<>();
    if (oids.equals("{}")) {
      return out;
    }
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.get(query))) {
      for (int i = 1; i <= params; i++) {
        ps.setString(i, oids);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong("oid"), k -> new ArrayList<>()).add(reader.read(rs));
        }
      }
    }
    return out;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(String::valueOf).toList();
  }

  private static final class SchemaBuilder {
    final List<TableInfo> tables = new ArrayList<>();
    final List<EnumInfo> enums = new ArrayList<>();
    final List<ViewInfo> views = new ArrayList<>();
    final List<SequenceInfo> sequences = new ArrayList<>();
    final List<ExtensionInfo> extensions = new ArrayList<>();

    boolean isEmpty() {
      return tables.isEmpty() && enums.isEmpty() && views.isEmpty() && sequences.isEmpty() && extensions.isEmpty();
    }
  }

}
