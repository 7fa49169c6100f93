package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.ScriptState;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.EnumInfo;
import dev.migrationmcp.tools.schema.SchemaInfo;
import dev.migrationmcp.tools.sql.model.AlterType;
import dev.migrationmcp.tools.sql.model.CreateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ALTER TYPE … ADD VALUE without BEFORE or AFTER appends the label at the end of the enum's sort
 * order. Enums compare by that order, so ORDER BY, {@code <}, {@code >}, min() and max() put the
 * new label after every existing one — often not where it belongs. Saying AFTER the last label
 * makes the intent explicit.
 */
@LintRule(id = "enum-add-value-position", severity = Severity.INFO, category = Category.STYLE,
    summary = "ADD VALUE without BEFORE or AFTER sorts the new label after all others")
public final class EnumAddValuePosition implements Rule {
  private final Map<String, List<String>> labels = new HashMap<>();
  private ScriptState seen;

  @Override
  public void check(RuleContext c) {
    if (seen != c.script()) {
      seen = c.script();
      labels.clear();
    }
    if (c.model() instanceof CreateType type && type.form() == CreateType.Form.ENUM) {
      labels.put(StatementEffects.name(type.name()), new ArrayList<>(type.enumValues()));
      return;
    }
    if (!(c.model() instanceof AlterType type) || !(type.action() instanceof AlterType.AddValue add)) {
      return;
    }
    String qualified = StatementEffects.name(type.name());
    List<String> known = labels.computeIfAbsent(qualified, k -> new ArrayList<>(live(c, type.name().schemaOr("public"),
        type.name().name())));
    if (add.before() != null || add.after() != null) {
      position(known, add);
      return;
    }
    String value = literal(add.value());
    String last = known.isEmpty() ? "<last label>" : known.get(known.size() - 1);
    String lastLiteral = known.isEmpty() ? "'<last label>'" : literal(last);
    String head = "ALTER TYPE " + type.name() + " ADD VALUE " + (add.ifNotExists() ? "IF NOT EXISTS " : "") + value;
    c.report()
        .at(add.value())
        .message("ADD VALUE " + value + " without BEFORE or AFTER puts it last in " + type.name() + "'s sort order"
            + (known.isEmpty() ? "" : ", after " + lastLiteral) + ": ORDER BY, <, >, min() and max() on the enum "
            + "treat it as greater than every existing label")
        .why("Enum values compare by their declared position, not alphabetically; a position that only happens "
            + "to be last is easy to get wrong and hard to change later (values cannot be moved).")
        .fix(head + " BEFORE '<the label it precedes>';  -- where it belongs in the order\n-- or, if last is meant: "
            + head + " AFTER " + lastLiteral + ";")
        .emit();
    if (!known.contains(add.value())) {
      known.add(add.value());
    }
  }

  private static void position(List<String> known, AlterType.AddValue add) {
    if (known.contains(add.value())) {
      return;
    }
    int at = known.indexOf(add.before() != null ? add.before() : add.after());
    if (at < 0) {
      known.add(add.value());
    } else {
      known.add(add.before() != null ? at : at + 1, add.value());
    }
  }

  private static List<String> live(RuleContext c, String schema, String name) {
    return c.live().map(l -> l.snapshot().schemas().stream()
        .filter(s -> s.name().equals(schema))
        .map(SchemaInfo::enums)
        .flatMap(List::stream)
        .filter(e -> e.name().equals(name))
        .map(EnumInfo::values)
        .findFirst().orElse(List.of())).orElse(List.of());
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
