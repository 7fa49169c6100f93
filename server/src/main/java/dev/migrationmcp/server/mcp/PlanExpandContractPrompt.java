package dev.migrationmcp.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * {@code plan_expand_contract <change>}: a zero-downtime plan as expand → backfill in batches →
 * contract, one Flyway file per step (numbered from the project's next version) with the
 * application-side step between them, each file linted and dry-run.
 */
public final class PlanExpandContractPrompt implements McpPrompt {
  static final String NAME = "plan_expand_contract";

  private final ProjectMigrations migrations;

  public PlanExpandContractPrompt(ProjectMigrations migrations) {
    this.migrations = migrations;
  }

  @Override
  public SyncPromptSpecification specification() {
    McpSchema.Prompt prompt = McpSchema.Prompt.builder(NAME)
        .title("Plan a zero-downtime change (expand/contract)")
        .description("Plan a schema change that old and new application versions survive: expand, backfill in "
            + "batches, contract, one migration per step, each linted and dry-run.")
        .arguments(List.of(new McpSchema.PromptArgument("change", "Change",
            "The schema change, e.g. 'rename customers.email to email_address' or 'make orders.status NOT NULL'.", true)))
        .build();
    return new SyncPromptSpecification(prompt, this::get);
  }

  private McpSchema.GetPromptResult get(McpSyncServerExchange exchange, McpSchema.GetPromptRequest request) {
    String change = McpPrompt.requiredArgument(request, "change");
    String next = migrations.nextVersion();
    String folder = migrations.newFileFolder();
    String text = """
        Plan this schema change so that it never blocks production and every deployed application version \
        keeps working: %s

        Use the migration-mcp tools in this order:

        1. `inspect_schema` with `tables` set to the tables involved: columns, constraints, indexes, foreign \
        keys, dependent views, row estimates and sizes. Sizes decide how careful each step must be.
        2. `search_past_migrations` with a `query` describing the change (and `table` for each table): follow \
        the conventions and decisions the project already has.
        3. Write the plan as an ordered list of steps. Each database step is its own Flyway file in `%s`, \
        numbered from V%s upwards (`V<n>__<snake_case_description>.sql`); between them, name the application \
        change that must be deployed before the next step:
           - **Expand** (additive only): new columns nullable and without a volatile default, new tables, \
        indexes with CREATE INDEX CONCURRENTLY in a file of their own marked non-transactional \
        (`-- flyway:executeInTransaction=false` or the project's script config), constraints as NOT VALID. \
        Set `lock_timeout` at the top of every file.
           - **Application**: write both old and new shapes (dual write, or a trigger if the app cannot).
           - **Backfill in batches**: copy old data to the new shape in bounded batches (by primary-key range, \
        a few thousand rows each, committed separately), never one UPDATE over the whole table.
           - **Application**: read the new shape only; stop writing the old one.
           - **Contract**: VALIDATE CONSTRAINT, SET NOT NULL after a validated CHECK (… IS NOT NULL), then drop \
        what is no longer used — only after the previous deploy is everywhere.
        4. For each migration file you propose: `lint_migration` with its `sql`, then `dry_run` with `sql` and \
        `down_sql` (the SQL that undoes it). Fix every error and warning, or justify it with a \
        `-- migration-mcp:ignore <rule-id> <reason>` comment. Report the locks each step takes and for how long.
        5. Once the plan is agreed, `record_decision` with the approach and why (the locks avoided, the table \
        sizes), so the next change to these tables finds it.

        Present the plan as a table (step, file or deploy, what it does, locks taken, risk) followed by the SQL \
        of each file.
        """.formatted(change, folder, next);
    return McpPrompt.userMessage("Expand/contract plan for: " + change, text);
  }
}
