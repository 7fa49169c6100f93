package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.CreateExtension;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateSchema;
import dev.migrationmcp.tools.sql.model.CreateSequence;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE without IF NOT EXISTS (views: OR REPLACE) and DROP without IF EXISTS, in a statement that
 * runs outside a transaction — a script without one, or CREATE/DROP INDEX CONCURRENTLY, which
 * cannot run in one: if the migration fails half-way, what already ran stays, and running it again
 * fails on the first statement instead of carrying on. Inside a transaction a failure rolls
 * everything back, so nothing is reported there.
 */
@LintRule(id = "prefer-robust-statements", severity = Severity.INFO, category = Category.STYLE,
    summary = "CREATE/DROP without IF [NOT] EXISTS outside a transaction cannot be retried after a partial run")
public final class PreferRobustStatements implements Rule {
  @Override
  public void check(RuleContext c) {
    Statement s = c.model();
    boolean concurrently = s instanceof CreateIndex ci && ci.concurrently() || s instanceof DropIndex di
        && di.concurrently();
    if (c.inTransaction() && !concurrently) {
      return;
    }
    List<String> missing = new ArrayList<>();
    String text = Sql.oneLine(c.text());
    String fixed = text;
    String note = "";
    if (s instanceof CreateTable ct && !ct.ifNotExists() && ct.persistence() != CreateTable.Persistence.TEMPORARY) {
      missing.add("CREATE TABLE without IF NOT EXISTS");
      fixed = text.replaceFirst("(?i)\\bTABLE\\b", "TABLE IF NOT EXISTS");
    } else if (s instanceof CreateIndex ci && !ci.ifNotExists()) {
      missing.add("CREATE INDEX without IF NOT EXISTS");
      String name = ci.name() != null ? "" : " " + Sql.indexName(ci.table(), ci.columns().isEmpty() ? List.of("expr")
          : ci.columns(), "idx");
      fixed = text.replaceFirst("(?i)\\bINDEX(\\s+CONCURRENTLY)?\\b", "INDEX$1 IF NOT EXISTS" + name);
      if (ci.concurrently()) {
        note = "\n-- a failed concurrent build leaves an INVALID index that IF NOT EXISTS would keep: before retrying, "
            + "DROP INDEX CONCURRENTLY IF EXISTS " + (ci.name() == null ? name.strip()
            : ci.table().schema() == null ? Sql.quote(ci.name()) : Sql.quote(ci.table().schema()) + "."
            + Sql.quote(ci.name())) + ";";
      }
    } else if (s instanceof CreateSchema cs && !cs.ifNotExists()) {
      missing.add("CREATE SCHEMA without IF NOT EXISTS");
      fixed = text.replaceFirst("(?i)\\bSCHEMA\\b", "SCHEMA IF NOT EXISTS");
    } else if (s instanceof CreateSequence cs && !cs.ifNotExists()) {
      missing.add("CREATE SEQUENCE without IF NOT EXISTS");
      fixed = text.replaceFirst("(?i)\\bSEQUENCE\\b", "SEQUENCE IF NOT EXISTS");
    } else if (s instanceof CreateExtension ce && !ce.ifNotExists()) {
      missing.add("CREATE EXTENSION without IF NOT EXISTS");
      fixed = text.replaceFirst("(?i)\\bEXTENSION\\b", "EXTENSION IF NOT EXISTS");
    } else if (s instanceof CreateView v && v.materialized() && !v.ifNotExists()) {
      missing.add("CREATE MATERIALIZED VIEW without IF NOT EXISTS");
      fixed = text.replaceFirst("(?i)\\bVIEW\\b", "VIEW IF NOT EXISTS");
    } else if (s instanceof CreateView v && !v.materialized() && !v.orReplace()) {
      missing.add("CREATE VIEW without OR REPLACE");
      fixed = text.replaceFirst("(?i)^CREATE\\b", "CREATE OR REPLACE");
    } else if (s instanceof DropObject d && !d.ifExists()) {
      missing.add(d.kind() + " without IF EXISTS");
      fixed = text.replaceFirst("(?i)^(DROP\\s+" + d.type().sql().replace(" ", "\\s+") + ")\\b", "$1 IF EXISTS");
    } else if (s instanceof DropIndex d && !d.ifExists()) {
      missing.add("DROP INDEX without IF EXISTS");
      fixed = text.replaceFirst("(?i)^DROP\\s+INDEX(\\s+CONCURRENTLY)?\\b", "DROP INDEX$1 IF EXISTS");
    } else if (s instanceof AlterTable at) {
      String prefix = "";
      for (AlterTableAction action : at.actions()) {
        if (action instanceof AlterTableAction.AddColumn add && !add.ifNotExists()) {
          missing.add("ADD COLUMN without IF NOT EXISTS");
          fixed = insert(fixed, "\\bADD(\\s+COLUMN)?\\s+", add.column().name(), "ADD COLUMN IF NOT EXISTS ");
        } else if (action instanceof AlterTableAction.DropColumn drop && !drop.ifExists()) {
          missing.add("DROP COLUMN without IF EXISTS");
          fixed = insert(fixed, "\\bDROP(\\s+COLUMN)?\\s+", drop.column(), "DROP COLUMN IF EXISTS ");
        } else if (action instanceof AlterTableAction.DropConstraint drop && !drop.ifExists()) {
          missing.add("DROP CONSTRAINT without IF EXISTS");
          fixed = insert(fixed, "\\bDROP\\s+CONSTRAINT\\s+", drop.name(), "DROP CONSTRAINT IF EXISTS ");
        } else if (action instanceof AlterTableAction.AddConstraint add && add.constraint().name() != null) {
          missing.add("ADD CONSTRAINT, which has no IF NOT EXISTS");
          prefix += "ALTER TABLE " + at.table() + " DROP CONSTRAINT IF EXISTS " + Sql.quote(add.constraint().name())
              + ";\n";
        }
      }
      fixed = prefix + fixed;
    }
    if (missing.isEmpty()) {
      return;
    }
    c.report()
        .message(String.join(", ", missing) + (concurrently ? " (CONCURRENTLY runs outside any transaction)"
            : " outside a transaction") + ": if the migration fails after this statement, running it again fails "
            + "here because the object already exists (or is already gone)")
        .why("Without a transaction nothing is rolled back on failure; IF [NOT] EXISTS lets a retry skip what the "
            + "first attempt already did.")
        .fix(fixed + ";" + note)
        .emit();
  }

  /** Replaces the keywords before the first mention of {@code name} matching {@code keywords} with {@code with}. */
  private static String insert(String text, String keywords, String name, String with) {
    Matcher m = Pattern.compile("(?i)" + keywords + "(\"?" + Pattern.quote(name) + "\"?)(?![\\w$])").matcher(text);
    if (!m.find()) {
      return text;
    }
    return text.substring(0, m.start()) + with + m.group(m.groupCount()) + text.substring(m.end());
  }
}
