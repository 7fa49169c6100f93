package dev.migrationmcp.memory.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionWriterTest {
  @TempDir Path project;
  private final Clock clock = Clock.fixed(Instant.parse("2024-05-06T10:00:00Z"), ZoneOffset.UTC);

  private DecisionWriter writer() {
    return new DecisionWriter(project.resolve("db/decisions"), project, clock);
  }

  @Test
  void writesANumberedRecordThatReadsBack() throws Exception {
    RecordedDecision r = writer().write(new NewDecision("Use text + CHECK, not enums", "Because ADD VALUE…",
        "Context here", List.of("Orders", "billing.payments"), List.of("V14"), null));
    assertEquals(new RecordedDecision("0001", "db/decisions/0001-use-text-check-not-enums.md",
        "Use text + CHECK, not enums", "accepted", "2024-05-06"), r);
    String markdown = Files.readString(project.resolve(r.path()));
    DecisionRecord back = DecisionRecords.parse("0001-use-text-check-not-enums.md", markdown);
    assertEquals("Use text + CHECK, not enums", back.title());
    assertEquals(List.of("orders", "billing.payments"), back.tables());
    assertEquals(List.of("V14"), back.migrations());
    assertEquals("2024-05-06", back.date());
    assertTrue(back.body().contains("## Context\n\nContext here") && back.body().contains("## Decision\n\nBecause ADD VALUE…"));
  }

  @Test
  void numbersAfterTheHighestExistingRecordAndNeverOverwrites() throws Exception {
    Path dir = Files.createDirectories(project.resolve("db/decisions"));
    Files.writeString(dir.resolve("0041-old.md"), "old");
    Files.writeString(dir.resolve("notes.md"), "not numbered");
    RecordedDecision r = writer().write(new NewDecision("Old", "new text", null, null, null, "proposed"));
    assertEquals("0042", r.id());
    assertEquals("old", Files.readString(dir.resolve("0041-old.md")));
  }

  @Test
  void derivesTheFileNameItselfWhateverTheTitleSays() {
    assertEquals("etc-passwd", DecisionWriter.slug("../../etc/passwd"));
    assertEquals("decision", DecisionWriter.slug("../../"));
    assertEquals("creme-brulee-for-everyone", DecisionWriter.slug("Crème brûlée for everyone!"));
    assertTrue(DecisionWriter.slug("word ".repeat(40)).length() <= 60);
    RecordedDecision r = writer().write(new NewDecision("/tmp/evil", "x", null, null, null, null));
    assertEquals("db/decisions/0001-tmp-evil.md", r.path());
  }

  @Test
  void validatesInputsNamingTheField() {
    DecisionWriter w = writer();
    assertMessage(() -> w.write(new NewDecision(" ", "x", null, null, null, null)), "title");
    assertMessage(() -> w.write(new NewDecision("a\nb", "x", null, null, null, null)), "title");
    assertMessage(() -> w.write(new NewDecision("t", null, null, null, null, null)), "decision");
    assertMessage(() -> w.write(new NewDecision("t", "x", null, List.of("orders; drop"), null, null)), "orders; drop");
    assertMessage(() -> w.write(new NewDecision("t", "x", null, null, List.of("../V1"), null)), "../V1");
    assertMessage(() -> w.write(new NewDecision("t", "x", null, null, null, "maybe")), "maybe");
    assertMessage(() -> w.write(new NewDecision("t".repeat(201), "x", null, null, null, null)), "title");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String mentions) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(mentions), e.getMessage());
  }
}
