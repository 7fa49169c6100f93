package dev.migrationmcp.memory.search;

/**
 * A {@code search_past_migrations} request. Every field but {@code query} is optional (null).
 *
 * @param query words, identifiers or Lucene syntax; may be blank when a filter is given
 * @param table only documents touching this table ({@code orders} or {@code public.orders})
 * @param column only documents touching this column ({@code user_id} or {@code orders.user_id})
 * @param operation only migrations with this operation (see {@code Operation})
 * @param since only documents with an applied, commit or decision date on or after this (ISO date or timestamp)
 * @param until only documents with such a date on or before this
 * @param limit how many hits, 1 to 50 (default 10)
 */
public record SearchRequest(String query, String table, String column, String operation, String since, String until,
    Integer limit) {
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 50;

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, null, null);
  }

  public SearchRequest withTable(String t) {
    return new SearchRequest(query, t, column, operation, since, until, limit);
  }

  public SearchRequest withColumn(String c) {
    return new SearchRequest(query, table, c, operation, since, until, limit);
  }

  public SearchRequest withOperation(String o) {
    return new SearchRequest(query, table, column, o, since, until, limit);
  }

  public SearchRequest withDates(String from, String to) {
    return new SearchRequest(query, table, column, operation, from, to, limit);
  }

  public SearchRequest withLimit(Integer n) {
    return new SearchRequest(query, table, column, operation, since, until, n);
  }
}
