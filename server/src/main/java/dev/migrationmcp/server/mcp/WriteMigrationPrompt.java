package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Locale;

/**
 * {@code write_migration <description>}: inspect the tables involved, write the next Flyway file
 * (its version and name computed here from the project's files), lint and dry-run it, record the
 * decision.
 */
public final class WriteMigrationPrompt implements McpPrompt {
  static final String NAME = "write_migration";

  private final ProjectMigrations migrations;

  public WriteMigrationPrompt(ProjectMigrations migrations) {
    this.migrations = migrations;
  }

  @Override
  public SyncPromptSpecification specification() {
    McpSchema.Prompt prompt = McpSchema.Prompt.builder(NAME)
        .title("Write a migration")
        .description("Write the next Flyway migration for a change, checked against the real schema: inspect, "
            + "write, lint, dry-run, record the decision.")
        .arguments(List.of(new McpSchema.PromptArgument("description", "Description",
            "What the migration must do, e.g. 'add a nullable shipped_at timestamptz to orders'.", true)))
        .build();
    return new SyncPromptSpecification(prompt, this::get);
  }

  /** {@code add shipped_at to orders!} → {@code add_shipped_at_to_orders}. */
  static String slug(String description) {
    String s = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("_[^_]*$", "");
    }
    return s.isEmpty() ? "change" : s;
  }

  private McpSchema.GetPromptResult get(McpSyncServerExchange exchange, McpSchema.GetPromptRequest request) {
    String description = McpPrompt.requiredArgument(request, "description");
    String version = migrations.nextVersion();
    String file = migrations.newFileFolder() + "/V" + version + "__" + slug(description) + ".sql";
    String text = """
        Write a PostgreSQL migration that does this: %s

        Use the migration-mcp tools in this order:

        1. `search_past_migrations` with a `query` describing the change: reuse the project's conventions \
        (naming, types, how similar changes were made) and respect recorded decisions.
        2. `inspect_schema` with `tables` set to every table involved. Use the exact names, types, constraints \
        and indexes it reports; never guess them. Note the row estimates and sizes.
        3. Write the migration to `%s` (the next free Flyway version is %s; adjust only the description part of \
        the name if it reads better). Start it with a comment saying why, set `lock_timeout` (e.g. \
        `SET lock_timeout = '5s';`), and prefer the safe forms: CREATE INDEX CONCURRENTLY (in a \
        non-transactional file), constraints NOT VALID then VALIDATE, no table rewrites on large tables. If the \
        change cannot be done safely in one step, say so and use the plan_expand_contract approach instead.
        4. `lint_migration` with `path: "%s"`. Fix every error and warning and lint again; if one must stay, \
        add `-- migration-mcp:ignore <rule-id> <reason>` above the statement.
        5. `dry_run` with `path: "%s"` and `down_sql` set to SQL that undoes it. It must run without error, take \
        only the locks you expect, and `reversible.ok` must be true.
        6. If you chose between alternatives for a reason worth keeping (a type, a constraint strategy, a \
        backfill approach), call `record_decision` with the decision and why.

        Finish with the file path, its SQL, the locks and rewrites the dry run observed, and any finding you \
        kept with its reason.
        """.formatted(description, file, version, file, file);
    return McpPrompt.userMessage("New migration " + file, text);
  }
}
