package dev.migrationmcp.memory.search;

import dev.migrationmcp.memory.index.IndexFields;
import dev.migrationmcp.memory.index.Operation;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Runs a {@link SearchRequest} on a searcher of the memory index: the text query (BM25 over the
 * boosted fields) with exact filters for table, column, operation and date range, then builds
 * hits with a highlighted snippet from the best field that matched.
 */
public final class MemorySearcher {
  static final int SNIPPET_CHARS = 240;
  static final int RATIONALE_CHARS = 600;

  private MemorySearcher() {}

  /**
   * Searches.
   *
   * @throws IllegalArgumentException for a filter the caller can fix (unknown operation, bad date, bad limit)
   */
  public static SearchResult search(IndexSearcher searcher, Analyzer analyzer, SearchRequest request) throws IOException {
    int limit = request.limit() == null ? SearchRequest.DEFAULT_LIMIT : request.limit();
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + SearchRequest.MAX_LIMIT + ", got " + limit);
    }
    String text = request.query() == null ? "" : request.query().strip();
    BooleanQuery.Builder filters = new BooleanQuery.Builder();
    boolean anyFilter = false;
    if (!blank(request.table())) {
      filters.add(new TermQuery(new Term(IndexFields.TABLE, IndexFields.normalize(request.table()))), BooleanClause.Occur.FILTER);
      anyFilter = true;
    }
    if (!blank(request.column())) {
      filters.add(new TermQuery(new Term(IndexFields.COLUMN, IndexFields.normalize(request.column()))), BooleanClause.Occur.FILTER);
      anyFilter = true;
    }
    if (!blank(request.operation())) {
      Operation op = Operation.fromWire(request.operation()).orElseThrow(() -> new IllegalArgumentException(
          "operation must be one of " + Operation.vocabulary() + ", got '" + request.operation() + "'"));
      filters.add(new TermQuery(new Term(IndexFields.OPERATION, op.wireName())), BooleanClause.Occur.FILTER);
      anyFilter = true;
    }
    DateRange range = DateRange.parse(request.since(), request.until());
    if (!range.unbounded()) {
      filters.add(LongPoint.newRangeQuery(IndexFields.DATES, range.from(), range.to()), BooleanClause.Occur.FILTER);
      anyFilter = true;
    }
    if (text.isEmpty() && !anyFilter) {
      throw new IllegalArgumentException("query is empty: give words to search for, or at least one filter "
          + "(table, column, operation, since, until)");
    }

    QueryText.Parsed parsed = text.isEmpty() ? null : QueryText.parse(text, analyzer);
    Query textQuery = parsed == null ? new MatchAllDocsQuery() : parsed.query();
    Query query = filters.add(textQuery, BooleanClause.Occur.MUST).build();
    // One pass that ranks and counts every match: cheaper than ranking (with early termination)
    // and then counting in a second pass over the same postings.
    int capped = Math.min(limit, Math.max(1, searcher.getIndexReader().maxDoc()));
    TopDocs top = parsed == null
        ? searcher.search(query, new TopFieldCollectorManager(
            new Sort(new SortField(IndexFields.SORT_DATE, SortField.Type.LONG, true)), capped, Integer.MAX_VALUE))
        : searcher.search(query, new TopScoreDocCollectorManager(capped, Integer.MAX_VALUE));
    long total = top.totalHits.value;

    String[] snippets = new String[top.scoreDocs.length];
    if (parsed != null && top.scoreDocs.length > 0) {
      snippets = snippets(searcher, analyzer, parsed.query(), top);
    }
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      Document doc = stored.document(sd.doc);
      float score = parsed == null || Float.isNaN(sd.score) ? 0f : sd.score;
      hits.add(hit(doc, score, snippets[i]));
    }
    return new SearchResult(hits, total, parsed == null ? null : parsed.note());
  }

  private static String[] snippets(IndexSearcher searcher, Analyzer analyzer, Query query, TopDocs top) throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("**", "**", " … ", false))
        .withMaxNoHighlightPassages(0)
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS / 2, 0.3f))
        .withHighlightPhrasesStrictly(false)
        .build();
    String[] fields = IndexFields.SNIPPET_ORDER.toArray(String[]::new);
    int[] passages = new int[fields.length];
    Arrays.fill(passages, 1);
    var byField = highlighter.highlightFields(fields, query, top, passages);
    String[] out = new String[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) {
      for (String f : fields) {
        String[] values = byField.get(f);
        if (values != null && values[i] != null && values[i].contains("**")) {
          out[i] = trimAround(values[i]);
          break;
        }
      }
    }
    return out;
  }

  /** Collapses whitespace and keeps about {@link #SNIPPET_CHARS} characters around the first highlight. */
  static String trimAround(String snippet) {
    String s = snippet.replaceAll("\\s+", " ").strip();
    if (s.length() <= SNIPPET_CHARS) {
      return s;
    }
    int mark = Math.max(0, s.indexOf("**"));
    int start = Math.max(0, mark - SNIPPET_CHARS / 3);
    int end = Math.min(s.length(), start + SNIPPET_CHARS);
    int space = s.lastIndexOf(' ', start);
    if (start > 0 && space > start - 20 && space >= 0) {
      start = space + 1;
    }
    String cut = s.substring(start, end);
    // Never cut a highlight in half.
    if (countOf(cut, "**") % 2 == 1) {
      int close = s.indexOf("**", end);
      cut = close > 0 && close - end < 60 ? s.substring(start, close + 2) : cut + "**";
    }
    return (start > 0 ? "…" : "") + cut.strip() + (start + cut.length() < s.length() ? "…" : "");
  }

  private static int countOf(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static SearchHit hit(Document doc, float score, String snippet) {
    String kind = doc.get(IndexFields.KIND);
    boolean decision = "decision".equals(kind);
    List<CommitSummary> commits = new ArrayList<>();
    for (IndexableField f : doc.getFields(IndexFields.COMMIT_LINE)) {
      String[] parts = f.stringValue().split(String.valueOf('\u001f'), -1);
      if (parts.length == 4) {
        commits.add(new CommitSummary(parts[0], parts[1], parts[2], parts[3]));
      }
    }
    CommitSummary first = commits.isEmpty() ? null : commits.get(commits.size() - 1);
    String rationale = decision ? doc.get(IndexFields.DECISION) : doc.get(IndexFields.RATIONALE);
    String description = decision ? doc.get(IndexFields.TITLE) : doc.get(IndexFields.DESCRIPTION);
    if (snippet == null) {
      String fallback = shorten(rationale != null && !rationale.isBlank() ? rationale : description, SNIPPET_CHARS);
      snippet = fallback == null ? null : fallback.replaceAll("\\s+", " ");
    }
    String date = decision && doc.get(IndexFields.DATE) != null ? doc.get(IndexFields.DATE)
        : first == null ? null : first.date();
    IndexableField exec = doc.getField(IndexFields.EXECUTION_MS);
    return new SearchHit(
        doc.get(IndexFields.TYPE),
        doc.get(IndexFields.VERSION),
        doc.get(IndexFields.DECISION_ID),
        description,
        doc.get(IndexFields.PATH),
        doc.get(IndexFields.STATUS),
        doc.get(IndexFields.APPLIED_AT),
        doc.get(IndexFields.APPLIED_BY),
        exec == null ? null : exec.numericValue() != null ? exec.numericValue().intValue() : Integer.valueOf(exec.stringValue()),
        doc.get(IndexFields.SUCCESS) == null ? null : Boolean.valueOf(doc.get(IndexFields.SUCCESS)),
        first == null ? null : first.commit(),
        first == null ? null : first.author(),
        date,
        score,
        snippet,
        List.of(doc.getValues(IndexFields.TABLES_SHOWN)),
        List.of(doc.getValues(IndexFields.COLUMNS_SHOWN)),
        List.of(doc.getValues(IndexFields.OPERATION)),
        List.of(doc.getValues(IndexFields.MIGRATIONS)),
        shorten(rationale, RATIONALE_CHARS),
        commits.size() > 5 ? commits.subList(0, 5) : commits);
  }

  static String shorten(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.replaceAll("[ \\t]+", " ").replaceAll("\\n{3,}", "\n\n").strip();
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max);
    return s.substring(0, cut > max / 2 ? cut : max).strip() + "…";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
