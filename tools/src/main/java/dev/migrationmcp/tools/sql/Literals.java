package dev.migrationmcp.tools.sql;

/** Decodes the quoted forms {@link SqlLexer} recognises into the values PostgreSQL sees. */
final class Literals {
  private Literals() {}

  static String quotedIdentifier(String text) {
    boolean unicode = text.length() > 1 && (text.charAt(0) == 'u' || text.charAt(0) == 'U');
    String body = inner(text, unicode ? 3 : 1, '"').replace("\"\"", "\"");
    return unicode ? unicodeEscapes(body) : body;
  }

  static String string(String text) {
    char first = text.isEmpty() ? '\'' : text.charAt(0);
    switch (first) {
      case 'e': case 'E':
        return escapes(inner(text, 2, '\''));
      case 'u': case 'U':
        return unicodeEscapes(inner(text, 3, '\'').replace("''", "'"));
      case 'b': case 'B': case 'x': case 'X': case 'n': case 'N':
        return inner(text, 2, '\'').replace("''", "'");
      default:
        return inner(text, 1, '\'').replace("''", "'");
    }
  }

  static String dollarBody(String text) {
    int open = text.indexOf('$', 1);
    if (open < 0) {
      return "";
    }
    String delimiter = text.substring(0, open + 1);
    int bodyEnd = text.length() >= 2 * delimiter.length() && text.endsWith(delimiter)
        ? text.length() - delimiter.length() : text.length();
    return text.substring(Math.min(open + 1, bodyEnd), bodyEnd);
  }

  /** The text between an opening prefix and the closing quote, tolerating a missing close. */
  private static String inner(String text, int from, char quote) {
    int to = text.length() > from && text.charAt(text.length() - 1) == quote ? text.length() - 1 : text.length();
    return from <= to ? text.substring(from, to) : "";
  }

  private static String escapes(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        out.append('\'');
        i++;
      } else if (c == '\\' && i + 1 < body.length()) {
        char e = body.charAt(++i);
        switch (e) {
          case 'b': out.append('\b'); break;
          case 'f': out.append('\f'); break;
          case 'n': out.append('\n'); break;
          case 'r': out.append('\r'); break;
          case 't': out.append('\t'); break;
          case 'x': {
            int j = i + 1;
            while (j < body.length() && j < i + 3 && Character.digit(body.charAt(j), 16) >= 0) {
              j++;
            }
            if (j > i + 1) {
              out.append((char) Integer.parseInt(body.substring(i + 1, j), 16));
              i = j - 1;
            } else {
              out.append('x');
            }
            break;
          }
          case 'u': case 'U': {
            int digits = e == 'u' ? 4 : 8;
            if (i + digits < body.length() && isHex(body, i + 1, digits)) {
              appendCodePoint(out, Integer.parseInt(body.substring(i + 1, i + 1 + digits), 16));
              i += digits;
            } else {
              out.append(e);
            }
            break;
          }
          default:
            if (e >= '0' && e <= '7') {
              int j = i;
              while (j < body.length() && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') {
                j++;
              }
              out.append((char) Integer.parseInt(body.substring(i, j), 8));
              i = j - 1;
            } else {
              out.append(e);
            }
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Decodes {@code \XXXX} and {@code \+XXXXXX} (the default UESCAPE character). */
  private static String unicodeEscapes(String body) {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '\\') {
        out.append('\\');
        i++;
      } else if (c == '\\' && i + 4 < body.length() && isHex(body, i + 1, 4)) {
        appendCodePoint(out, Integer.parseInt(body.substring(i + 1, i + 5), 16));
        i += 4;
      } else if (c == '\\' && i + 7 < body.length() && body.charAt(i + 1) == '+' && isHex(body, i + 2, 6)) {
        appendCodePoint(out, Integer.parseInt(body.substring(i + 2, i + 8), 16));
        i += 7;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static void appendCodePoint(StringBuilder out, int cp) {
    if (Character.isValidCodePoint(cp)) {
      out.appendCodePoint(cp);
    } else {
      out.append('\uFFFD');
    }
  }
}
