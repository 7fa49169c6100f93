package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerContext;
import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.mcp.DryRunPlanner;
import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.dryrun.BlockingPolicy;
import dev.migrationmcp.tools.dryrun.DryRun;
import dev.migrationmcp.tools.dryrun.DryRunRenderer;
import dev.migrationmcp.tools.dryrun.DryRunReport;
import dev.migrationmcp.tools.dryrun.Predictor;
import dev.migrationmcp.tools.lint.LintConfig;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dry-run}: the dry_run tool for people and CI; exit code 1 when a statement failed. */
@Command(name = "dry-run", mixinStandardHelpOptions = true,
    description = "Run a migration on a disposable shadow clone (or the live database, rolled back) and report "
        + "locks, rewrites, scans, errors, the schema diff and reversibility. Without a file or --sql: the pending "
        + "Flyway migrations. Exit 0 when it ran without error (and the down migration restored the schema), 1 "
        + "otherwise.")
final class DryRunCommand extends PrintingCommand {
  @Mixin ProjectOptions options;

  @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Migration file (relative to the project directory); same as --file.")
  String positionalFile;

  @Option(names = "--file", description = "Migration file (relative to the project directory).")
  String file;

  @Option(names = "--sql", description = "Migration SQL.")
  String sql;

  @Option(names = {"--down", "--down-file"}, description = "Down migration file; default: the matching Flyway U file.")
  String downFile;

  @Option(names = "--down-sql", description = "Down migration SQL.")
  String downSql;

  @Option(names = "--target", defaultValue = "shadow", description = "shadow (default) or live.")
  String target;

  @Option(names = "--baseline", defaultValue = "migrations",
      description = "What the shadow starts from: migrations (default, the project's migrations replayed) or live "
          + "(a schema-only copy of --database-url, built from its catalog).")
  String baseline;

  @Option(names = "--allow-blocking", description = "With --target live: run even a statement that would hold a "
      + "write-blocking lock on a large table while it scans or rewrites it (refused by default).")
  boolean allowBlocking;

  @Mixin TextOrJson output;

  @Override
  public Integer call() throws Exception {
    if (!target.equals("shadow") && !target.equals("live")) {
      throw new IllegalArgumentException("--target must be shadow or live, got '" + target + "'");
    }
    boolean live = target.equals("live");
    if (!baseline.equals("migrations") && !baseline.equals("live")) {
      throw new IllegalArgumentException("--baseline must be migrations or live, got '" + baseline + "'");
    }
    if (file == null) {
      file = positionalFile;
    }
    ServerSettings settings = options.resolve();
    if (live && settings.databaseUrl() == null) {
      throw new IllegalArgumentException("--target live needs --database-url (or DATABASE_URL / FLYWAY_URL)");
    }
    if (baseline.equals("live") && settings.databaseUrl() == null) {
      throw new IllegalArgumentException("--baseline live copies the schema of --database-url (or DATABASE_URL / "
          + "FLYWAY_URL), and none is given");
    }
    try (ServerContext context = ServerContext.start(settings)) {
      DatabaseUrl url = context.target().await(Duration.ofMinutes(3), phase -> { });
      DryRunPlanner.Plan plan = new DryRunPlanner(context, baseline.equals("live")).plan(sql, file, downSql, downFile, live, url,
          live ? 30_000 : 600_000, live ? 2_000 : 10_000, Predictor.NONE);
      if (plan.nothingToRun() != null) {
        stdout.println(plan.nothingToRun());
        return 0;
      }
      DryRun.Request request = plan.request().withBlocking(new BlockingPolicy(allowBlocking,
          LintConfig.load(settings.projectDir()).thresholds()));
      DryRunReport report = new DryRun(context.shadow().databases()).run(request);
      stdout.println(output.render(report, DryRunRenderer::render));
      boolean reversible = report.reversible() == null || report.reversible().ok();
      return report.ok() && reversible ? 0 : 1;
    }
  }
}
