package dev.migrationmcp.memory.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlywayFileNameTest {
  @Test
  void readsVersionedUndoAndRepeatable() {
    assertEquals(Optional.of(new FlywayFileName("versioned", "1", "create users")), FlywayFileName.parse("V1__create_users.sql"));
    assertEquals(Optional.of(new FlywayFileName("versioned", "1.2.3", "x")), FlywayFileName.parse("V1_2.3__x.sql"));
    assertEquals(Optional.of(new FlywayFileName("undo", "21", "restore legacy id")), FlywayFileName.parse("U21__restore_legacy_id.sql"));
    assertEquals(Optional.of(new FlywayFileName("repeatable", null, "admin users view")), FlywayFileName.parse("R__admin_users_view.sql"));
    assertEquals(Optional.of(new FlywayFileName("versioned", "2024.01.02.1200", "a b")), FlywayFileName.parse("V2024.01.02.1200__a__b.sql"));
  }

  @Test
  void refusesWhatFlywayWouldNotRun() {
    assertTrue(FlywayFileName.parse("README.md").isEmpty());
    assertTrue(FlywayFileName.parse("V1_create.sql").isEmpty());
    assertTrue(FlywayFileName.parse("Vx__create.sql").isEmpty());
    assertTrue(FlywayFileName.parse("V1__create.sql.conf").isEmpty());
    assertTrue(FlywayFileName.parse("").isEmpty());
  }
}
