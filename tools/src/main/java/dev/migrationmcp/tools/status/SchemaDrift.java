package dev.migrationmcp.tools.status;

import dev.migrationmcp.tools.schema.SchemaDiff;
import java.util.List;

/**
 * How the live schema differs from what replaying the applied migrations produces. In {@code diff},
 * {@code added} is what only the live database has, {@code removed} what only the replay has, and
 * {@code changed} reads {@code replay → live}.
 *
 * @param checked false when no comparison was made ({@code note} says why)
 * @param baseline what was replayed ({@code 4 migrations up to V4})
 * @param lines the diff for people: {@code + column public.orders.note: text}
 * @param omitted differences left out of {@code diff} and {@code lines} by {@link #limitedTo}; null when none
 */
public record SchemaDrift(boolean checked, String baseline, SchemaDiff diff, List<String> lines, String note,
    Integer omitted) {
  public SchemaDrift {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  public static SchemaDrift notChecked(String why) {
    return new SchemaDrift(false, null, null, List.of(), why, null);
  }

  public static SchemaDrift of(String baseline, SchemaDiff diff, String note) {
    return new SchemaDrift(true, baseline, diff, diff.lines(), note, null);
  }

  /**
   * At most {@code max} differences (added first, then removed, then changed), so that a live
   * database full of objects no migration made still answers in a few kilobytes.
   */
  public SchemaDrift limitedTo(int max) {
    if (diff == null || lines.size() <= max) {
      return this;
    }
    int added = Math.min(max, diff.added().size());
    int removed = Math.min(max - added, diff.removed().size());
    int changed = Math.min(max - added - removed, diff.changed().size());
    SchemaDiff kept = new SchemaDiff(diff.added().subList(0, added), diff.removed().subList(0, removed),
        diff.changed().subList(0, changed));
    return new SchemaDrift(true, baseline, kept, kept.lines(), note, lines.size() - max);
  }

  public boolean drifted() {
    return checked && diff != null && !diff.isEmpty();
  }
}
