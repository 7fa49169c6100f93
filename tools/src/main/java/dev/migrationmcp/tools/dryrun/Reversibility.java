package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.schema.SchemaDiff;

/**
 * Whether the down migration restored the schema the up migration started from.
 *
 * @param ok true only when the down migration ran without error and the residual diff is empty
 * @param residualDiff what still differs from the original schema after up then down
 * @param reason why reversibility could not be judged (the up or down migration failed), else null
 */
public record Reversibility(boolean ok, SchemaDiff residualDiff, String reason) {}
