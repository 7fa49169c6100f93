package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.ColumnInfo;
import dev.migrationmcp.tools.schema.ConstraintInfo;
import dev.migrationmcp.tools.schema.IndexInfo;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ADD PRIMARY KEY USING INDEX} looks instant, but PostgreSQL silently runs SET NOT NULL on
 * every key column that is still nullable — a full scan of the table under ACCESS EXCLUSIVE —
 * unless a validated {@code CHECK (col IS NOT NULL)} proves it (PostgreSQL 12+).
 */
@LintRule(id = "primary-key-using-index-sets-not-null", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "PRIMARY KEY USING INDEX on nullable columns runs SET NOT NULL, a full scan under ACCESS EXCLUSIVE")
public final class PrimaryKeyUsingIndexSetsNotNull implements Rule {
  @Override
  public void finish(ScriptContext c) {
    int pg = c.settings().pgVersion();
    Set<String> createdTables = new HashSet<>();
    Map<String, CreateIndex> createdIndexes = new HashMap<>();
    Map<String, Boolean> addedColumnNotNull = new HashMap<>();
    Set<String> provenNotNull = new HashSet<>();
    Map<String, String> notValidChecks = new HashMap<>();
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof CreateTable ct) {
        createdTables.add(StatementEffects.name(ct.name()));
      } else if (s.statement() instanceof CreateIndex ci && ci.name() != null) {
        createdIndexes.put(ci.table().schemaOr("public") + "." + ci.name(), ci);
      } else if (s.statement() instanceof AlterTable at) {
        String table = StatementEffects.name(at.table());
        for (AlterTableAction a : at.actions()) {
          if (a instanceof AlterTableAction.AddColumn add) {
            addedColumnNotNull.put(table + "." + add.column().name(), add.column().effectivelyNotNull());
          } else if (a instanceof AlterTableAction.SetNotNull set) {
            provenNotNull.add(table + "." + set.column());
          } else if (a instanceof AlterTableAction.AddConstraint add
              && add.constraint() instanceof TableConstraint.Check check) {
            String column = isNotNullColumn(check.expression());
            if (column != null && !add.notValid() && pg >= 12) {
              provenNotNull.add(table + "." + column);
            } else if (column != null && check.name() != null) {
              notValidChecks.put(table + "|" + check.name(), column);
            }
          } else if (a instanceof AlterTableAction.ValidateConstraint v && pg >= 12) {
            String column = notValidChecks.get(table + "|" + v.name());
            if (column != null) {
              provenNotNull.add(table + "." + column);
            }
          } else if (a instanceof AlterTableAction.AddConstraint add
              && add.constraint() instanceof TableConstraint.PrimaryKey pk && pk.usingIndex() != null
              && !createdTables.contains(table)) {
            check(c, s, at, pk, table, createdIndexes, addedColumnNotNull, provenNotNull, pg);
          }
        }
      }
    }
  }

  private static void check(ScriptContext c, ReadStatement s, AlterTable at, TableConstraint.PrimaryKey pk,
      String table, Map<String, CreateIndex> createdIndexes, Map<String, Boolean> addedColumnNotNull,
      Set<String> provenNotNull, int pg) {
    String schema = at.table().schemaOr("public");
    Optional<TableInfo> live = c.live().flatMap(l -> l.table(table));
    List<String> keys;
    CreateIndex inScript = createdIndexes.get(schema + "." + pk.usingIndex());
    if (inScript != null) {
      keys = inScript.columns();
    } else {
      keys = live.flatMap(t -> t.indexes().stream().filter(i -> i.name().equals(pk.usingIndex())).findFirst())
          .map(IndexInfo::columns).orElse(null);
    }
    if (keys == null || keys.isEmpty()) {
      return;
    }
    List<String> nullable = new ArrayList<>();
    boolean guessed = false;
    for (String key : keys) {
      String qualified = table + "." + key;
      if (provenNotNull.contains(qualified)) {
        continue;
      }
      Boolean added = addedColumnNotNull.get(qualified);
      if (added != null) {
        if (!added) {
          nullable.add(key);
        }
        continue;
      }
      Optional<ColumnInfo> column = live.map(t -> t.column(key));
      if (column.isPresent()) {
        if (column.get().nullable() && !(pg >= 12 && provenByLiveCheck(live.get(), key))) {
          nullable.add(key);
        }
        continue;
      }
      nullable.add(key);
      guessed = true;
    }
    if (nullable.isEmpty()) {
      return;
    }
    StringBuilder fix = new StringBuilder();
    for (String key : nullable) {
      fix.append(AddPrimaryKey.notNullSteps(at.table(), key, pg));
    }
    fix.append("ALTER TABLE ").append(at.table()).append(" ADD CONSTRAINT ")
        .append(Sql.quote(pk.name() == null ? pk.usingIndex() : pk.name())).append(" PRIMARY KEY USING INDEX ")
        .append(Sql.quote(pk.usingIndex())).append(";");
    c.report(s)
        .table(at.table())
        .at("USING")
        .message("PRIMARY KEY USING INDEX " + pk.usingIndex() + " first runs SET NOT NULL on " + String.join(", ", nullable)
            + (guessed ? " (unless already NOT NULL: no live schema says)" : " (nullable now)")
            + ", which reads every row of " + at.table() + " while holding an ACCESS EXCLUSIVE lock")
        .why("A primary key needs NOT NULL columns, and PostgreSQL adds it implicitly, scanning the table under the "
            + "lock. From PostgreSQL 12 a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip the scan.")
        .fix(fix.toString())
        .emit();
  }

  /** The column of {@code col IS NOT NULL}, or null. */
  static String isNotNullColumn(String expression) {
    String e = expression.replace("(", " ").replace(")", " ").replace("\"", "").strip().replaceAll("\\s+", " ");
    String lower = e.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(" is not null") || lower.contains(" and ") || lower.contains(" or ")) {
      return null;
    }
    String column = e.substring(0, e.length() - " is not null".length()).strip();
    return column.matches("[\\p{L}_][\\p{L}\\p{N}_$]*") ? (expression.contains("\"") ? column
        : column.toLowerCase(Locale.ROOT)) : null;
  }

  private static boolean provenByLiveCheck(TableInfo t, String column) {
    return t.checks().stream().filter(ConstraintInfo::validated).map(ConstraintInfo::definition)
        .anyMatch(d -> d != null && column.equals(isNotNullColumn(d.replaceFirst("(?i)^CHECK\\s*", ""))));
  }
}
