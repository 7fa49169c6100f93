package dev.migrationmcp.memory.analysis;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Maps the irregular past forms that appear in questions about history to their base form
 * ("who <b>wrote</b>", "migrations that <b>rewrote</b> events", "when we <b>split</b> …"), which
 * a suffix stemmer cannot do: Porter turns "rewrote" into "rewrot" and "rewrite" into "rewrit".
 * Expects lower-cased input; tokens marked as keywords are left alone.
 */
public final class IrregularVerbFilter extends TokenFilter {
  static final Map<String, String> BASE_FORMS = Map.ofEntries(
      Map.entry("rewrote", "rewrite"), Map.entry("rewritten", "rewrite"),
      Map.entry("wrote", "write"), Map.entry("written", "write"),
      Map.entry("ran", "run"), Map.entry("took", "take"), Map.entry("taken", "take"),
      Map.entry("chose", "choose"), Map.entry("chosen", "choose"),
      Map.entry("broke", "break"), Map.entry("broken", "break"),
      Map.entry("began", "begin"), Map.entry("begun", "begin"),
      Map.entry("made", "make"), Map.entry("built", "build"), Map.entry("rebuilt", "rebuild"),
      Map.entry("kept", "keep"), Map.entry("left", "leave"), Map.entry("went", "go"), Map.entry("gone", "go"),
      Map.entry("found", "find"), Map.entry("gave", "give"), Map.entry("given", "give"),
      Map.entry("got", "get"), Map.entry("gotten", "get"), Map.entry("held", "hold"),
      Map.entry("lost", "lose"), Map.entry("meant", "mean"), Map.entry("sent", "send"),
      Map.entry("spent", "spend"), Map.entry("threw", "throw"), Map.entry("thrown", "throw"),
      Map.entry("undid", "undo"), Map.entry("undone", "undo"), Map.entry("froze", "freeze"),
      Map.entry("frozen", "freeze"), Map.entry("fell", "fall"), Map.entry("fallen", "fall"),
      Map.entry("led", "lead"), Map.entry("dealt", "deal"), Map.entry("stood", "stand"));

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  public IrregularVerbFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      String base = BASE_FORMS.get(term.toString());
      if (base != null) {
        term.setEmpty().append(base);
      }
    }
    return true;
  }
}
