package dev.migrationmcp.tools.dryrun;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StatementTraitsTest {
  @Test
  void refusesLiftingTheRunsLimitsFromInsideAStatement() {
    assertNotNull(StatementTraits.of("SELECT set_config('lock_timeout', '0', false)", 150000).escape());
    assertNotNull(StatementTraits.of("DO $$ BEGIN SET statement_timeout = 0; PERFORM pg_sleep(60); END $$", 150000).escape());
    assertNotNull(StatementTraits.of("CREATE FUNCTION f() RETURNS void LANGUAGE sql SET lock_timeout = 0 AS 'SELECT 1'",
        150000).escape());
  }

  @Test
  void letsPlainSetAndResetThroughBecauseTheRunnerReappliesItsLimits() {
    assertNull(StatementTraits.of("SET lock_timeout = '5s'", 150000).escape());
    assertNull(StatementTraits.of("SET LOCAL statement_timeout = 0", 150000).escape());
    assertNull(StatementTraits.of("RESET lock_timeout", 150000).escape());
    assertNull(StatementTraits.of("ALTER TABLE t ADD COLUMN c int -- lock_timeout is set above", 150000).escape());
  }
}
