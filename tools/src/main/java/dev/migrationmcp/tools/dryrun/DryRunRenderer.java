package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.schema.copy.SkippedObject;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a dry-run report for people (the CLI and the text beside the MCP answer). */
public final class DryRunRenderer {
  private static final int SKIPPED_SHOWN = 10;

  private DryRunRenderer() {}

  public static String render(DryRunReport r) {
    StringBuilder sb = new StringBuilder();
    if (r.refused() != null) {
      return sb.append("dry run on ").append(r.target()).append(" refused, nothing ran: ").append(r.refused())
          .append('\n').toString();
    }
    if (!r.preflight().isEmpty()) {
      sb.append("preflight on the live data (read-only):\n");
      for (PreflightCheck c : r.preflight()) {
        sb.append("  #").append(c.statementIndex() + 1).append(" line ").append(c.line()).append(": ").append(c.verdict());
        if (!c.sample().isEmpty()) {
          sb.append(" — e.g. ").append(String.join("; ", c.sample()));
        }
        sb.append('\n');
      }
      sb.append('\n');
    }
    sb.append("dry run on ").append(r.target());
    if (r.baseline() != null) {
      Baseline b = r.baseline();
      sb.append(" (baseline: ").append(b.description())
          .append(b.reused() ? ", reused" : ", built now" + (b.buildMs() == null ? "" : " in " + b.buildMs() + " ms"))
          .append(')');
    }
    sb.append(", PostgreSQL ").append(r.serverVersion()).append(": ").append(r.ok() ? "OK" : "FAILED")
        .append(" — nothing kept (committed: false)\n");
    for (StatementReport s : r.statements()) {
      sb.append(String.format(Locale.ROOT, "%n#%d %s%sline %d  %s%n", s.index() + 1,
          s.phase().equals("down") ? "[down] " : "", s.file() == null ? "" : s.file() + " ", s.line(), s.sql()));
      if (s.skipped() != null) {
        sb.append("   ").append(s.skipped()).append('\n');
        continue;
      }
      sb.append(String.format(Locale.ROOT, "   %.1f ms%s%s%n", s.durationMs(),
          s.rows() > 0 ? ", " + s.rows() + " row" + (s.rows() == 1 ? "" : "s") : "",
          s.outsideTransaction() ? ", outside a transaction" : ""));
      if (!s.locks().isEmpty()) {
        sb.append("   locks: ").append(s.locks().stream().map(l -> l.mode() + " on " + l.relation()
            + (l.kind().equals("table") ? "" : " (" + l.kind() + ")")).collect(Collectors.joining(", "))).append('\n');
      }
      if (!s.rewrites().isEmpty()) {
        sb.append("   rewrote: ").append(String.join(", ", s.rewrites())).append('\n');
      }
      for (ObservedScan scan : s.scans()) {
        if (scan.seqScans() > 0) {
          sb.append("   scanned ").append(scan.table()).append(": ").append(scan.seqScans()).append(" sequential scan")
              .append(scan.seqScans() == 1 ? "" : "s").append(", ").append(scan.tuplesRead()).append(" rows read\n");
        }
      }
      if (s.error() != null) {
        ObservedError e = s.error();
        sb.append("   ERROR ").append(e.sqlstate()).append(" at line ").append(e.line()).append(", column ")
            .append(e.column()).append(": ").append(e.message()).append('\n');
        if (e.detail() != null) {
          sb.append("   detail: ").append(e.detail()).append('\n');
        }
        if (e.hint() != null) {
          sb.append("   hint: ").append(e.hint()).append('\n');
        }
      }
      s.disagreements().forEach(d -> sb.append("   ≠ ").append(d).append('\n'));
    }
    if (!r.locksHeldUntilCommit().isEmpty()) {
      sb.append("\nheld until COMMIT: ").append(r.locksHeldUntilCommit().stream()
          .map(l -> l.mode() + " on " + l.relation()).collect(Collectors.joining(", "))).append('\n');
    }
    if (r.schemaDiff() != null) {
      sb.append("\nschema diff").append(r.schemaDiff().isEmpty() ? ": none\n" : ":\n");
      r.schemaDiff().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
    }
    if (r.reversible() != null) {
      Reversibility rev = r.reversible();
      sb.append("\nreversible: ").append(rev.ok() ? "yes, the down migration restores the schema"
          : rev.reason() != null ? "unknown — " + rev.reason() : "NO, after up then down these differences remain:").append('\n');
      if (!rev.ok() && rev.residualDiff() != null) {
        rev.residualDiff().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
      }
    }
    r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
    if (r.baseline() != null) {
      r.baseline().notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
      List<SkippedObject> skipped = r.baseline().skipped();
      // The structured answer has them all; the text stays readable when a schema has hundreds.
      skipped.stream().limit(SKIPPED_SHOWN).forEach(o -> sb.append("not in the baseline: ").append(o).append('\n'));
      if (skipped.size() > SKIPPED_SHOWN) {
        sb.append("not in the baseline: ").append(skipped.size() - SKIPPED_SHOWN).append(" more (see baseline.skipped)\n");
      }
    }
    if (r.digest() != null) {
      sb.append("digest: ").append(r.digest()).append('\n');
    }
    return sb.toString();
  }
}
