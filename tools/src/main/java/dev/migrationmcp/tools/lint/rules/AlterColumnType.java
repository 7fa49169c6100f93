package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.ColumnInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.SqlType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALTER COLUMN … TYPE rewrites the table and its indexes under ACCESS EXCLUSIVE, unless the change
 * is binary coercible (varchar(n) → text, widening varchar or numeric precision, …), which needs
 * the current type: from the live schema when connected.
 */
@LintRule(id = "alter-column-type", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE, summary = "ALTER COLUMN TYPE rewrites the table unless the change is binary coercible")
public final class AlterColumnType implements Rule {
  private static final Pattern VARCHAR = Pattern.compile("character varying(?:\\((\\d+)\\))?");
  private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+)(?:,(\\d+))?\\))?");

  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.AlterColumnType change : at.actions(AlterTableAction.AlterColumnType.class)) {
      Optional<String> current = c.liveTable(at.table()).map(t -> t.column(change.column())).map(ColumnInfo::type);
      if (current.isPresent() && change.using() == null && binaryCoercible(current.get(), change.type())) {
        continue;
      }
      String from = current.map(t -> " from " + t).orElse("");
      c.report()
          .table(at.table())
          .at(change.column())
          .message("changing the type of " + at.table() + "." + change.column() + from + " to " + change.type().sql()
              + " rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock")
          .why("Unless the old and new types are binary coercible (varchar(n) → text, a wider varchar or numeric), "
              + "PostgreSQL converts every row into a new copy of the table while reads and writes wait.")
          .fix("Expand and contract: ALTER TABLE " + at.table() + " ADD COLUMN " + Sql.quote(change.column() + "_new") + " "
              + change.type().sql() + "; keep both in sync (trigger or application), backfill in batches, switch "
              + "readers, then drop the old column.")
          .emit();
    }
  }

  /** Type changes PostgreSQL makes without touching rows. */
  static boolean binaryCoercible(String fromType, SqlType to) {
    String from = fromType.toLowerCase(Locale.ROOT);
    String target = normalize(to);
    if (from.equals(target)) {
      return true;
    }
    Matcher fromVarchar = VARCHAR.matcher(from);
    if (fromVarchar.matches()) {
      if (target.equals("text")) {
        return true;
      }
      Matcher toVarchar = VARCHAR.matcher(target);
      if (toVarchar.matches()) {
        return toVarchar.group(1) == null
            || fromVarchar.group(1) != null && Integer.parseInt(toVarchar.group(1)) >= Integer.parseInt(fromVarchar.group(1));
      }
    }
    if (from.equals("text") && target.equals("character varying")) {
      return true;
    }
    Matcher fromNumeric = NUMERIC.matcher(from);
    Matcher toNumeric = NUMERIC.matcher(target);
    if (fromNumeric.matches() && toNumeric.matches()) {
      if (toNumeric.group(1) == null) {
        return true;
      }
      if (fromNumeric.group(1) == null) {
        return false;
      }
      int fromScale = fromNumeric.group(2) == null ? 0 : Integer.parseInt(fromNumeric.group(2));
      int toScale = toNumeric.group(2) == null ? 0 : Integer.parseInt(toNumeric.group(2));
      return fromScale == toScale && Integer.parseInt(toNumeric.group(1)) >= Integer.parseInt(fromNumeric.group(1));
    }
    return from.equals("cidr") && target.equals("inet");
  }

  private static String normalize(SqlType t) {
    String name = t.name().toLowerCase(Locale.ROOT);
    String mods = t.modifiers().isEmpty() ? "" : "(" + String.join(",", t.modifiers()).replace(" ", "") + ")";
    name = switch (name) {
      case "varchar", "character varying" -> "character varying";
      case "decimal" -> "numeric";
      case "int", "int4" -> "integer";
      case "int8" -> "bigint";
      case "int2" -> "smallint";
      default -> name;
    };
    return name + mods + "[]".repeat(t.arrayDimensions());
  }
}
