package dev.migrationmcp.memory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Runs an analyzer or token stream and returns what it produced, for assertions. */
public final class Tokens {
  /** One token: text, absolute position, offsets. */
  public record Token(String term, int position, int start, int end) {}

  private Tokens() {}

  public static List<Token> of(Analyzer analyzer, String text) {
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      return of(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Token> of(TokenStream stream) throws IOException {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
    List<Token> out = new ArrayList<>();
    stream.reset();
    int position = -1;
    while (stream.incrementToken()) {
      position += inc.getPositionIncrement();
      out.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
    }
    stream.end();
    return out;
  }

  public static List<String> terms(Analyzer analyzer, String text) {
    return of(analyzer, text).stream().map(Token::term).toList();
  }
}
