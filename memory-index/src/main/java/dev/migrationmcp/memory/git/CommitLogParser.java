package dev.migrationmcp.memory.git;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of {@code git log}/{@code git diff-tree} with {@link #FORMAT} and
 * {@code --name-status -M}, fed newest commit first, into the commits of each file. A file renamed
 * later keeps the commits made under its older names, as {@code git log --follow} shows them.
 * Not thread-safe: one parser per read.
 */
final class CommitLogParser {
  static final char RECORD = '\u001e';
  static final char FIELD = '\u001f';
  /** The {@code --format} both commands are given. */
  static final String FORMAT = "--format=" + RECORD + "%H" + FIELD + "%an" + FIELD + "%aI" + FIELD + "%B" + FIELD;

  private final Map<String, List<GitCommit>> byPath = new LinkedHashMap<>();
  /** An older name of a file → the name it has now (the key in {@link #byPath}). */
  private final Map<String, String> renamedTo = new HashMap<>();

  /** Adds the next chunk of output; chunks must come in order, newest commits first. */
  CommitLogParser feed(String out) {
    int i = out.indexOf(RECORD);
    while (i >= 0) {
      int next = out.indexOf(RECORD, i + 1);
      String record = next < 0 ? out.substring(i + 1) : out.substring(i + 1, next);
      i = next;
      String[] fields = record.split(String.valueOf(FIELD), -1);
      if (fields.length < 5) {
        continue;
      }
      OffsetDateTime date;
      try {
        date = OffsetDateTime.parse(fields[2].strip());
      } catch (DateTimeParseException e) {
        continue;
      }
      GitCommit commit = new GitCommit(fields[0].strip(), fields[1].strip(), date, fields[3].strip());
      for (String line : fields[4].split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t");
        char status = cols[0].charAt(0);
        if ((status == 'R' || status == 'C') && cols.length >= 3) {
          String key = currentName(cols[2]);
          byPath.computeIfAbsent(key, k -> new ArrayList<>()).add(commit);
          if (status == 'R') {
            renamedTo.put(cols[1], key);
          }
        } else if (cols.length >= 2) {
          byPath.computeIfAbsent(currentName(cols[1]), k -> new ArrayList<>()).add(commit);
        }
      }
    }
    return this;
  }

  /** The name a file known under {@code path} in the commits read so far has now. */
  String currentName(String path) {
    return renamedTo.getOrDefault(path, path);
  }

  /** Commits per repository path, newest first. */
  Map<String, List<GitCommit>> commits() {
    return byPath;
  }
}
