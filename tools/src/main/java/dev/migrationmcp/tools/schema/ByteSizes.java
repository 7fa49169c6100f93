package dev.migrationmcp.tools.schema;

import java.util.Locale;

/** Human sizes the way {@code pg_size_pretty} prints them (bytes, kB, MB, GB, TB). */
public final class ByteSizes {
  private ByteSizes() {}

  public static String human(long bytes) {
    if (bytes < 0) {
      return "?";
    }
    String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    if (unit == 0) {
      return bytes + " bytes";
    }
    return (value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value))
        + " " + units[unit];
  }

  /** A row estimate for people: {@code ~12.4M rows}, {@code ~950 rows}, {@code not analyzed}. */
  public static String rows(long estimate) {
    if (estimate < 0) {
      return "never analyzed";
    }
    if (estimate >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "~%.1fB rows", estimate / 1e9);
    }
    if (estimate >= 1_000_000) {
      return String.format(Locale.ROOT, "~%.1fM rows", estimate / 1e6);
    }
    if (estimate >= 10_000) {
      return String.format(Locale.ROOT, "~%.0fk rows", estimate / 1e3);
    }
    return "~" + estimate + (estimate == 1 ? " row" : " rows");
  }
}
