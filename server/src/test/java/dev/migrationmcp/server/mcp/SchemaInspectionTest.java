package dev.migrationmcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.schema.ColumnInfo;
import dev.migrationmcp.tools.schema.SchemaFinding;
import dev.migrationmcp.tools.schema.SchemaInfo;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaInspectionTest {
  private static TableInfo table(String name, long bytes, int columns) {
    List<ColumnInfo> cols = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      cols.add(new ColumnInfo(i + 1, "column_" + i, "text", true, null, null, null));
    }
    return new TableInfo("public", name, "table", bytes / 100, bytes, cols, null, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), null, null, null, List.of(), null);
  }

  private static SchemaSnapshot snapshot(int tables, int columns) {
    List<TableInfo> list = new ArrayList<>();
    List<SchemaFinding> findings = new ArrayList<>();
    for (int i = 0; i < tables; i++) {
      list.add(table(String.format("application_table_%04d", i), 8192L * (i + 1), columns));
      findings.add(new SchemaFinding("table-without-primary-key", "warning", "public.t" + i, "no primary key", null));
    }
    return new SchemaSnapshot("17.6", 170006, "app",
        List.of(new SchemaInfo("public", list, List.of(), List.of(), List.of(), List.of())), findings);
  }

  @Test
  void summaryOfTwoThousandTablesStaysUnderFortyThousandCharacters() {
    SchemaInspection.Answer answer = SchemaInspection.of(snapshot(2000, 0), false, "embedded");
    String json = Json.toJson(answer.structured());
    assertTrue(json.length() < 40_000, "structured answer is " + json.length() + " characters");
    assertTrue(answer.text().length() < 40_000, "text answer is " + answer.text().length() + " characters");
    @SuppressWarnings("unchecked")
    Map<String, Object> truncated = (Map<String, Object>) answer.structured().get("truncated");
    assertEquals(2000, truncated.get("tables_total"));
    assertTrue((Integer) truncated.get("tables_shown") > 100);
    assertTrue(truncated.get("hint").toString().contains("tables"));
  }

  @Test
  void keepsTheLargestTablesWhenCutting() {
    SchemaInspection.Answer answer = SchemaInspection.of(snapshot(2000, 0), false, "embedded");
    String json = Json.toJson(answer.structured());
    assertTrue(json.contains("application_table_1999"), "the largest table is kept");
    assertFalse(json.contains("\"application_table_0000\""), "the smallest table is cut");
  }

  @Test
  void smallSchemaIsNotTruncated() {
    SchemaInspection.Answer answer = SchemaInspection.of(snapshot(5, 12), true, "embedded");
    assertFalse(answer.structured().containsKey("truncated"));
    assertTrue(Json.toJson(answer.structured()).contains("column_11"));
  }
}
