package dev.migrationmcp.tools.dryrun;

import java.util.ArrayList;
import java.util.List;

/** Where the static prediction and the observation of one statement differ. */
final class Disagreements {
  private Disagreements() {}

  static List<String> between(Prediction prediction, List<ObservedLock> locks, List<String> rewrites) {
    List<String> out = new ArrayList<>();
    if (prediction == null) {
      return out;
    }
    boolean rewritten = rewrites.stream().anyMatch(r -> !r.contains("("));
    if (prediction.rewrite() && !rewritten) {
      out.add("lint predicted a table rewrite; none happened");
    } else if (!prediction.rewrite() && rewritten) {
      out.add("lint predicted no table rewrite; " + String.join(", ", rewrites) + " was rewritten");
    }
    if (prediction.lockMode() != null) {
      String strongest = locks.stream()
          .filter(l -> prediction.table() == null || l.relation().equals(prediction.table())
              || l.relation().endsWith("." + prediction.table()))
          .map(ObservedLock::mode).reduce(null, (a, b) -> a == null ? b : BackendState.stronger(a, b));
      if (strongest != null && !strongest.equals(prediction.lockMode())) {
        out.add("lint predicted " + prediction.lockMode() + (prediction.table() == null ? "" : " on " + prediction.table())
            + "; observed " + strongest);
      }
    }
    return out;
  }
}
