package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.config.TargetDatabase;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.SchemaTextRenderer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code demo}: starts an embedded PostgreSQL, replays the bundled sample shop project's
 * migrations and prints what inspect_schema sees. Needs nothing but a JDK.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start an embedded PostgreSQL, replay the bundled sample shop migrations, print the schema.")
final class DemoCommand extends PrintingCommand {
  static final String SAMPLE_LOCATION = "classpath:dev/migrationmcp/sample/db/migration";

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    ServerSettings settings = new ServerSettings(Path.of(".").toAbsolutePath(), null, List.of(SAMPLE_LOCATION),
        "embedded PostgreSQL (demo)");
    System.err.println("Starting an embedded PostgreSQL 17 and replaying the sample shop migrations…");
    try (TargetDatabase target = TargetDatabase.start(settings);
        Connection c = Databases.connect(target.await(Duration.ofMinutes(3), phase -> { }))) {
      SchemaSnapshot snapshot = new SchemaIntrospector(c).snapshot();
      stdout.println(SchemaTextRenderer.render(snapshot, true));
      System.err.printf("Done in %d ms. Register the server in Claude Code with:%n"
          + "  claude mcp add migrations -- %s serve --project /path/to/your/app%n",
          (System.nanoTime() - t0) / 1_000_000, "<this repo>/bin/migration-mcp");
    }
    return 0;
  }
}
