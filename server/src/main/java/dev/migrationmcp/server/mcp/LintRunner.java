package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.flyway.MigrationFiles;
import dev.migrationmcp.tools.lint.Finding;
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
  /** A script to lint. {@code file} is relative to the project, or null for inline SQL. */
  public record Input(String file, String text, boolean flywayTransaction) {}

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
      LintReport r = Linter.standard().lint(ScriptReader.read(input.text()), forFile, live, volatility, input.file());
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
      List<MigrationFile> migrations = MigrationFiles.list(List.of(real));
      if (migrations.isEmpty()) {
        try (Stream<Path> sql = Files.list(real)) {
          sql.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(p -> out.add(read(files, p)));
        } catch (IOException e) {
          throw new ProjectFiles.PathRefusedException("cannot list " + path + ": " + e.getMessage());
        }
      } else {
        migrations.stream().filter(m -> m.type() != MigrationFile.Type.UNDO).forEach(m -> out.add(read(files, m.path())));
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
