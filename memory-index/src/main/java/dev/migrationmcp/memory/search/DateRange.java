package dev.migrationmcp.memory.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code since}/{@code until} bounds of a search as epoch milliseconds, inclusive. A date
 * ({@code 2024-03-01}), month ({@code 2024-03}) or year ({@code 2024}) covers the whole period:
 * {@code since} starts at its beginning and {@code until} ends at its end (UTC). Timestamps with an
 * offset are taken as they are.
 */
record DateRange(long from, long to) {
  static DateRange parse(String since, String until) {
    long from = since == null || since.isBlank() ? Long.MIN_VALUE : bound("since", since.strip(), false);
    long to = until == null || until.isBlank() ? Long.MAX_VALUE : bound("until", until.strip(), true);
    if (from > to) {
      throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
    }
    return new DateRange(from, to);
  }

  boolean unbounded() {
    return from == Long.MIN_VALUE && to == Long.MAX_VALUE;
  }

  private static long bound(String name, String value, boolean end) {
    try {
      if (value.matches("\\d{4}")) {
        Year y = Year.parse(value);
        return (end ? y.atMonth(12).atEndOfMonth().plusDays(1) : y.atDay(1)).atStartOfDay(ZoneOffset.UTC)
            .toInstant().toEpochMilli() - (end ? 1 : 0);
      }
      if (value.matches("\\d{4}-\\d{2}")) {
        YearMonth m = YearMonth.parse(value);
        return (end ? m.atEndOfMonth().plusDays(1) : m.atDay(1)).atStartOfDay(ZoneOffset.UTC)
            .toInstant().toEpochMilli() - (end ? 1 : 0);
      }
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate d = LocalDate.parse(value);
        return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - (end ? 1 : 0);
      }
      return OffsetDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date like 2024-03-01 (or 2024-03, 2024, or an ISO "
          + "timestamp with offset such as 2024-03-01T12:00:00Z), got '" + value + "'");
    }
  }
}
