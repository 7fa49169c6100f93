package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterIndex;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateSequence;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateType;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table, column, index, constraint, view, sequence or type name longer than 63 bytes in UTF-8
 * (NAMEDATALEN − 1): PostgreSQL truncates it with only a NOTICE, so code and later migrations that
 * use the full name miss the object, and two long names with a common 63-byte prefix collide.
 */
@LintRule(id = "identifier-too-long", severity = Severity.WARNING, category = Category.STYLE,
    summary = "a name over 63 bytes is silently truncated, so the full name later refers to nothing")
public final class IdentifierTooLong implements Rule {
  static final int MAX_BYTES = 63;

  @Override
  public void check(RuleContext c) {
    Map<String, String> names = new LinkedHashMap<>();
    if (c.model() instanceof CreateTable ct) {
      names.put(ct.name().name(), "table");
      for (ColumnDefinition column : ct.columns()) {
        names.putIfAbsent(column.name(), "column");
        constraints(column.constraints(), names);
      }
      constraints(ct.constraints(), names);
    } else if (c.model() instanceof AlterTable at) {
      for (AlterTableAction action : at.actions()) {
        if (action instanceof AlterTableAction.AddColumn add) {
          names.putIfAbsent(add.column().name(), "column");
          constraints(add.column().constraints(), names);
        } else if (action instanceof AlterTableAction.AddConstraint add) {
          constraints(List.of(add.constraint()), names);
        } else if (action instanceof AlterTableAction.RenameTable rename) {
          names.putIfAbsent(rename.newName(), "table");
        } else if (action instanceof AlterTableAction.RenameColumn rename) {
          names.putIfAbsent(rename.to(), "column");
        } else if (action instanceof AlterTableAction.RenameConstraint rename) {
          names.putIfAbsent(rename.to(), "constraint");
        }
      }
    } else if (c.model() instanceof CreateIndex index && index.name() != null) {
      names.put(index.name(), "index");
    } else if (c.model() instanceof AlterIndex index && index.action() == AlterIndex.Action.RENAME) {
      names.put(index.target(), "index");
    } else if (c.model() instanceof CreateView view) {
      names.put(view.name().name(), view.materialized() ? "materialized view" : "view");
      view.columns().forEach(col -> names.putIfAbsent(col, "column"));
    } else if (c.model() instanceof CreateSequence sequence) {
      names.put(sequence.name().name(), "sequence");
    } else if (c.model() instanceof CreateType type) {
      names.put(type.name().name(), "type");
    }
    for (Map.Entry<String, String> entry : names.entrySet()) {
      String name = entry.getKey();
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes <= MAX_BYTES) {
        continue;
      }
      String truncated = truncate(name);
      c.report()
          .at(name)
          .message("the " + entry.getValue() + " name " + Sql.quote(name) + " is " + bytes + " bytes: PostgreSQL "
              + "silently truncates it to " + Sql.quote(truncated) + " (63 bytes), so code and later migrations that "
              + "use the full name do not find it, and another long name starting the same way collides with it")
          .why("Identifiers are limited to NAMEDATALEN − 1 = 63 bytes (UTF-8 bytes, not characters); longer ones are "
              + "cut with only a NOTICE.")
          .fix(Sql.oneLine(replace(c.text(), name, truncated)) + ";  -- or a shorter name of your own, used the same "
              + "way everywhere")
          .emit();
    }
  }

  private static void constraints(List<TableConstraint> constraints, Map<String, String> names) {
    for (TableConstraint constraint : constraints) {
      if (constraint.name() != null) {
        names.putIfAbsent(constraint.name(), "constraint");
      }
    }
  }

  /** The first 63 bytes of {@code name}, cut at a character boundary, as PostgreSQL keeps them. */
  static String truncate(String name) {
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /** {@code text} with every spelling of {@code name} (quoted or not, any case) replaced by {@code replacement}. */
  private static String replace(String text, String name, String replacement) {
    Matcher m = Pattern.compile("\"?" + Pattern.quote(name) + "\"?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(text);
    return m.replaceAll(Matcher.quoteReplacement(Sql.quote(replacement)));
  }
}
