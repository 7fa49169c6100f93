package dev.migrationmcp.tools.db;

/** A database could not be reached; the message names host, port and database, never a password. */
public final class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
