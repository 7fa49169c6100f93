package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.db.DatabaseUrl;
import dev.migrationmcp.tools.db.Databases;
import dev.migrationmcp.tools.flyway.MigrationFile;
import dev.migrationmcp.tools.schema.TableNames;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argument completion ({@code completion/complete}) for the prompts' and resource templates'
 * variables: migration versions and paths (the project's files, listed afresh), table names (one
 * bounded catalog query on the target database) and decision record ids. Matching is by prefix,
 * case-insensitive; at most {@link #MAX_VALUES} values, with {@code hasMore} when there were more.
 */
public final class Completions {
  static final int MAX_VALUES = 100;
  private static final Logger LOG = LoggerFactory.getLogger(Completions.class);
  private static final int CATALOG_TIMEOUT_MS = 2_000;
  /** Completion is typed interactively: an embedded database still starting answers nothing rather than late. */
  private static final Duration DATABASE_WAIT = Duration.ofSeconds(2);

  private final ProjectMigrations migrations;
  private final DatabaseAccess database;
  private final DecisionResources decisions;

  public Completions(ProjectMigrations migrations, DatabaseAccess database, DecisionResources decisions) {
    this.migrations = migrations;
    this.database = database;
    this.decisions = decisions;
  }

  public List<SyncCompletionSpecification> all() {
    return List.of(
        prompt(ReviewMigrationPrompt.NAME, "migration", this::versionsAndPaths),
        resource(MigrationResources.PREFIX + "{version}", "version", prefix -> startingWith(versions(), prefix)),
        resource(SchemaResources.TABLE_PREFIX + "{name}", "name", this::tables),
        resource(DecisionResources.PREFIX + "{id}", "id", prefix -> startingWith(decisions.ids(), prefix)));
  }

  private static SyncCompletionSpecification prompt(String name, String argument, Function<String, List<String>> values) {
    return new SyncCompletionSpecification(new McpSchema.PromptReference(name),
        (exchange, request) -> answer(request, argument, values));
  }

  private static SyncCompletionSpecification resource(String uriTemplate, String variable,
      Function<String, List<String>> values) {
    return new SyncCompletionSpecification(new McpSchema.ResourceReference(uriTemplate),
        (exchange, request) -> answer(request, variable, values));
  }

  private static McpSchema.CompleteResult answer(McpSchema.CompleteRequest request, String argument,
      Function<String, List<String>> values) {
    if (request.argument() == null || !argument.equals(request.argument().name())) {
      return new McpSchema.CompleteResult(new CompleteCompletion(List.of(), 0, false));
    }
    String prefix = request.argument().value() == null ? "" : request.argument().value();
    List<String> all = values.apply(prefix);
    boolean more = all.size() > MAX_VALUES;
    List<String> shown = more ? all.subList(0, MAX_VALUES) : all;
    return new McpSchema.CompleteResult(new CompleteCompletion(List.copyOf(shown), more ? null : shown.size(), more));
  }

  /** Versions ({@code 3}) and paths ({@code db/migration/V3__x.sql}) of versioned files; a typed {@code V3} matches {@code 3}. */
  private List<String> versionsAndPaths(String prefix) {
    String versionPrefix = prefix.matches("[Vv]\\d.*|[Vv]") ? prefix.substring(1) : prefix;
    Set<String> out = new LinkedHashSet<>(startingWith(versions(), versionPrefix));
    out.addAll(startingWith(files().stream().map(f -> migrations.relative(f.path())).toList(), prefix));
    return new ArrayList<>(out);
  }

  private List<String> versions() {
    return files().stream().map(f -> f.version().getVersion()).distinct().toList();
  }

  private List<MigrationFile> files() {
    return migrations.list().stream().filter(f -> f.type() == MigrationFile.Type.VERSIONED).toList();
  }

  private List<String> tables(String prefix) {
    DatabaseUrl url;
    try {
      url = database.target().await(DATABASE_WAIT, phase -> { });
    } catch (IllegalStateException e) {
      return List.of();
    }
    try (Connection c = Databases.connect(url)) {
      return TableNames.startingWith(c, prefix, MAX_VALUES + 1, CATALOG_TIMEOUT_MS);
    } catch (Exception e) {
      LOG.debug("table completion failed: {}", e.getMessage());
      return List.of();
    }
  }

  private static List<String> startingWith(List<String> values, String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    return values.stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(p)).toList();
  }
}
