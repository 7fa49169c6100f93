package dev.migrationmcp.memory.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Splits identifiers into their words and keeps the original: {@code email_verified_at} becomes
 * {@code email_verified_at}, {@code email}, {@code verified}, {@code at}; {@code emailVerifiedAt}
 * and {@code public.orders} split the same way. The original keeps its position, the first part
 * is stacked on it and the following parts advance one position each, so the phrase "email
 * verified" matches inside the identifier. Parts carry their own offsets when the token's text
 * spans its offsets exactly (no char filter changed it), so highlights land on the part.
 *
 * <p>Separators are {@code _}, {@code .} and {@code $}; camelCase splits before an upper-case
 * letter that follows a lower-case letter or digit, and inside an acronym before its last letter
 * when a lower-case letter follows ({@code HTTPServer} → {@code HTTP}, {@code Server}). Letters
 * and digits are not separated ({@code v2}, {@code int4}, {@code utf8} stay whole). Run it before
 * lower-casing, so camelCase is still visible.
 */
public final class IdentifierSplitFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private final Deque<Part> pending = new ArrayDeque<>();
  private AttributeSource.State original;
  private boolean firstPart;

  public IdentifierSplitFilter(TokenStream input) {
    super(input);
  }

  /** One word of an identifier: its text and where it sits inside the identifier. */
  record Part(int start, int end) {}

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      Part part = pending.removeFirst();
      restoreState(original);
      int tokenStart = offset.startOffset();
      int tokenEnd = offset.endOffset();
      String text = term.toString();
      term.setEmpty().append(text, part.start(), part.end());
      if (tokenEnd - tokenStart == text.length()) {
        offset.setOffset(tokenStart + part.start(), tokenStart + part.end());
      }
      position.setPositionIncrement(firstPart ? 0 : 1);
      firstPart = false;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    List<Part> parts = split(term.buffer(), term.length());
    if (parts.size() > 1) {
      original = captureState();
      pending.addAll(parts);
      firstPart = true;
    }
    return true;
  }

  /** The words of {@code chars[0..length)}; a single part means "not an identifier to split". */
  static List<Part> split(char[] chars, int length) {
    List<Part> parts = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c == '_' || c == '.' || c == '$') {
        if (start >= 0) {
          parts.add(new Part(start, i));
          start = -1;
        }
        continue;
      }
      if (start >= 0 && i > start && isBoundary(chars, length, i)) {
        parts.add(new Part(start, i));
        start = i;
      }
      if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      parts.add(new Part(start, length));
    }
    return parts;
  }

  private static boolean isBoundary(char[] chars, int length, int i) {
    char prev = chars[i - 1];
    char c = chars[i];
    if (!Character.isUpperCase(c)) {
      return false;
    }
    if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
      return true;
    }
    // End of an acronym: "HTTPServer" splits before the 'S' because a lower-case letter follows.
    return Character.isUpperCase(prev) && i + 1 < length && Character.isLowerCase(chars[i + 1]);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    original = null;
    firstPart = false;
  }
}
