package dev.migrationmcp.memory.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the memory index, each a chain of small filters over {@link StandardTokenizer}
 * (which keeps {@code email_verified_at} and {@code orders.user_id} whole):
 *
 * <ul>
 *   <li>{@link #identifiers()} — SQL and the facts field: split identifiers, keep the original,
 *       lower-case. No stop words (SQL keywords stay searchable; BM25's IDF keeps the ubiquitous
 *       ones from dominating) and no stemming (identifiers are exact).
 *   <li>{@link #prose()} — commit messages, comments, decisions: the same splitting, then English
 *       possessives and stop words (plus the words of questions: why, when, who, did …),
 *       irregular past forms, and Porter stemming that keeps the unstemmed word too and never
 *       stems an identifier ({@code users.legacy_id} stays whole).
 * </ul>
 */
public final class MemoryAnalyzers {
  /** English stop words plus the words people put around a question about history. */
  public static final CharArraySet PROSE_STOP_WORDS;

  static {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    set.addAll(List.of("why", "when", "who", "whom", "what", "which", "how", "did", "do", "does", "done", "we",
        "our", "us", "i", "you", "have", "has", "had", "ever", "were", "been", "any", "last", "migration",
        "migrations"));
    PROSE_STOP_WORDS = CharArraySet.unmodifiableSet(set);
  }

  /** Tokens that look like identifiers (contain {@code _ . $}) are not stemmed. */
  private static final Pattern IDENTIFIER = Pattern.compile(".*[_.$].*");

  private MemoryAnalyzers() {}

  /** For SQL and identifier lists: split, keep original, lower-case. */
  public static Analyzer identifiers() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new IdentifierSplitFilter(source);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /** For prose: identifiers split, stop words removed, English stemming (original kept). */
  public static Analyzer prose() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new IdentifierSplitFilter(source);
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, PROSE_STOP_WORDS);
        stream = new IrregularVerbFilter(stream);
        stream = new KeywordRepeatFilter(stream);
        stream = new PatternKeywordMarkerFilter(stream, IDENTIFIER);
        stream = new PorterStemFilter(stream);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /**
   * One analyzer for the whole index: {@code prose} for the listed prose fields, identifiers for
   * everything else.
   */
  public static Analyzer perField(List<String> proseFields) {
    Analyzer prose = prose();
    Map<String, Analyzer> map = new HashMap<>();
    for (String f : proseFields) {
      map.put(f, prose);
    }
    return new PerFieldAnalyzerWrapper(identifiers(), map);
  }
}
