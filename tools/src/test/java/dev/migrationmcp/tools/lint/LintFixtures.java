package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.read.ReadScript;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lints SQL fixtures written like Error Prone's test sources: a {@code -- expect: <rule-id>}
 * comment above each statement that must be flagged; every other statement must not be. A
 * {@code -- settings: pg_version=10, flyway_transaction=false} comment at the top changes the
 * settings; {@code -- live-table: public.events rows=5000000 bytes=4000000000 columns=id:bigint,kind:text}
 * comments there describe tables of a live database, for the rules that use one.
 */
public final class LintFixtures {
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

  /** Settings from a {@code -- settings:} comment before the first statement. */
  public static LintSettings settings(ReadScript script) {
    LintSettings settings = LintSettings.defaults();
    if (script.statements().isEmpty()) {
      return settings;
    }
    Map<String, String> values = new HashMap<>();
    for (String line : script.statements().get(0).source().leadingCommentLines()) {
      if (line.toLowerCase(Locale.ROOT).startsWith("settings:")) {
        for (String pair : line.substring(9).split(",")) {
          String[] kv = pair.strip().split("=");
          if (kv.length == 2) {
            values.put(kv[0].strip(), kv[1].strip());
          }
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

  /** The live schema described by {@code -- live-table:} comments before the first statement, or null. */
  public static LiveSchema live(ReadScript script) {
    if (script.statements().isEmpty()) {
      return null;
    }
    java.util.List<dev.migrationmcp.tools.schema.TableInfo> tables = new java.util.ArrayList<>();
    for (String line : script.statements().get(0).source().leadingCommentLines()) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("live-table:")) {
        continue;
      }
      String[] parts = line.substring("live-table:".length()).strip().split("\\s+");
      String[] name = parts[0].split("\\.");
      long rows = 0;
      long bytes = 0;
      java.util.List<dev.migrationmcp.tools.schema.ColumnInfo> columns = new java.util.ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        switch (kv[0]) {
          case "rows" -> rows = Long.parseLong(kv[1]);
          case "bytes" -> bytes = Long.parseLong(kv[1]);
          case "columns" -> {
            int n = 1;
            for (String col : kv[1].split(",")) {
              String[] ct = col.split(":", 2);
              columns.add(new dev.migrationmcp.tools.schema.ColumnInfo(n++, ct[0], ct.length > 1 ? ct[1] : "text",
                  true, null, null, null));
            }
          }
          default -> throw new IllegalArgumentException("unknown live-table attribute " + kv[0]);
        }
      }
      tables.add(new dev.migrationmcp.tools.schema.TableInfo(name[0], name[1], "table", rows, bytes, columns, null,
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), null));
    }
    if (tables.isEmpty()) {
      return null;
    }
    Map<String, java.util.List<dev.migrationmcp.tools.schema.TableInfo>> bySchema = new java.util.TreeMap<>();
    tables.forEach(t -> bySchema.computeIfAbsent(t.schema(), k -> new java.util.ArrayList<>()).add(t));
    java.util.List<dev.migrationmcp.tools.schema.SchemaInfo> schemas = new java.util.ArrayList<>();
    bySchema.forEach((k, v) -> schemas.add(new dev.migrationmcp.tools.schema.SchemaInfo(k, v, List.of(), List.of(),
        List.of(), List.of())));
    return new LiveSchema(new dev.migrationmcp.tools.schema.SchemaSnapshot("17.6", 170006, "fixture", schemas, List.of()),
        Map.of(), Map.of(), "fixture");
  }

  /** Statement indexes where {@code rule} reports, linting {@code sql} with that rule alone. */
  public static Set<Integer> flagged(Rule rule, String sql, LiveSchema given) {
    ReadScript script = ScriptReader.read(sql);
    LiveSchema live = given != null ? given : live(script);
    LintSettings settings = settings(script);
    if (rule.metadata().optIn()) {
      settings = new LintSettings(settings.pgVersion(), settings.disabled(), Set.of(rule.id()), settings.severities(),
          settings.thresholds(), settings.flywayTransaction());
    }
    LintReport report = new Linter(List.of(rule)).lint(script, settings, live, FunctionVolatility.builtIn(), null);
    Set<Integer> out = new TreeSet<>();
    report.findings().stream().filter(f -> f.rule().equals(rule.id())).forEach(f -> out.add(f.statementIndex()));
    return out;
  }
}
