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
 */
public record SchemaDrift(boolean checked, String baseline, SchemaDiff diff, List<String> lines, String note) {
  public SchemaDrift {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  public static SchemaDrift notChecked(String why) {
    return new SchemaDrift(false, null, null, List.of(), why);
  }

  public static SchemaDrift of(String baseline, SchemaDiff diff, String note) {
    return new SchemaDrift(true, baseline, diff, diff.lines(), note);
  }

  public boolean drifted() {
    return checked && diff != null && !diff.isEmpty();
  }
}
