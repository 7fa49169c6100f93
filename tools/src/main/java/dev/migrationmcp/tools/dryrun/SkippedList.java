package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.schema.copy.SkippedObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a live baseline could not copy, as the template database's comment (one object a line,
 * tab-separated), so a reused template reports the same list as the build that made it.
 */
final class SkippedList {
  private SkippedList() {}

  static String format(List<SkippedObject> skipped) {
    StringBuilder sb = new StringBuilder();
    for (SkippedObject s : skipped) {
      sb.append(clean(s.kind())).append('\t').append(clean(s.name())).append('\t').append(clean(s.reason())).append('\n');
    }
    return sb.toString();
  }

  static List<SkippedObject> parse(String comment) {
    List<SkippedObject> out = new ArrayList<>();
    if (comment == null) {
      return out;
    }
    for (String line : comment.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length == 3) {
        out.add(new SkippedObject(parts[0], parts[1], parts[2]));
      }
    }
    return out;
  }

  private static String clean(String text) {
    return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ');
  }
}
