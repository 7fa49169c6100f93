package dev.migrationmcp.memory.decisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a new decision record {@code NNNN-slug.md} into the decisions folder. The number (one
 * more than the highest there) and the slug (from the title) are derived here, never taken from
 * a caller, so the file always lands in that folder; an existing file is never overwritten.
 * Inputs are validated with messages that name the bad value.
 */
public final class DecisionWriter {
  public static final Set<String> STATUSES = Set.of("proposed", "accepted", "rejected", "deprecated", "superseded");
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 20_000;
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
  private static final Pattern MIGRATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final int MAX_SLUG = 60;

  private final Path decisionsDir;
  private final Path projectDir;
  private final Clock clock;

  public DecisionWriter(Path decisionsDir, Path projectDir, Clock clock) {
    this.decisionsDir = decisionsDir;
    this.projectDir = projectDir;
    this.clock = clock;
  }

  /**
   * Validates and writes.
   *
   * @throws IllegalArgumentException for invalid input, saying which field and why
   * @throws UncheckedIOException when the folder cannot be written
   */
  public synchronized RecordedDecision write(NewDecision d) {
    String title = requireText("title", d.title(), MAX_TITLE);
    if (title.contains("\n") || title.contains("\r")) {
      throw new IllegalArgumentException("title must be one line");
    }
    String decision = requireText("decision", d.decision(), MAX_TEXT);
    String context = d.context() == null || d.context().isBlank() ? null : d.context().strip();
    if (context != null && context.length() > MAX_TEXT) {
      throw new IllegalArgumentException("context is longer than " + MAX_TEXT + " characters");
    }
    String status = d.status() == null || d.status().isBlank() ? "accepted" : d.status().strip().toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList())
          + ", got '" + d.status() + "'");
    }
    for (String t : d.tables()) {
      if (t == null || !TABLE.matcher(t.strip()).matches()) {
        throw new IllegalArgumentException("table '" + t + "' is not a table name (use name or schema.name)");
      }
    }
    for (String m : d.migrations()) {
      if (m == null || !MIGRATION.matcher(m.strip()).matches()) {
        throw new IllegalArgumentException("migration '" + m + "' is not a migration version or file name (e.g. V12 or 12)");
      }
    }
    String slug = slug(title);
    String date = LocalDate.now(clock).toString();
    List<String> tables = d.tables().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    List<String> migrations = d.migrations().stream().map(String::strip).toList();
    String markdown = render(title, date, status, tables, migrations, context, decision);
    try {
      Files.createDirectories(decisionsDir);
      for (int attempt = 0; attempt < 20; attempt++) {
        int number = nextNumber() + attempt;
        String id = String.format(Locale.ROOT, "%04d", number);
        Path file = decisionsDir.resolve(id + "-" + slug + ".md");
        try {
          Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          return new RecordedDecision(id, display(file), title, status, date);
        } catch (FileAlreadyExistsException e) {
          // Someone else took this number meanwhile: try the next one.
        }
      }
      throw new IllegalStateException("could not find a free decision number in " + decisionsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the decision record into " + decisionsDir + ": " + e.getMessage(), e);
    }
  }

  private int nextNumber() throws IOException {
    int max = 0;
    if (Files.isDirectory(decisionsDir)) {
      try (Stream<Path> files = Files.list(decisionsDir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Matcher m = DecisionRecords.NUMBERED.matcher(f.getFileName().toString());
          if (m.matches()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
          }
        }
      }
    }
    return max + 1;
  }

  /** Lower-case ASCII words joined by hyphens, at most 60 characters; "decision" when nothing is left. */
  static String slug(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_SLUG) {
      String cut = slug.substring(0, MAX_SLUG);
      int lastHyphen = cut.lastIndexOf('-');
      slug = lastHyphen > MAX_SLUG / 2 ? cut.substring(0, lastHyphen) : cut;
    }
    return slug.isEmpty() ? "decision" : slug;
  }

  static String render(String title, String date, String status, List<String> tables, List<String> migrations,
      String context, String decision) {
    StringBuilder sb = new StringBuilder("---\n");
    sb.append("title: ").append(quote(title)).append('\n');
    sb.append("date: ").append(date).append('\n');
    sb.append("status: ").append(status).append('\n');
    if (!tables.isEmpty()) {
      sb.append("tables: [").append(String.join(", ", tables)).append("]\n");
    }
    if (!migrations.isEmpty()) {
      sb.append("migrations: [").append(String.join(", ", migrations)).append("]\n");
    }
    sb.append("---\n\n# ").append(title).append("\n\n");
    if (context != null) {
      sb.append("## Context\n\n").append(context).append("\n\n");
    }
    sb.append("## Decision\n\n").append(decision).append('\n');
    return sb.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String requireText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be blank");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new IllegalArgumentException(field + " is longer than " + max + " characters");
    }
    return v;
  }

  private String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path project = projectDir.toAbsolutePath().normalize();
    return abs.startsWith(project) ? project.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }
}
