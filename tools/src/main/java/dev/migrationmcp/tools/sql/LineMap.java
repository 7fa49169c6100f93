package dev.migrationmcp.tools.sql;

import java.util.Arrays;

/**
 * Maps offsets in a script to lines and columns. Built in one pass; each look-up is a binary
 * search, so mapping every statement of a huge single-line script stays fast.
 */
final class LineMap {
  private final String source;
  private final int[] lineStarts;
  private final int lineCount;
  /** Offsets of the low half of each surrogate pair (they do not count as a column). */
  private final int[] pairTails;
  private final int pairCount;

  LineMap(String source) {
    this.source = source;
    int[] starts = new int[16];
    int lines = 0;
    starts[lines++] = source.startsWith("\uFEFF") ? 1 : 0;
    int[] tails = new int[0];
    int tailCount = 0;
    int n = source.length();
    for (int i = 0; i < n; i++) {
      char c = source.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || source.charAt(i + 1) != '\n'))) {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(source.charAt(i - 1))) {
        if (tailCount == tails.length) {
          tails = Arrays.copyOf(tails, Math.max(16, tailCount * 2));
        }
        tails[tailCount++] = i;
      }
    }
    this.lineStarts = starts;
    this.lineCount = lines;
    this.pairTails = tails;
    this.pairCount = tailCount;
  }

  SourcePosition position(int offset) {
    int clamped = Math.max(0, Math.min(offset, source.length()));
    int idx = Arrays.binarySearch(lineStarts, 0, lineCount, clamped);
    int line = idx >= 0 ? idx : Math.max(0, -idx - 2);
    int lineStart = lineStarts[line];
    int column = 1 + Math.max(0, clamped - lineStart) - tailsBetween(lineStart, clamped);
    return new SourcePosition(clamped, line + 1, column);
  }

  /** Number of surrogate-pair tails in [from, to). */
  private int tailsBetween(int from, int to) {
    if (pairCount == 0 || to <= from) {
      return 0;
    }
    return lowerBound(to) - lowerBound(from);
  }

  private int lowerBound(int key) {
    int idx = Arrays.binarySearch(pairTails, 0, pairCount, key);
    return idx >= 0 ? idx : -idx - 1;
  }
}
