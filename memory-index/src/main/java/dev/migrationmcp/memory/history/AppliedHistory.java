package dev.migrationmcp.memory.history;

import java.util.List;

/**
 * Where the index gets the applied migrations from; {@link FlywayHistory#from} reads a live
 * database. Implementations may fail: the index then keeps what it had (or nothing).
 */
@FunctionalInterface
public interface AppliedHistory {
  List<AppliedMigration> read() throws Exception;
}
