package dev.migrationmcp.memory.search;

import dev.migrationmcp.memory.index.IndexFields;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Reads the text of a search: Lucene syntax when it is valid ({@code "exact phrase"},
 * {@code sql:jsonb}, {@code +must -not}, {@code enum*}), and otherwise the same words searched
 * plainly, never an error. A question mark ending a word is punctuation, not a wildcard, so "why
 * did we stop using enums for status?" searches for {@code status}.
 */
final class QueryText {
  private static final Pattern OPERATORS = Pattern.compile("\\b(AND|OR|NOT|TO)\\b");

  /** The query and, when it was not read as written, why. */
  record Parsed(Query query, String note) {}

  private QueryText() {}

  static Parsed parse(String text, Analyzer analyzer) {
    String cleaned = text.replaceAll("\\?+(?=\\s|$)", " ").strip();
    if (cleaned.isEmpty()) {
      return new Parsed(new MatchNoDocsQuery(), null);
    }
    try {
      return new Parsed(parser(analyzer).parse(cleaned), null);
    } catch (ParseException | RuntimeException e) {
      // Unbalanced quotes or parentheses, dangling operators, unknown syntax: search the words.
    }
    String plain = OPERATORS.matcher(QueryParser.escape(cleaned)).replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT));
    String note = "the query is not valid Lucene syntax, so its words were searched as plain text";
    try {
      return new Parsed(parser(analyzer).parse(plain), note);
    } catch (ParseException | RuntimeException e) {
      return new Parsed(new MatchNoDocsQuery(), note);
    }
  }

  private static MultiFieldQueryParser parser(Analyzer analyzer) {
    Map<String, Float> boosts = IndexFields.BOOSTS;
    MultiFieldQueryParser p = new MultiFieldQueryParser(boosts.keySet().stream().sorted().toArray(String[]::new),
        analyzer, boosts);
    p.setDefaultOperator(QueryParser.Operator.OR);
    p.setAllowLeadingWildcard(false);
    p.setSplitOnWhitespace(true);
    return p;
  }
}
