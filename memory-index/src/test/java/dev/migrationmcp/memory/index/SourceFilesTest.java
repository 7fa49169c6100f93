package dev.migrationmcp.memory.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {
  @TempDir Path project;

  @Test
  void findsMatchingFilesSortedAndFollowsLinksToFiles() throws Exception {
    Path dir = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(dir.resolve("V2__b.sql"), "SELECT 2;");
    Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
    Files.writeString(dir.resolve("notes.txt"), "not a migration");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/V3__c.sql"), "SELECT 3;");
    Path shared = Files.writeString(project.resolve("shared.sql"), "SELECT 4;");
    Files.createSymbolicLink(dir.resolve("V4__linked.sql"), shared);
    Files.createSymbolicLink(dir.resolve("V5__dangling.sql"), project.resolve("missing.sql"));

    SourceFiles sources = new SourceFiles(project);
    List<String> recursive = sources.find(List.of(dir), true, n -> n.endsWith(".sql")).stream()
        .map(SourceFiles.Found::relativePath).toList();
    assertEquals(List.of("db/migration/V1__a.sql", "db/migration/V2__b.sql", "db/migration/V4__linked.sql",
        "db/migration/sub/V3__c.sql"), recursive);
    assertEquals(List.of("db/migration/V1__a.sql", "db/migration/V2__b.sql", "db/migration/V4__linked.sql"),
        sources.find(List.of(dir), false, n -> n.endsWith(".sql")).stream().map(SourceFiles.Found::relativePath).toList());
    assertEquals(SourceFiles.sha256("SELECT 4;"), sources.find(List.of(dir), false, n -> n.startsWith("V4")).get(0).hash(),
        "a linked file is hashed by its target's content");
  }
}
