package dev.migrationmcp.tools.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.filesystem.FileSystemResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlywayChecksum} gives exactly what Flyway's own ChecksumCalculator gives for a file on disk. */
class FlywayChecksumTest {
  @TempDir Path dir;

  private int flyway(Path file) {
    return ChecksumCalculator.calculate(new FileSystemResource(new Location("filesystem:" + dir), file.toString(),
        StandardCharsets.UTF_8, false));
  }

  private void assertSameAsFlyway(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    assertEquals(flyway(file), FlywayChecksum.of(Files.readString(file, StandardCharsets.UTF_8)), name);
  }

  @Test
  void matchesFlywayOnTypicalFiles() throws IOException {
    assertSameAsFlyway("V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
    assertSameAsFlyway("V2__crlf.sql", "CREATE TABLE a (id int);\r\nCREATE INDEX a_idx ON a (id);\r\n");
    assertSameAsFlyway("V3__cr.sql", "SELECT 1;\rSELECT 2;\r");
    assertSameAsFlyway("V4__no_newline.sql", "SELECT 1;");
    assertSameAsFlyway("V5__blank_lines.sql", "\n\nSELECT 1;\n\n\n");
    assertSameAsFlyway("V6__bom.sql", "\ufeff-- comment\nSELECT 'é', '日本';\n");
    assertSameAsFlyway("V7__empty.sql", "");
    assertSameAsFlyway("V8__dollar.sql", "DO $$ BEGIN\n  RAISE NOTICE 'x';\nEND $$;\n");
  }

  @Test
  void ignoresLineEndingsButNotContent() {
    assertEquals(FlywayChecksum.of("a\nb\n"), FlywayChecksum.of("a\r\nb\r\n"));
    assertEquals(FlywayChecksum.of("a\nb"), FlywayChecksum.of("a\nb\n"));
    assertNotEquals(FlywayChecksum.of("a\nb\n"), FlywayChecksum.of("a\nb \n"));
  }

  @Test
  void matchesFlywayOnTheLintFixtures() throws IOException {
    Path fixtures = Path.of("src/test/resources/dev/migrationmcp/tools/lint/fixtures");
    List<Path> files;
    try (Stream<Path> list = Files.list(fixtures)) {
      files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(files.size() > 10, "fixtures found");
    for (Path f : files) {
      Path copy = dir.resolve(f.getFileName());
      Files.copy(f, copy);
      assertEquals(flyway(copy), FlywayChecksum.of(Files.readString(copy)), f.getFileName().toString());
    }
  }

  @Test
  void matchesFlywayOnRandomText() throws IOException {
    Random random = new Random(42);
    String alphabet = "ab ;'\"\n\r\t\u00e9\u65e5$-/*";
    for (int i = 0; i < 50; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(200);
      for (int j = 0; j < length; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertSameAsFlyway("V" + (100 + i) + "__random.sql", sb.toString());
    }
  }
}
