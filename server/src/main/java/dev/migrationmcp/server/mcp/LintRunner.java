package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import dev.migrationmcp.tools.lint.Finding;
import dev.migrationmcp.tools.lint.FlywayContext;
import dev.migrationmcp.tools.lint.LintReport;
import dev.migrationmcp.tools.lint.LintSettings;
import dev.migrationmcp.tools.lint.Linter;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import dev.migrationmcp.tools.sql.read.ScriptReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lints one or more scripts the way the CLI and the MCP tool both need: files in Flyway order,
 * each with its own transaction setting ({@code -- flyway:executeInTransaction=false} or a
 * {@code <file>.conf}), findings merged into one report.
 */
public final class LintRunner {
  /**
   * A script to lint. {@code file} is relative to the project, or null for inline SQL;
   * {@code flyway} is what the Flyway rules need to know about the file, or null.
   */
  public record Input(String file, String text, boolean flywayTransaction, FlywayContext flyway) {
    public Input(String file, String text, boolean flywayTransaction) {
      this(file, text, flywayTransaction, null);
    }

    public Input withFlyway(FlywayContext context) {
      return new Input(file, text, flywayTransaction, context);
    }
  }

  /** The merged report and the texts, for caret lines. */
  public record Result(LintReport report, Map<String, String> sources) {}

  private LintRunner() {}

  public static Result lint(List<Input> inputs, LintSettings settings, LiveSchema live, FunctionVolatility volatility) {
    List<Finding> findings = new ArrayList<>();
    List<LintReport.Unparsed> unparsed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    int statements = 0;
    for (Input input : inputs) {
      LintSettings forFile = settings.withFlywayTransaction(input.flywayTransaction());
      LintReport r = Linter.standard().lint(ScriptReader.read(input.text()), forFile, live, volatility, input.file(),
          input.flyway());
      findings.addAll(r.findings());
      unparsed.addAll(r.unparsed());
      notes.addAll(r.notes());
      statements += r.statements();
      sources.put(input.file() == null ? "<sql>" : input.file(), input.text());
    }
    return new Result(new LintReport(findings, statements, unparsed, notes, settings.pgVersion(),
        live == null ? null : live.source()), sources);
  }

  /** Inline SQL: Flyway's transaction unless its header says otherwise. */
  public static Input inline(String sql) {
    return new Input(null, sql, !headerDisablesTransaction(sql));
  }

  /** A file, or every migration file in a directory in Flyway order. */
  public static List<Input> fromPath(ProjectFiles files, String path) {
    Path real = files.resolve(path);
    List<Input> out = new ArrayList<>();
    if (Files.isDirectory(real)) {
      // Flyway-named files in Flyway's order, then any other .sql file (whose name the
      // flyway-file-name rule then questions) — nothing in the folder is skipped silently.
      List<MigrationFile> migrations = MigrationFiles.list(List.of(real));
      migrations.stream().filter(m -> m.type() != MigrationFile.Type.UNDO).forEach(m -> out.add(read(files, m.path())));
      java.util.Set<Path> seen = new java.util.HashSet<>();
      migrations.forEach(m -> seen.add(m.path().toAbsolutePath().normalize()));
      try (Stream<Path> sql = Files.walk(real)) {
        sql.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p))
            .filter(p -> !seen.contains(p.toAbsolutePath().normalize())).sorted().forEach(p -> out.add(read(files, p)));
      } catch (IOException e) {
        throw new ProjectFiles.PathRefusedException("cannot list " + path + ": " + e.getMessage());
      }
      if (out.isEmpty()) {
        throw new ProjectFiles.PathRefusedException("no .sql files in " + path);
      }
      return out;
    }
    out.add(read(files, real));
    return out;
  }

  /** Files Flyway found for the project (already inside its locations). */
  public static Input read(ProjectFiles files, Path file) {
    String relative = files.relative(file);
    String text = files.read(relative);
    return new Input(relative, text, !headerDisablesTransaction(text) && !confDisablesTransaction(file));
  }

  /**
   * Adds to file inputs the Flyway context: sibling file names from the project's migration
   * folders, the file's {@code .conf} settings, and the checksums applied on the database.
   */
  public static List<Input> withFlyway(List<Input> inputs, ProjectFiles files, List<Path> folders,
      Map<String, Integer> appliedChecksums) {
    return withFlyway(inputs, files::resolve, folders, appliedChecksums);
  }

  /** As above, with {@code resolve} turning an input's file name into its real path. */
  public static List<Input> withFlyway(List<Input> inputs, java.util.function.Function<String, Path> resolve,
      List<Path> folders, Map<String, Integer> appliedChecksums) {
    List<String> siblings = new ArrayList<>();
    MigrationFiles.list(folders).forEach(m -> siblings.add(m.path().getFileName().toString()));
    List<Input> out = new ArrayList<>();
    for (Input input : inputs) {
      if (input.file() == null) {
        out.add(input);
        continue;
      }
      Path real = resolve.apply(input.file());
      List<String> names = new ArrayList<>(siblings);
      try (Stream<Path> same = Files.list(real.getParent())) {
        same.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql") && !names.contains(n))
            .forEach(names::add);
      } catch (IOException e) {
        // Siblings are a nicety for duplicate-version checks.
      }
      out.add(input.withFlyway(new FlywayContext(real.getFileName().toString(), names, appliedChecksums,
          scriptConfig(real))));
    }
    return out;
  }

  /** {@code key=value} lines of {@code <file>.conf}, Flyway's script configuration. */
  static Map<String, String> scriptConfig(Path file) {
    Path conf = file.resolveSibling(file.getFileName() + ".conf");
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(conf)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(conf)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.strip().startsWith("#")) {
          out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  static boolean headerDisablesTransaction(String sql) {
    for (String line : sql.lines().limit(20).toList()) {
      String l = line.strip().toLowerCase(Locale.ROOT).replace(" ", "");
      if (l.startsWith("--flyway:executeintransaction=false")) {
        return true;
      }
      if (!l.isEmpty() && !l.startsWith("--")) {
        break;
      }
    }
    return false;
  }

  private static boolean confDisablesTransaction(Path file) {
    Path conf = file.resolveSibling(file.getFileName() + ".conf");
    try {
      return Files.isRegularFile(conf) && Files.readString(conf).toLowerCase(Locale.ROOT).replace(" ", "")
          .contains("executeintransaction=false");
    } catch (IOException e) {
      return false;
    }
  }
}
