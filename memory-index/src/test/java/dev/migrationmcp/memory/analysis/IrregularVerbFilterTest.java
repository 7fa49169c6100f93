package dev.migrationmcp.memory.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationmcp.memory.testing.Tokens;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.junit.jupiter.api.Test;

class IrregularVerbFilterTest {
  private static List<String> terms(String text, CharArraySet keywords) throws IOException {
    Tokenizer source = new WhitespaceTokenizer();
    source.setReader(new StringReader(text));
    try (IrregularVerbFilter filter = new IrregularVerbFilter(new SetKeywordMarkerFilter(source, keywords))) {
      return Tokens.of(filter).stream().map(Tokens.Token::term).toList();
    }
  }

  @Test
  void mapsIrregularPastFormsToTheBase() throws IOException {
    assertEquals(List.of("who", "rewrite", "events", "and", "take", "write", "run"),
        terms("who rewrote events and took wrote ran", CharArraySet.EMPTY_SET));
  }

  @Test
  void leavesRegularWordsAndKeywordsAlone() throws IOException {
    assertEquals(List.of("dropped", "added", "rewrote"),
        terms("dropped added rewrote", new CharArraySet(List.of("rewrote"), false)));
  }

  @Test
  void emptyInputGivesNoTokens() throws IOException {
    assertEquals(List.of(), terms("", CharArraySet.EMPTY_SET));
  }
}
