package dev.migrationmcp.tools.sql.model;

/**
 * Transaction control: {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT [AND CHAIN]},
 * {@code END}, {@code ROLLBACK}, {@code ABORT}, savepoints and two-phase commit.
 *
 * @param name the savepoint name or the prepared transaction's id, else null
 * @param chain {@code AND CHAIN}: a new transaction starts at once
 */
public record TransactionControl(Command command, String name, boolean chain) implements Statement {
  /** Which transaction command. */
  public enum Command {
    BEGIN("BEGIN"),
    START_TRANSACTION("START TRANSACTION"),
    COMMIT("COMMIT"),
    END("COMMIT"),
    ROLLBACK("ROLLBACK"),
    ABORT("ROLLBACK"),
    SAVEPOINT("SAVEPOINT"),
    RELEASE_SAVEPOINT("RELEASE"),
    ROLLBACK_TO_SAVEPOINT("ROLLBACK"),
    PREPARE_TRANSACTION("PREPARE TRANSACTION"),
    COMMIT_PREPARED("COMMIT PREPARED"),
    ROLLBACK_PREPARED("ROLLBACK PREPARED");

    private final String tag;

    Command(String tag) {
      this.tag = tag;
    }
  }

  @Override
  public String kind() {
    return command.tag;
  }

  /** BEGIN or START TRANSACTION. */
  public boolean opensTransaction() {
    return command == Command.BEGIN || command == Command.START_TRANSACTION;
  }

  /** COMMIT, END, ROLLBACK, ABORT or PREPARE TRANSACTION: the current transaction is over. */
  public boolean endsTransaction() {
    switch (command) {
      case COMMIT: case END: case ROLLBACK: case ABORT: case PREPARE_TRANSACTION:
        return true;
      default:
        return false;
    }
  }
}
