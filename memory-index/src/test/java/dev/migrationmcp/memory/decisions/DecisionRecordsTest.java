package dev.migrationmcp.memory.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRecordsTest {
  @Test
  void readsFrontMatterWithInlineAndBlockLists() {
    DecisionRecord r = DecisionRecords.parse("0007-status-text.md", """
        ---
        title: "Status: text with a CHECK"
        date: 2023-07-10
        status: accepted
        tables: [Orders, payments]
        migrations:
          - V14
          - 'V15'
        ignored line
        ---

        # Heading

        Body text.
        """);
    assertEquals(new DecisionRecord("0007", "Status: text with a CHECK", "2023-07-10", "accepted",
        List.of("orders", "payments"), List.of("V14", "V15"), "# Heading\n\nBody text."), r);
  }

  @Test
  void withoutFrontMatterTheTitleComesFromTheHeadingOrTheFileName() {
    DecisionRecord r = DecisionRecords.parse("adr-use-uuid.md", "Intro\n\n# Use UUID keys\n\nBecause.");
    assertEquals("adr-use-uuid", r.id());
    assertEquals("Use UUID keys", r.title());
    assertNull(r.date());
    assertEquals(List.of(), r.tables());
    assertEquals("use uuid", DecisionRecords.parse("use-uuid.md", "no heading").title());
  }

  @Test
  void toleratesBrokenFrontMatter() {
    DecisionRecord r = DecisionRecords.parse("0001-x.md", "---\ntitle: x\nno end marker");
    assertEquals("0001", r.id());
  }
}
