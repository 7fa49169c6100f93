package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.schema.SchemaFinding;
import dev.migrationmcp.tools.schema.SchemaInfo;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.SchemaTextRenderer;
import dev.migrationmcp.tools.schema.SequenceInfo;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.schema.ViewInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a snapshot into the {@code inspect_schema} answer and keeps it small enough for a model's
 * context: tables are kept largest first until the character budget is spent, and whatever was
 * cut is counted in {@code truncated} with a hint on how to ask for it.
 */
public final class SchemaInspection {
  /** Budget for the structured answer; a 2,000-table summary must stay under 40,000 characters. */
  static final int DEFAULT_BUDGET_CHARS = 36_000;
  private static final int MAX_FINDINGS = 40;

  private SchemaInspection() {}

  /** The answer: structured content and the text shown alongside. */
  public record Answer(Map<String, Object> structured, String text) {}

  public static Answer of(SchemaSnapshot snapshot, boolean full, String source) {
    return of(snapshot, full, source, DEFAULT_BUDGET_CHARS);
  }

  static Answer of(SchemaSnapshot snapshot, boolean full, String source, int budget) {
    List<SchemaFinding> findings = snapshot.findings();
    List<SchemaFinding> shownFindings = findings.size() > MAX_FINDINGS ? findings.subList(0, MAX_FINDINGS) : findings;

    int used = Json.toJson(shownFindings).length() + 400;
    // Enums, views, free sequences and extensions are small and always useful: they come first.
    List<SchemaInfo> light = new ArrayList<>();
    for (SchemaInfo s : snapshot.schemas()) {
      List<SequenceInfo> sequences = full ? s.sequences()
          : s.sequences().stream().filter(q -> q.ownedBy() == null).toList();
      List<ViewInfo> views = s.views();
      light.add(new SchemaInfo(s.name(), List.of(), s.enums(), views, sequences, s.extensions()));
    }
    used += Json.toJson(light).length();

    List<TableInfo> bySize = new ArrayList<>(snapshot.tables());
    bySize.sort(Comparator.comparingLong(TableInfo::totalBytes).reversed().thenComparing(TableInfo::qualifiedName));
    Set<String> kept = new HashSet<>();
    for (TableInfo t : bySize) {
      int size = Json.toJson(t).length() + 1;
      if (used + size > budget && !kept.isEmpty()) {
        break;
      }
      used += size;
      kept.add(t.qualifiedName());
    }

    List<Map<String, Object>> schemas = new ArrayList<>();
    for (int i = 0; i < snapshot.schemas().size(); i++) {
      SchemaInfo original = snapshot.schemas().get(i);
      SchemaInfo l = light.get(i);
      List<TableInfo> tables = original.tables().stream().filter(t -> kept.contains(t.qualifiedName())).toList();
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("name", original.name());
      schema.put("table_count", original.tables().size());
      schema.putAll(Json.toMap(new SchemaInfo(original.name(), tables, l.enums(), l.views(), l.sequences(), l.extensions())));
      schemas.add(schema);
    }

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("server_version", snapshot.serverVersion());
    out.put("database", snapshot.database());
    out.put("source", source);
    out.put("detail", full ? "full" : "summary");
    out.put("schemas", schemas);
    out.put("findings", Json.WIRE.convertValue(shownFindings, List.class));
    int total = snapshot.tables().size();
    if (kept.size() < total || shownFindings.size() < findings.size()) {
      Map<String, Object> truncated = new LinkedHashMap<>();
      truncated.put("tables_shown", kept.size());
      truncated.put("tables_total", total);
      truncated.put("findings_shown", shownFindings.size());
      truncated.put("findings_total", findings.size());
      truncated.put("hint", kept.size() < total
          ? "Tables are listed largest first; " + (total - kept.size()) + " smaller ones were left out to keep this "
              + "answer small. Ask inspect_schema with tables: [\"name\", \"prefix*\"] or schema: \"name\" to see them."
          : "Only the first " + shownFindings.size() + " findings are listed; ask for fewer tables to see the rest.");
      out.put("truncated", truncated);
    }
    return new Answer(out, text(snapshot, full, kept, total, source));
  }

  private static String text(SchemaSnapshot snapshot, boolean full, Set<String> kept, int total, String source) {
    List<SchemaInfo> schemas = snapshot.schemas().stream()
        .map(s -> new SchemaInfo(s.name(), s.tables().stream().filter(t -> kept.contains(t.qualifiedName())).toList(),
            s.enums(), s.views(), s.sequences(), s.extensions()))
        .toList();
    List<SchemaFinding> findings = snapshot.findings().size() > MAX_FINDINGS
        ? snapshot.findings().subList(0, MAX_FINDINGS) : snapshot.findings();
    String body = SchemaTextRenderer.render(new SchemaSnapshot(snapshot.serverVersion(), snapshot.serverVersionNum(),
        snapshot.database(), schemas, findings), full);
    StringBuilder sb = new StringBuilder("source: ").append(source).append('\n').append(body);
    if (kept.size() < total) {
      sb.append("\n(").append(total - kept.size()).append(" of ").append(total)
          .append(" tables left out, smallest first; ask with tables: [\"prefix*\"] or schema: \"name\" for them)\n");
    }
    return sb.toString();
  }

}
