package dev.migrationmcp.server.mcp;

import dev.migrationmcp.tools.flyway.MigrationFile;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Optional;

/**
 * {@code review_migration <path-or-version>}: lint, dry-run (with the down migration when there is
 * one), look up the history of the touched tables, then a verdict with evidence. A version is
 * resolved to its file here, so the model starts from the right path.
 */
public final class ReviewMigrationPrompt implements McpPrompt {
  static final String NAME = "review_migration";

  private final ProjectMigrations migrations;

  public ReviewMigrationPrompt(ProjectMigrations migrations) {
    this.migrations = migrations;
  }

  @Override
  public SyncPromptSpecification specification() {
    McpSchema.Prompt prompt = McpSchema.Prompt.builder(NAME)
        .title("Review a migration")
        .description("Lint, dry-run (with its down migration) and search the history of a migration, then give a "
            + "verdict with evidence.")
        .arguments(List.of(new McpSchema.PromptArgument("migration", "Migration",
            "Path of the migration file (relative to the project) or its Flyway version, e.g. 3 or V3.", true)))
        .build();
    return new SyncPromptSpecification(prompt, this::get);
  }

  private McpSchema.GetPromptResult get(McpSyncServerExchange exchange, McpSchema.GetPromptRequest request) {
    String argument = McpPrompt.requiredArgument(request, "migration");
    String path = argument;
    String down = null;
    Optional<MigrationFile> byVersion = ProjectMigrations.parseVersion(argument) == null ? Optional.empty()
        : migrations.find(argument, MigrationFile.Type.VERSIONED);
    MigrationFile file = byVersion.orElse(null);
    if (file != null) {
      path = migrations.relative(file.path());
    }
    if (file == null) {
      file = MigrationFile.parse(java.nio.file.Path.of(argument)).orElse(null);
    }
    if (file != null && file.version() != null) {
      down = migrations.find(file.version().getVersion(), MigrationFile.Type.UNDO)
          .map(u -> migrations.relative(u.path())).orElse(null);
    }
    String dryRun = down == null
        ? "`dry_run` with `path: \"" + path + "\"`. There is no undo file (U…) for it: say in the verdict that "
            + "reversibility is unchecked, and if the change is not trivially reversible, write the down SQL yourself "
            + "and pass it as `down_sql` so the dry run checks it."
        : "`dry_run` with `path: \"" + path + "\"` and `down_path: \"" + down + "\"`, so it also checks that the "
            + "down migration restores the schema (`reversible`).";
    String text = """
        Review the database migration `%s` before it ships. Use the migration-mcp tools in this order and base \
        every statement you make on their output, never on assumptions:

        1. `lint_migration` with `path: "%s"`. Note every finding: rule id, severity, the statement and line, \
        the evidence (row counts, sizes) and the suggested fix.
        2. `inspect_schema` with `tables` set to every table the migration touches (from the SQL and the lint \
        findings), to see their columns, constraints, indexes, foreign keys, row estimates and sizes.
        3. %s Note the locks each statement actually took, rewrites, scans, errors, timing, the schema diff, and \
        any disagreement between what lint predicted and what the dry run observed.
        4. `search_past_migrations` once per touched table (`query` describing the change, `table` set to the \
        table): how did we change these tables before, and which decisions or rationale apply?

        Then answer with:
        - **Verdict**: SAFE TO SHIP, SHIP AFTER CHANGES, or DO NOT SHIP, in one line.
        - **Evidence**: a short list; each item names the statement, the lock or rewrite observed (or the lint \
        rule), the table size, and why it matters in production.
        - **Reversibility**: what the down-migration check showed.
        - **History**: relevant past migrations or decisions, with their versions or ids.
        - **Fixes**: for each problem, the concrete replacement SQL (e.g. CREATE INDEX CONCURRENTLY in its own \
        non-transactional migration, CHECK … NOT VALID then VALIDATE). If you propose a rewrite, lint and dry-run \
        it too before presenting it.
        """.formatted(path, path, dryRun);
    return McpPrompt.userMessage("Review of " + path, text);
  }
}
