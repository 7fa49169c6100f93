package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.mcp.Json;
import dev.migrationmcp.server.mcp.LintRunner;
import dev.migrationmcp.server.mcp.ProjectFiles;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.lint.GccRenderer;
import dev.migrationmcp.tools.lint.LintConfig;
import dev.migrationmcp.tools.lint.LintSettings;
import dev.migrationmcp.tools.lint.LintTextRenderer;
import dev.migrationmcp.tools.lint.Linter;
import dev.migrationmcp.tools.lint.LiveSchema;
import dev.migrationmcp.tools.lint.LiveSchemaLoader;
import dev.migrationmcp.tools.lint.SarifRenderer;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.FunctionVolatility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lint}: the linter for people and CI. Exit 0 when clean, 1 when a finding is at or above
 * {@code --fail-on}, 2 for bad input. Static unless a database is configured (then its schema and
 * sizes are used; {@code --no-live} turns that off). Never starts an embedded database.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Lint migration SQL: a file, a directory (Flyway order) or - for stdin.")
final class LintCommand extends PrintingCommand {
  @Mixin ProjectOptions options;

  @Parameters(index = "0", paramLabel = "FILE|DIR|-", description = "What to lint.")
  String target;

  @Option(names = "--format", defaultValue = "text", description = "text, json, sarif or gcc.")
  String format;

  @Option(names = "--pg-version", description = "PostgreSQL major version the migration will run on.")
  Integer pgVersion;

  @Option(names = "--fail-on", defaultValue = "error", description = "error or warning: the exit code is 1 from here.")
  String failOn;

  @Option(names = "--no-live", description = "Do not read the configured database's schema and sizes.")
  boolean noLive;

  @Override
  public Integer call() {
    try {
      return lint();
    } catch (IllegalArgumentException | ProjectFiles.PathRefusedException | IOException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    } catch (RuntimeException | java.sql.SQLException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private int lint() throws IOException, java.sql.SQLException {
    if (!List.of("text", "json", "sarif", "gcc").contains(format)) {
      throw new IllegalArgumentException("--format must be text, json, sarif or gcc, got '" + format + "'");
    }
    Severity threshold = Severity.parse(failOn);
    ServerSettings settings = options.resolve();
    LintSettings lintSettings = LintConfig.load(settings.projectDir());
    LiveSchema live = null;
    FunctionVolatility volatility = FunctionVolatility.builtIn();
    if (settings.databaseUrl() != null && !noLive) {
      try (Connection c = Databases.connect(settings.databaseUrl())) {
        LiveSchemaLoader.Loaded loaded = LiveSchemaLoader.load(c, () -> Databases.connect(settings.databaseUrl()),
            "live database " + settings.databaseUrl().describe());
        live = loaded.schema();
        volatility = loaded.volatility();
        lintSettings = lintSettings.withPgVersion(loaded.serverMajorVersion());
      }
    }
    if (pgVersion != null) {
      lintSettings = lintSettings.withPgVersion(pgVersion);
    }
    List<LintRunner.Input> inputs;
    if (target.equals("-")) {
      inputs = List.of(LintRunner.inline(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
    } else {
      Path cwd = Path.of("").toAbsolutePath();
      Path asGiven = cwd.resolve(target).normalize();
      if (!java.nio.file.Files.exists(asGiven)) {
        throw new IllegalArgumentException("no such file or directory: " + target);
      }
      // The CLI reads what the user names; paths are shown relative to where it runs.
      inputs = LintRunner.fromPath(new ProjectFiles(asGiven.getRoot() == null ? cwd : asGiven.getRoot()),
          asGiven.toString());
      inputs = inputs.stream().map(i -> new LintRunner.Input(relative(cwd, i.file()), i.text(), i.flywayTransaction()))
          .toList();
      inputs = LintRunner.withFlyway(inputs, f -> cwd.resolve(f).normalize(),
          dev.migrationmcp.server.mcp.DryRunPlanner.folders(settings.migrationLocations()), java.util.Map.of());
    }
    LintRunner.Result result = LintRunner.lint(inputs, lintSettings, live, volatility);
    String out = switch (format) {
      case "json" -> Json.toPrettyJson(result.report());
      case "sarif" -> SarifRenderer.render(result.report(), Linter.standard().rules(), Main.version());
      case "gcc" -> GccRenderer.render(result.report());
      default -> LintTextRenderer.render(result.report(), result.sources(), Integer.MAX_VALUE);
    };
    stdout.print(out);
    stdout.flush();
    return result.report().hasAtLeast(threshold) ? 1 : 0;
  }

  private static String relative(Path cwd, String file) {
    if (file == null) {
      return null;
    }
    Path p = Path.of("/").resolve(file);
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }
}
