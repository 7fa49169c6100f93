package dev.migrationmcp.memory.search;

import java.util.List;

/**
 * The answer to a search.
 *
 * @param hits best first
 * @param total how many documents matched in all
 * @param note set when the query was read differently than written (e.g. invalid Lucene syntax searched as plain words)
 */
public record SearchResult(List<SearchHit> hits, long total, String note) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
