package dev.migrationmcp.server.cli;

import dev.migrationmcp.memory.history.AppliedHistory;
import dev.migrationmcp.memory.history.FlywayHistory;
import dev.migrationmcp.memory.index.MigrationIndex;
import dev.migrationmcp.memory.search.SearchRequest;
import dev.migrationmcp.memory.search.SearchResult;
import dev.migrationmcp.server.config.ServerSettings;
import dev.migrationmcp.server.mcp.MemoryAccess;
import dev.migrationmcp.server.mcp.SearchPastMigrationsTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search}: what search_past_migrations answers, for people (text) or scripts (json). */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search past migrations, their commits and the decision records (refreshes the memory index first).")
final class SearchCommand extends PrintingCommand {
  @Mixin ProjectOptions options;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Words, identifiers or Lucene syntax.")
  String query = "";

  @Option(names = "--table", description = "Only documents touching this table.")
  String table;

  @Option(names = "--column", description = "Only migrations touching this column (column or table.column).")
  String column;

  @Option(names = "--operation", description = "Only migrations with this operation (e.g. drop_column, create_index).")
  String operation;

  @Option(names = "--since", description = "Only documents applied/committed/dated on or after (2024-03-01, 2024-03, 2024).")
  String since;

  @Option(names = "--until", description = "Only documents applied/committed/dated on or before.")
  String until;

  @Option(names = "--limit", description = "How many hits (1-50, default 10).")
  Integer limit;

  @Mixin TextOrJson output;

  @Override
  public Integer call() throws Exception {
    ServerSettings settings = options.resolve();
    AppliedHistory history = settings.databaseUrl() == null ? null : FlywayHistory.from(settings.databaseUrl());
    SearchRequest request = new SearchRequest(query, table, column, operation, since, until, limit);
    try (MigrationIndex index = MigrationIndex.open(MemoryAccess.memorySettings(settings, history))) {
      SearchResult result = index.search(request);
      stdout.println(output.render(SearchPastMigrationsTool.structured(result),
          structured -> SearchPastMigrationsTool.text(request, result)));
    }
    return 0;
  }
}
