package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A new foreign key whose columns no index on the referencing table leads with: every DELETE (or
 * key UPDATE) on the referenced table then scans the referencing table. Indexes counted are those
 * of the live table and those the script creates, before or after the key. Judged for tables the
 * script creates, and for existing tables when the live schema has them.
 */
@LintRule(id = "foreign-key-without-index", severity = Severity.WARNING, category = Category.SCHEMA,
    summary = "a new foreign key has no index on its columns: deletes on the referenced table scan this one")
public final class ForeignKeyWithoutIndex implements Rule {
  private record NewKey(ReadStatement statement, QualifiedName table, TableConstraint.ForeignKey key, boolean newTable) {}

  @Override
  public void finish(ScriptContext c) {
    ScriptObjects objects = new ScriptObjects();
    List<NewKey> keys = new ArrayList<>();
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof CreateTable ct) {
        for (ColumnDefinition column : ct.columns()) {
          if (column.foreignKey() != null) {
            keys.add(new NewKey(s, ct.name(), column.foreignKey(), true));
          }
        }
        ct.constraints().stream().filter(k -> k instanceof TableConstraint.ForeignKey)
            .forEach(k -> keys.add(new NewKey(s, ct.name(), (TableConstraint.ForeignKey) k, true)));
      } else if (s.statement() instanceof AlterTable at) {
        boolean created = objects.tableCreated(StatementEffects.name(at.table()));
        for (AlterTableAction a : at.actions()) {
          if (a instanceof AlterTableAction.AddConstraint add && add.constraint() instanceof TableConstraint.ForeignKey fk) {
            keys.add(new NewKey(s, at.table(), fk, created));
          } else if (a instanceof AlterTableAction.AddColumn add && add.column().foreignKey() != null) {
            keys.add(new NewKey(s, at.table(), add.column().foreignKey(), created));
          }
        }
      }
      objects.advance(s.statement());
    }
    for (NewKey k : keys) {
      check(c, objects, k);
    }
  }

  private static void check(ScriptContext c, ScriptObjects objects, NewKey k) {
    String table = StatementEffects.name(k.table());
    List<String> columns = k.key().columns();
    if (columns.isEmpty()) {
      return;
    }
    Optional<TableInfo> live = k.newTable() ? Optional.empty()
        : c.live().flatMap(l -> l.table(objects.originalName(table)));
    if (!k.newTable() && live.isEmpty()) {
      return;
    }
    String schema = k.table().schemaOr("public");
    boolean covered = objects.indexes(table).stream().anyMatch(i -> i.covers(columns))
        || live.map(t -> t.indexes().stream().filter(i -> i.valid() && !objects.indexDropped(schema + "." + i.name()))
            .map(IndexShape::of).anyMatch(i -> i.covers(columns))).orElse(false);
    if (covered) {
      return;
    }
    String index = Sql.quote(Sql.indexName(k.table(), columns, "idx"));
    c.report(k.statement())
        .table(k.table())
        .at("REFERENCES")
        .message("no index on " + k.table() + " (" + String.join(", ", columns) + ") backs this foreign key to "
            + k.key().referencedTable() + ": every DELETE, or key UPDATE, on " + k.key().referencedTable()
            + " scans all of " + k.table() + " to check it, holding its row locks while it does"
            + (k.key().onDelete() != null && k.key().onDelete().contains("CASCADE") ? ", and the cascade scans again"
                : ""))
        .why("PostgreSQL indexes the referenced side of a foreign key (it must be unique) but not the referencing "
            + "side; without an index, checks from the referenced table and joins on the key read the whole table.")
        .fix("CREATE INDEX " + (k.newTable() ? "" : "CONCURRENTLY ") + index + " ON " + k.table() + " ("
            + Sql.columns(columns) + ");" + (k.newTable() ? "" : "  -- in its own migration, outside a transaction"))
        .emit();
  }
}
