package dev.migrationmcp.tools.lint;

import java.util.Locale;

/** How bad a finding is. Ordered from the worst. */
public enum Severity {
  ERROR, WARNING, INFO;

  /** {@code error}, {@code warning}, {@code info}: the spelling used in output and config. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code error|warning|info}; names the bad value otherwise. */
  public static Severity parse(String value) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("severity must be error, warning or info, got '" + value + "'");
  }

  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
