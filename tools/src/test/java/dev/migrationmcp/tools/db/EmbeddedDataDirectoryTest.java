package dev.migrationmcp.tools.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDataDirectoryTest {
  @TempDir Path shm;
  @TempDir Path tmp;

  @Test
  void theEnvironmentVariableWins() {
    assertEquals(Path.of("/srv/pg"), EmbeddedDataDirectory.parent(Map.of(EmbeddedDataDirectory.ENV, " /srv/pg "), shm, tmp));
  }

  @Test
  void aWritableMemoryFileSystemWithRoomIsPreferred() {
    // The test's temporary directory stands in for /dev/shm: a writable directory with room.
    assertEquals(shm, EmbeddedDataDirectory.parent(Map.of(), shm, tmp));
  }

  @Test
  void withoutSuchADirectoryTheTemporaryDirectoryIsUsed() {
    assertEquals(tmp, EmbeddedDataDirectory.parent(Map.of(), shm.resolve("absent"), tmp));
    assertEquals(tmp, EmbeddedDataDirectory.parent(Map.of(EmbeddedDataDirectory.ENV, " "), shm.resolve("absent"), tmp));
  }
}
