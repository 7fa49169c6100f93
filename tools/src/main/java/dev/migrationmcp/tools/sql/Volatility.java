package dev.migrationmcp.tools.sql;

/**
 * PostgreSQL's function volatility ({@code pg_proc.provolatile}), ordered from least to most
 * volatile. Since PostgreSQL 11, ADD COLUMN with a non-volatile default stores the value once
 * instead of rewriting the table; a volatile default still rewrites it.
 */
public enum Volatility {
  /** {@code i}: same result for the same arguments, forever. */
  IMMUTABLE,
  /** {@code s}: same result within one statement ({@code now()}). */
  STABLE,
  /** {@code v}: may change on every call ({@code random()}, {@code nextval()}). */
  VOLATILE;

  /** The more volatile of the two. */
  public Volatility max(Volatility other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** Maps {@code pg_proc.provolatile} ({@code i}, {@code s}, {@code v}). */
  public static Volatility fromCatalog(String provolatile) {
    switch (provolatile == null ? "" : provolatile) {
      case "i":
        return IMMUTABLE;
      case "s":
        return STABLE;
      case "v":
        return VOLATILE;
      default:
        throw new IllegalArgumentException("provolatile must be i, s or v, not '" + provolatile + "'");
    }
  }
}
