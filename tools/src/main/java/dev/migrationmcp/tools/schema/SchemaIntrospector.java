package dev.migrationmcp.tools.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Reads a {@link SchemaSnapshot} from the live catalog.
 *
 * <p>A fixed number of set-based queries (relations, columns, constraints, indexes, sizes,
 * triggers, views, enums, sequences, extensions) whatever the number of tables, in READ ONLY
 * transactions with a statement timeout. Given a {@link ConnectionSource}, a large read sends the
 * two most expensive queries (index definitions, file sizes) to helper connections that share the
 * main transaction's snapshot, so they run in parallel on the server.
 */
public final class SchemaIntrospector {
  /** Opens another connection to the same database. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private static final int DEFAULT_TIMEOUT_MS = 30_000;
  /** Below this many tables, helper connections cost more than they save. */
  private static final int PARALLEL_THRESHOLD = 200;
  private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "catalog-helper");
    t.setDaemon(true);
    return t;
  });

  private final Connection connection;
  private final ConnectionSource helpers;
  private final int statementTimeoutMs;

  public SchemaIntrospector(Connection connection) {
    this(connection, null, DEFAULT_TIMEOUT_MS);
  }

  /**
   * @param helpers opens extra connections for parallel reads of large schemas, or null
   */
  public SchemaIntrospector(Connection connection, ConnectionSource helpers, int statementTimeoutMs) {
    this.connection = connection;
    this.helpers = helpers;
    this.statementTimeoutMs = statementTimeoutMs;
  }

  /**
   * Reads the whole database in full detail inside the connection's open transaction, seeing its
   * uncommitted changes (a dry run compares before and after this way). Nothing is set or ended.
   */
  public SchemaSnapshot snapshotInCurrentTransaction() throws SQLException {
    return read(CatalogSession.joining(connection), IntrospectionRequest.everything());
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
    try (CatalogSession session = new CatalogSession(connection, statementTimeoutMs, null)) {
      return read(session, request);
    }
  }

  private SchemaSnapshot read(CatalogSession main, IntrospectionRequest request) throws SQLException {
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
    boolean full = request.full();
    List<PgRelations.Row> relations = PgRelations.read(main, schemaFilter);
    Map<Long, PgRelations.Row> byOid = new LinkedHashMap<>();
    relations.forEach(r -> byOid.put(r.oid(), r));

    Set<Long> selected = request.tables().isEmpty()
        ? new LinkedHashSet<>(byOid.keySet())
        : TableSelector.select(request.tables(), relations.stream().filter(r -> !r.kind().equals("S"))
            .map(r -> new TableSelector.Candidate(r.oid(), r.schema(), r.name())).toList());
    Set<Long> tableOids = selected.stream().filter(o -> byOid.get(o).isTable())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<Long> viewOids = selected.stream().filter(o -> byOid.get(o).isView())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    // Partitions count towards their parent's size even when only the parent was asked for.
    Set<Long> sizedOids = new LinkedHashSet<>(tableOids);
    Set<String> selectedNames = tableOids.stream().map(o -> byOid.get(o).qualifiedName()).collect(Collectors.toSet());
    relations.stream().filter(r -> r.partitionOf() != null && selectedNames.contains(r.partitionOf()))
        .forEach(r -> sizedOids.add(r.oid()));
    viewOids.stream().filter(o -> byOid.get(o).kind().equals("m")).forEach(sizedOids::add);
    String tables = CatalogSession.oidArray(tableOids);
    String sized = CatalogSession.oidArray(sizedOids);

    Future<List<PgIndexes.Row>> indexesLater = null;
    Future<PgSizes.Sizes> sizesLater = null;
    if (helpers != null && tableOids.size() >= PARALLEL_THRESHOLD) {
      String snapshotId = main.exportSnapshot();
      indexesLater = HELPERS.submit(() -> onHelper(snapshotId, s -> PgIndexes.read(s, tables, full, versionNum)));
      sizesLater = HELPERS.submit(() -> onHelper(snapshotId, s -> PgSizes.read(s, sized)));
    }
    Map<Long, List<ColumnInfo>> columns = full
        ? PgColumns.read(main, CatalogSession.oidArray(union(tableOids, viewOids))) : Map.of();
    // In full detail the columns already name every key; otherwise read just the names.
    Map<Long, Map<Integer, String>> names = full ? PgColumns.namesOf(columns) : PgColumns.names(main, tables);
    List<PgConstraints.Row> constraintRows = PgConstraints.read(main, tables, full);
    Map<Long, List<TriggerInfo>> triggers = full ? PgObjects.triggers(main, tables) : Map.of();
    Map<Long, String> viewDefinitions = full ? PgObjects.viewDefinitions(main, CatalogSession.oidArray(viewOids)) : Map.of();
    List<String> schemaNames = PgObjects.schemaNames(main, schemaFilter);
    List<PgObjects.Named<EnumInfo>> enums = PgObjects.enums(main, schemaFilter);
    boolean everything = request.tables().isEmpty();
    List<PgObjects.Named<SequenceInfo>> sequences = everything ? PgObjects.sequences(main, schemaFilter) : List.of();
    List<PgObjects.Named<ExtensionInfo>> extensions = everything ? PgObjects.extensions(main) : List.of();
    // Referencing or referenced tables outside the selection: name their keys with one more query.
    Set<Long> unnamed = new LinkedHashSet<>();
    for (PgConstraints.Row c : constraintRows) {
      if (!names.containsKey(c.tableOid())) {
        unnamed.add(c.tableOid());
      }
      if (c.type().equals("f") && !names.containsKey(c.refOid())) {
        unnamed.add(c.refOid());
      }
    }
    if (!unnamed.isEmpty()) {
      names = new HashMap<>(names);
      names.putAll(PgColumns.names(main, CatalogSession.oidArray(unnamed)));
    }
    List<PgIndexes.Row> indexRows = indexesLater != null ? join(indexesLater) : PgIndexes.read(main, tables, full, versionNum);
    PgSizes.Sizes sizes = sizesLater != null ? join(sizesLater) : PgSizes.read(main, sized);

    SnapshotAssembler assembler = new SnapshotAssembler(byOid, names, sizes, full);
    assembler.addIndexes(indexRows);
    assembler.addConstraints(constraintRows, tableOids);
    for (String schema : schemaNames) {
      assembler.schema(schema);
    }
    List<TableInfo> findingsInput = new ArrayList<>();
    for (long oid : selected) {
      PgRelations.Row r = byOid.get(oid);
      if (r.isTable()) {
        findingsInput.add(assembler.addTable(r, columns.getOrDefault(oid, List.of()),
            triggers.getOrDefault(oid, List.of())));
      } else if (r.isView()) {
        assembler.addView(r, columns.getOrDefault(oid, List.of()), viewDefinitions.get(oid));
      }
    }
    Set<String> usedTypes = new LinkedHashSet<>();
    columns.values().forEach(cols -> cols.forEach(c -> usedTypes.add(c.type().replace("[]", ""))));
    for (PgObjects.Named<EnumInfo> e : enums) {
      String name = e.value().name();
      if (everything || usedTypes.contains(name) || usedTypes.contains(e.schema() + "." + name)) {
        assembler.schema(e.schema()).enums.add(e.value());
      }
    }
    sequences.forEach(s -> assembler.schema(s.schema()).sequences.add(s.value()));
    extensions.forEach(x -> {
      if (schemaNames.contains(x.schema())) {
        assembler.schema(x.schema()).extensions.add(x.value());
      }
    });
    return new SchemaSnapshot(version, versionNum, database, assembler.schemas(!everything),
        SchemaFindings.of(findingsInput));
  }

  @FunctionalInterface
  private interface SessionWork<T> {
    T run(CatalogSession session) throws SQLException;
  }

  private <T> T onHelper(String snapshotId, SessionWork<T> work) throws SQLException {
    try (Connection c = helpers.open(); CatalogSession session = new CatalogSession(c, statementTimeoutMs, snapshotId)) {
      return work.run(session);
    }
  }

  private static <T> T join(Future<T> future) throws SQLException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading the catalog", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("reading the catalog failed: " + e.getCause(), e.getCause());
    }
  }

  private static Set<Long> union(Set<Long> a, Set<Long> b) {
    Set<Long> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }
}
