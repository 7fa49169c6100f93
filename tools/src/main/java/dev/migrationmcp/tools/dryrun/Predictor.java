package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.sql.ScriptStatement;

/** Supplies the static prediction for a statement (lint plugs in here); null when unknown. */
@FunctionalInterface
public interface Predictor {
  Predictor NONE = statement -> null;

  Prediction predict(ScriptStatement statement);
}
