package dev.migrationmcp.tools.status;

import java.util.List;

/** The status for people: a headline, the problems, each migration on one line, and the drift. */
public final class StatusRenderer {
  private StatusRenderer() {}

  public static String render(MigrationStatus s) {
    StringBuilder out = new StringBuilder();
    out.append("migration status of ").append(s.database()).append(s.live() ? "" : " (embedded)")
        .append(": ").append(s.currentVersion() == null ? "nothing applied" : "at version " + s.currentVersion())
        .append(s.clean() ? ", clean" : ", " + s.problems().size() + " problem(s)").append('\n');
    out.append("  applied ").append(s.applied().size())
        .append(" · pending ").append(s.pending().size())
        .append(" · failed ").append(s.failed().size())
        .append(" · out of order ").append(s.outOfOrder().size())
        .append(" · missing files ").append(s.missing().size())
        .append(" · checksum mismatches ").append(s.checksumMismatches().size());
    if (!s.ignored().isEmpty()) {
      out.append(" · ignored ").append(s.ignored().size());
    }
    out.append('\n');
    section(out, "problems", s.problems(), "! ");
    if (!s.migrations().isEmpty()) {
      out.append("migrations:\n");
      if (s.migrationsOmitted() != null) {
        out.append("  (").append(s.migrationsOmitted()).append(" earlier successful migration(s) not listed)\n");
      }
      for (MigrationEntry m : s.migrations()) {
        out.append("  ").append(pad(m.version() == null ? "R" : "V" + m.version(), 8)).append(pad(m.state(), 16))
            .append(m.installedOn() == null ? pad("", 11) : pad(m.installedOn().toLocalDate().toString(), 11))
            .append(m.path() != null ? m.path() : m.script() + " (file missing)")
            .append(Boolean.FALSE.equals(m.checksumMatches()) ? "  [edited after it was applied]" : "").append('\n');
      }
    }
    SchemaDrift drift = s.schemaDrift();
    if (drift != null) {
      if (!drift.checked()) {
        out.append("schema drift: ").append(drift.note()).append('\n');
      } else if (!drift.drifted()) {
        out.append("schema drift: none (live schema = replay of ").append(drift.baseline()).append(")\n");
      } else {
        out.append("schema drift (live database vs. replay of ").append(drift.baseline())
            .append("; + only live, - only replay, ~ replay → live):\n");
        drift.lines().forEach(l -> out.append("  ").append(l).append('\n'));
        if (drift.omitted() != null) {
          out.append("  … and ").append(drift.omitted()).append(" more difference(s)\n");
        }
      }
      if (drift.checked() && drift.note() != null) {
        out.append("  note: ").append(drift.note()).append('\n');
      }
    }
    section(out, "notes", s.notes(), "");
    return out.toString().stripTrailing();
  }

  private static void section(StringBuilder out, String title, List<String> lines, String bullet) {
    if (!lines.isEmpty()) {
      out.append(title).append(":\n");
      lines.forEach(l -> out.append("  ").append(bullet).append(l).append('\n'));
    }
  }

  private static String pad(String s, int width) {
    String v = s == null ? "" : s;
    return v.length() >= width ? v + " " : v + " ".repeat(width - v.length());
  }
}
