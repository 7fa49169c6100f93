package dev.migrationmcp.memory.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.memory.testing.Tokens;
import dev.migrationmcp.memory.testing.Tokens.Token;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierSplitFilterTest {
  private static List<Token> split(String text) throws IOException {
    Tokenizer source = new WhitespaceTokenizer();
    source.setReader(new StringReader(text));
    try (IdentifierSplitFilter filter = new IdentifierSplitFilter(source)) {
      return Tokens.of(filter);
    }
  }

  private static List<String> terms(String text) throws IOException {
    return split(text).stream().map(Token::term).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "email_verified_at | email_verified_at email verified at",
      "emailVerifiedAt   | emailVerifiedAt email Verified At",
      "public.orders     | public.orders public orders",
      "orders.user_id    | orders.user_id orders user id",
      "HTTPServer        | HTTPServer HTTP Server",
      "idx__orders_      | idx__orders_ idx orders",
      "v2                | v2",
      "int4range         | int4range",
      "utf8Name          | utf8Name utf8 Name",
      "orders            | orders",
      "_                 | _",
      "a_b$c             | a_b$c a b c"})
  void splitsIdentifiersAndKeepsTheOriginal(String input, String expected) throws IOException {
    assertEquals(List.of(expected.split(" ")), terms(input));
  }

  @Test
  void stacksTheFirstPartOnTheOriginalAndAdvancesAfterIt() throws IOException {
    List<Token> tokens = split("add email_verified_at now");
    assertEquals(List.of(
        new Token("add", 0, 0, 3),
        new Token("email_verified_at", 1, 4, 21),
        new Token("email", 1, 4, 9),
        new Token("verified", 2, 10, 18),
        new Token("at", 3, 19, 21),
        new Token("now", 4, 22, 25)), tokens);
  }

  @Test
  void emptyInputGivesNoTokens() throws IOException {
    assertEquals(List.of(), split(""));
    assertEquals(List.of(), split("   "));
  }

  @Test
  void randomIdentifiersKeepTheirInvariants() throws IOException {
    Random random = new Random(42);
    String alphabet = "abcXYZ019_.$";
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int j = 0; j < length; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String word = sb.toString();
      List<Token> tokens = split(word);
      assertEquals(word, tokens.get(0).term(), "the original comes first");
      int lastStart = -1;
      int lastPosition = 0;
      StringBuilder joined = new StringBuilder();
      for (Token t : tokens.subList(1, tokens.size())) {
        assertTrue(t.start() >= lastStart, "offsets never go backwards: " + word);
        assertTrue(t.position() >= lastPosition, "positions never go backwards: " + word);
        assertEquals(word.substring(t.start(), t.end()), t.term(), "a part's offsets point at its text: " + word);
        assertTrue(t.term().chars().noneMatch(c -> c == '_' || c == '.' || c == '$'), word);
        lastStart = t.start();
        lastPosition = t.position();
        joined.append(t.term());
      }
      if (tokens.size() > 1) {
        assertEquals(word.replaceAll("[_.$]", ""), joined.toString(), "parts cover every letter: " + word);
        assertEquals(tokens.get(0).position(), tokens.get(1).position(), "first part stacked on the original");
      }
    }
  }
}
