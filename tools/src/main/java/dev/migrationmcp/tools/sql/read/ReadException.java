package dev.migrationmcp.tools.sql.read;

/** The reader met something it does not expect; {@code offset} is where, in the statement text. */
final class ReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  ReadException(String message, int offset) {
    super(message, null, false, false);
    this.offset = offset;
  }

  int offset() {
    return offset;
  }
}
