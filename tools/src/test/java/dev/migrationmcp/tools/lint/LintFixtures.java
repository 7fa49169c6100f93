package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.schema.ColumnInfo;
import dev.migrationmcp.tools.schema.IndexInfo;
import dev.migrationmcp.tools.schema.SchemaInfo;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.schema.ViewInfo;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.read.ReadScript;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints SQL fixtures written like Error Prone's test sources: a {@code -- expect: <rule-id>}
 * comment above each statement that must be flagged; every other statement must not be. Comments
 * before the first statement set the scene:
 *
 * <ul>
 *   <li>{@code -- settings: pg_version=10, flyway_transaction=false} changes the settings;
 *   <li>{@code -- live-table: public.events rows=5000000 bytes=4000000000 columns=id:bigint,kind:text not-null=id}
 *       describes a table of a live database (columns are nullable unless listed in {@code not-null});
 *   <li>{@code -- live-index: public.orders orders_customer_idx [unique] [primary] [using gin] (customer_id) [where deleted_at IS NULL]}
 *       an index of a live table;
 *   <li>{@code -- live-view: public.order_totals [materialized] AS SELECT …} a view with its definition;
 *   <li>{@code -- live-null-frac: public.orders.email=0.2} {@code pg_stats.null_frac} of a column;
 *   <li>{@code -- live-dependents: public.orders=view public.order_totals} an object depending on a
 *       table (one per line);
 *   <li>{@code -- live-version: 14.2} the live server's version;
 *   <li>{@code -- flyway-file: V3__add_orders.sql}, {@code -- flyway-siblings: V1__init.sql, V2__x.sql},
 *       {@code -- flyway-applied: 1=123456, 2=-98765} and {@code -- flyway-conf: executeInTransaction=false}
 *       give the script a {@link FlywayContext}.
 * </ul>
 *
 * Any {@code live-*} line gives the script a live schema (tables that are only named by an index
 * get no size); without one there is none.
 */
public final class LintFixtures {
  private static final Pattern INDEX = Pattern.compile(
      "(\\S+)\\s+(\\S+)((?:\\s+(?:unique|primary|using\\s+\\w+))*)\\s*\\((.*)\\)(?:\\s+where\\s+(.+))?",
      Pattern.CASE_INSENSITIVE);

  private LintFixtures() {}

  /** The statements a fixture expects {@code ruleId} on. */
  public static Set<Integer> expected(ReadScript script, String ruleId) {
    Set<Integer> out = new TreeSet<>();
    for (ReadStatement s : script.statements()) {
      for (String line : s.source().leadingCommentLines()) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.startsWith("expect:") && List.of(l.substring(7).split("[,\\s]+")).contains(ruleId)) {
          out.add(s.index());
        }
      }
    }
    return out;
  }

  /** The values of the header lines starting with {@code key:} (case-insensitive), in order. */
  static List<String> header(ReadScript script, String key) {
    List<String> out = new ArrayList<>();
    if (script.statements().isEmpty()) {
      return out;
    }
    String prefix = key.toLowerCase(Locale.ROOT) + ":";
    for (String line : script.statements().get(0).source().leadingCommentLines()) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        out.add(line.substring(prefix.length()).strip());
      }
    }
    return out;
  }

  /** Settings from a {@code -- settings:} comment before the first statement. */
  public static LintSettings settings(ReadScript script) {
    LintSettings settings = LintSettings.defaults();
    Map<String, String> values = new HashMap<>();
    for (String line : header(script, "settings")) {
      for (String pair : line.split(",")) {
        String[] kv = pair.strip().split("=");
        if (kv.length == 2) {
          values.put(kv[0].strip(), kv[1].strip());
        }
      }
    }
    if (values.containsKey("pg_version")) {
      settings = settings.withPgVersion(Integer.parseInt(values.get("pg_version")));
    }
    if (values.containsKey("flyway_transaction")) {
      settings = settings.withFlywayTransaction(Boolean.parseBoolean(values.get("flyway_transaction")));
    }
    if (values.containsKey("enable")) {
      settings = new LintSettings(settings.pgVersion(), settings.disabled(), Set.of(values.get("enable")),
          settings.severities(), settings.thresholds(), settings.flywayTransaction());
    }
    return settings;
  }

  /** The Flyway context from {@code -- flyway-*} comments, or null without a {@code flyway-file}. */
  public static FlywayContext flyway(ReadScript script) {
    List<String> file = header(script, "flyway-file");
    if (file.isEmpty()) {
      return null;
    }
    List<String> siblings = new ArrayList<>();
    header(script, "flyway-siblings").forEach(l -> {
      for (String name : l.split(",")) {
        if (!name.isBlank()) {
          siblings.add(name.strip());
        }
      }
    });
    Map<String, Integer> applied = new LinkedHashMap<>();
    header(script, "flyway-applied").forEach(l -> pairs(l).forEach((k, v) -> applied.put(k, Integer.parseInt(v))));
    Map<String, String> conf = new LinkedHashMap<>();
    header(script, "flyway-conf").forEach(l -> conf.putAll(pairs(l)));
    return new FlywayContext(file.get(0), siblings, applied, conf);
  }

  private static Map<String, String> pairs(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : line.split(",")) {
      String[] kv = pair.strip().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected key=value, got '" + pair + "' in '" + line + "'");
      }
      out.put(kv[0].strip(), kv[1].strip());
    }
    return out;
  }

  /** The live schema described by {@code -- live-*} comments before the first statement, or null. */
  public static LiveSchema live(ReadScript script) {
    if (script.statements().isEmpty()) {
      return null;
    }
    boolean any = script.statements().get(0).source().leadingCommentLines().stream()
        .anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("live-"));
    if (!any) {
      return null;
    }
    Map<String, TableInfo> tables = new LinkedHashMap<>();
    for (String line : header(script, "live-table")) {
      TableInfo t = table(line);
      tables.put(t.qualifiedName(), t);
    }
    for (String line : header(script, "live-index")) {
      Matcher m = INDEX.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("live-index: expected '<table> <name> [unique] [primary] [using m] (keys) "
            + "[where p]', got '" + line + "'");
      }
      String table = qualified(m.group(1));
      String flags = m.group(3).toLowerCase(Locale.ROOT);
      Matcher using = Pattern.compile("using\\s+(\\w+)").matcher(flags);
      String method = using.find() ? using.group(1) : "btree";
      boolean unique = flags.contains("unique") || flags.contains("primary");
      List<String> keys = new ArrayList<>();
      for (String key : m.group(4).split(",")) {
        keys.add(key.strip());
      }
      String where = m.group(5);
      String definition = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + m.group(2) + " ON " + table + " USING "
          + method + " (" + String.join(", ", keys) + ")" + (where == null ? "" : " WHERE (" + where.strip() + ")");
      IndexInfo index = new IndexInfo(m.group(2), definition, keys, method, unique, flags.contains("primary"), true,
          where != null, 8192, method + "|" + String.join(",", keys) + "|" + (where == null ? "" : where.strip()));
      TableInfo t = tables.computeIfAbsent(table, LintFixtures::emptyTable);
      List<IndexInfo> indexes = new ArrayList<>(t.indexes());
      indexes.add(index);
      tables.put(table, withIndexes(t, indexes));
    }
    Map<String, List<ViewInfo>> views = new HashMap<>();
    for (String line : header(script, "live-view")) {
      String[] parts = line.split("\\s+", 2);
      String rest = parts.length > 1 ? parts[1] : "";
      boolean materialized = rest.toLowerCase(Locale.ROOT).startsWith("materialized");
      if (materialized) {
        rest = rest.substring("materialized".length()).strip();
      }
      String definition = rest.replaceFirst("(?i)^AS\\s+", "");
      String[] name = qualified(parts[0]).split("\\.", 2);
      views.computeIfAbsent(name[0], k -> new ArrayList<>())
          .add(new ViewInfo(name[1], materialized, List.of(), definition, -1, 0));
    }
    Map<String, Double> nulls = new HashMap<>();
    header(script, "live-null-frac").forEach(l -> pairs(l).forEach((k, v) -> nulls.put(k, Double.parseDouble(v))));
    Map<String, List<String>> dependents = new HashMap<>();
    for (String line : header(script, "live-dependents")) {
      String[] kv = line.split("=", 2);
      dependents.computeIfAbsent(kv[0].strip(), k -> new ArrayList<>()).add(kv[1].strip());
    }
    String version = header(script, "live-version").stream().findFirst().orElse("17.6");
    String[] v = version.split("\\.");
    int versionNum = Integer.parseInt(v[0]) * 10000 + (v.length > 1 ? Integer.parseInt(v[1]) : 0);

    Map<String, List<TableInfo>> bySchema = new TreeMap<>();
    tables.values().forEach(t -> bySchema.computeIfAbsent(t.schema(), k -> new ArrayList<>()).add(t));
    views.keySet().forEach(k -> bySchema.computeIfAbsent(k, x -> new ArrayList<>()));
    bySchema.computeIfAbsent("public", k -> new ArrayList<>());
    List<SchemaInfo> schemas = new ArrayList<>();
    bySchema.forEach((k, list) -> schemas.add(new SchemaInfo(k, list, List.of(), views.getOrDefault(k, List.of()),
        List.of(), List.of())));
    return new LiveSchema(new SchemaSnapshot(version, versionNum, "fixture", schemas, List.of()), nulls, dependents,
        "fixture");
  }

  private static String qualified(String name) {
    return name.contains(".") ? name : "public." + name;
  }

  private static TableInfo table(String line) {
    String[] parts = line.strip().split("\\s+");
    String[] name = qualified(parts[0]).split("\\.", 2);
    long rows = 0;
    long bytes = 0;
    List<String[]> declared = new ArrayList<>();
    Set<String> notNull = new TreeSet<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      switch (kv[0]) {
        case "rows" -> rows = Long.parseLong(kv[1]);
        case "bytes" -> bytes = Long.parseLong(kv[1]);
        case "columns" -> {
          for (String col : kv[1].split(",")) {
            declared.add(col.split(":", 2));
          }
        }
        case "not-null" -> notNull.addAll(List.of(kv[1].split(",")));
        default -> throw new IllegalArgumentException("unknown live-table attribute " + kv[0]);
      }
    }
    List<ColumnInfo> columns = new ArrayList<>();
    int n = 1;
    for (String[] ct : declared) {
      columns.add(new ColumnInfo(n++, ct[0], ct.length > 1 ? ct[1] : "text", !notNull.contains(ct[0]), null, null,
          null));
    }
    return new TableInfo(name[0], name[1], "table", rows, bytes, columns, null, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), null);
  }

  private static TableInfo emptyTable(String qualified) {
    String[] name = qualified.split("\\.", 2);
    return new TableInfo(name[0], name[1], "table", -1, 0, List.of(), null, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), null);
  }

  private static TableInfo withIndexes(TableInfo t, List<IndexInfo> indexes) {
    return new TableInfo(t.schema(), t.name(), t.kind(), t.rowsEstimate(), t.totalBytes(), t.columns(), t.primaryKey(),
        t.uniques(), t.checks(), t.exclusions(), t.foreignKeys(), indexes, t.referencedBy(), t.triggers(),
        t.partitionOf(), t.partitionBound(), t.partitionKey(), t.partitions(), t.comment());
  }

  /** Statement indexes where {@code rule} reports, linting {@code sql} with that rule alone. */
  public static Set<Integer> flagged(Rule rule, String sql, LiveSchema given) {
    Set<Integer> out = new TreeSet<>();
    report(rule, sql, given).findings().stream().filter(f -> f.rule().equals(rule.id()))
        .forEach(f -> out.add(f.statementIndex()));
    return out;
  }

  /** The report of linting {@code sql}, with its header comments, with {@code rule} alone. */
  public static LintReport report(Rule rule, String sql, LiveSchema given) {
    ReadScript script = ScriptReader.read(sql);
    LiveSchema live = given != null ? given : live(script);
    LintSettings settings = settings(script);
    if (rule.metadata().optIn()) {
      settings = new LintSettings(settings.pgVersion(), settings.disabled(), Set.of(rule.id()), settings.severities(),
          settings.thresholds(), settings.flywayTransaction());
    }
    return new Linter(List.of(rule)).lint(script, settings, live, FunctionVolatility.builtIn(), null, flyway(script));
  }
}
