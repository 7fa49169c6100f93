package dev.migrationmcp.tools.sql.bench;

import dev.migrationmcp.tools.sql.read.JSqlParserAdapter;
import dev.migrationmcp.tools.sql.read.ReadScript;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.Unparsed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures how much of a corpus of real migrations the reader models: reads every {@code *.sql}
 * under a directory, splits and reads each statement, and prints the number of statements, the
 * share fully modelled, classified by kind and unparsed (with the 20 most frequent reasons), the
 * kinds seen, and statements per second. Not a test: run it by hand on corpora kept outside the
 * repository.
 *
 * <pre>
 * java -cp tools/target/classes:tools/target/test-classes:$(cat cp.txt) \
 *     dev.migrationmcp.tools.sql.bench.CoverageBench /tmp/corpus/lemmy [--show 10] [--kinds] [--jsqlparser]
 * </pre>
 */
public final class CoverageBench {
  private CoverageBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: CoverageBench <dir> [--show N] [--kinds]");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    int show = 0;
    boolean kinds = false;
    boolean jsqlparser = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--show") && i + 1 < args.length) {
        show = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--kinds")) {
        kinds = true;
      } else if (args[i].equals("--jsqlparser")) {
        jsqlparser = true;
      }
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted()
          .collect(Collectors.toList());
    }
    List<String> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(readText(f));
    }
    Report report = measure(files, sources);
    if (jsqlparser) {
      compareWithJSqlParser(sources, report);
    }
    report.print(System.out, dir.toString(), show, kinds);
  }

  private static String readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  static Report measure(List<Path> files, List<String> sources) {
    Report report = new Report();
    report.files = files.size();
    // Warm up, then time the best of three passes over the corpus.
    long best = Long.MAX_VALUE;
    for (int pass = 0; pass < 4; pass++) {
      long start = System.nanoTime();
      int statements = 0;
      for (String s : sources) {
        statements += ScriptReader.read(s).statements().size();
      }
      long elapsed = System.nanoTime() - start;
      if (pass > 0) {
        best = Math.min(best, elapsed);
      }
      report.statements = statements;
    }
    report.nanos = best;
    for (int i = 0; i < files.size(); i++) {
      ReadScript script = ScriptReader.read(sources.get(i));
      report.notes += script.notes().size();
      for (ReadStatement st : script.statements()) {
        Statement s = st.statement();
        report.kinds.merge(s.kind() + " [" + s.coverage() + "]", 1, Integer::sum);
        switch (s.coverage()) {
          case MODELLED:
            report.modelled++;
            break;
          case CLASSIFIED:
            report.classified++;
            break;
          default:
            report.unparsed++;
            Unparsed u = (Unparsed) s;
            String reason = u.kind() + ": " + u.reason().replaceAll(" at line \\d+, column \\d+$", "");
            report.reasons.merge(reason, 1, Integer::sum);
            report.examples.add(files.get(i) + ":" + st.line() + ": " + u.reason() + "\n    "
                + abbreviate(st.source().text()));
        }
      }
    }
    return report;
  }

  /** How many statements JSqlParser 5.4 alone parses (through the shared executor), and how fast. */
  static void compareWithJSqlParser(List<String> sources, Report report) {
    long start = System.nanoTime();
    int parsed = 0;
    int total = 0;
    for (String s : sources) {
      for (ReadStatement st : ScriptReader.read(s).statements()) {
        total++;
        if (JSqlParserAdapter.parse(st.source().text()).isPresent()) {
          parsed++;
        }
      }
    }
    report.jsqlParsed = parsed;
    report.jsqlTotal = total;
    report.jsqlNanos = System.nanoTime() - start;
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  static final class Report {
    int files;
    int statements;
    int modelled;
    int classified;
    int unparsed;
    int notes;
    long nanos;
    int jsqlParsed = -1;
    int jsqlTotal;
    long jsqlNanos;
    final Map<String, Integer> reasons = new LinkedHashMap<>();
    final Map<String, Integer> kinds = new TreeMap<>();
    final List<String> examples = new ArrayList<>();

    void print(PrintStream out, String name, int show, boolean printKinds) {
      int total = Math.max(1, modelled + classified + unparsed);
      out.printf("corpus %s: %d files, %d statements, %d notes%n", name, files, statements, notes);
      out.printf("  fully modelled     %6d  %6.2f%%%n", modelled, 100.0 * modelled / total);
      out.printf("  classified by kind %6d  %6.2f%%%n", classified, 100.0 * classified / total);
      out.printf("  unparsed           %6d  %6.2f%%%n", unparsed, 100.0 * unparsed / total);
      out.printf("  modelled+classified       %6.2f%%%n", 100.0 * (modelled + classified) / total);
      out.printf("  speed: %.0f statements/s (best of 3 warm passes, split + read)%n",
          statements / (nanos / 1e9));
      if (jsqlParsed >= 0) {
        out.printf("  JSqlParser 5.4 alone parses %d of %d (%.2f%%), %.0f statements/s (one shared executor)%n",
            jsqlParsed, jsqlTotal, 100.0 * jsqlParsed / Math.max(1, jsqlTotal), jsqlTotal / (jsqlNanos / 1e9));
      }
      if (!reasons.isEmpty()) {
        out.println("  top unparsed reasons:");
        reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(20)
            .forEach(e -> out.printf("    %5d  %s%n", e.getValue(), e.getKey()));
      }
      if (printKinds) {
        out.println("  kinds:");
        kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
            .forEach(e -> out.printf("    %5d  %s%n", e.getValue(), e.getKey()));
      }
      examples.stream().limit(show).forEach(e -> out.println("  " + e));
    }
  }
}
