package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.config.TargetDatabase;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.schema.IntrospectionRequest;
import dev.migrationmcp.tools.schema.SchemaIntrospector;
import dev.migrationmcp.tools.schema.SchemaSnapshot;
import dev.migrationmcp.tools.schema.SchemaTextRenderer;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inspect}: what inspect_schema sees, for people (text) or scripts (json). */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Print the schema: tables, columns, constraints, indexes, foreign keys, enums, views, sizes.")
final class InspectCommand extends PrintingCommand {
  @Mixin ProjectOptions options;

  @Option(names = "--schema", description = "Only this schema.")
  String schema;

  @Option(names = "--tables", split = ",", description = "Tables (names, schema.name or patterns with *) in full detail.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--detail", description = "summary or full (default: full with --tables, else summary).")
  String detail;

  @Mixin TextOrJson output;

  @Override
  public Integer call() throws Exception {
    boolean full = detail == null ? !tables.isEmpty() : detail.equals("full");
    if (detail != null && !detail.equals("full") && !detail.equals("summary")) {
      throw new IllegalArgumentException("--detail must be summary or full, got '" + detail + "'");
    }
    ServerSettings settings = options.resolve();
    try (TargetDatabase target = TargetDatabase.start(settings);
        Connection c = Databases.connect(target.await(Duration.ofMinutes(3), phase -> { }))) {
      SchemaSnapshot snapshot = new SchemaIntrospector(c).read(new IntrospectionRequest(schema, tables, full));
      stdout.println(output.render(snapshot, s -> SchemaTextRenderer.render(s, full)));
    }
    return 0;
  }
}
