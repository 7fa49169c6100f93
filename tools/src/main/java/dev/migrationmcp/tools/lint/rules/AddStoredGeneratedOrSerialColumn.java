package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.Generated;
import dev.migrationmcp.tools.sql.Identifiers;
import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.List;
import java.util.Set;

/**
 * ADD COLUMN … GENERATED ALWAYS AS (…) STORED, an identity column or a serial column gives every
 * existing row its own value, so PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE.
 */
@LintRule(id = "add-stored-generated-or-serial-column", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ACCESS_EXCLUSIVE,
    summary = "adding a stored generated, identity or serial column rewrites the table under ACCESS EXCLUSIVE")
public final class AddStoredGeneratedOrSerialColumn implements Rule {
  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof AlterTable at) || c.isNewTable(at.table())) {
      return;
    }
    for (AlterTableAction.AddColumn add : at.actions(AlterTableAction.AddColumn.class)) {
      ColumnDefinition column = add.column();
      Generated generated = column.generated();
      boolean stored = generated != null && generated.kind() == Generated.Kind.STORED;
      boolean identity = generated != null && generated.isIdentity();
      boolean serial = column.type() != null && column.type().serial();
      if (!stored && !identity && !serial) {
        continue;
      }
      String what = stored ? "a stored generated column" : identity ? "an identity column" : "a serial column";
      c.report()
          .table(at.table())
          .at(column.name())
          .message("adding " + what + " " + column.name() + " computes a value for every existing row of "
              + at.table() + ": the whole table is rewritten under an ACCESS EXCLUSIVE lock, blocking reads and writes")
          .why("Unlike a constant default, which PostgreSQL 11+ keeps in the catalog, a generated expression or a "
              + "sequence value differs per row, so each row is rewritten while the lock is held.")
          .fix(stored ? storedFix(at.table(), column, c.pgVersion()) : sequenceFix(at.table(), column, identity))
          .emit();
    }
  }

  private static String storedFix(QualifiedName table, ColumnDefinition column, int pgVersion) {
    String col = Sql.quote(column.name());
    String type = column.type() == null ? "<type>" : column.type().sql();
    String expression = column.generated().expression();
    if (pgVersion >= 18) {
      return "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + " GENERATED ALWAYS AS (" + expression
          + ") VIRTUAL;  -- computed on read: no rewrite (it cannot be indexed)";
    }
    String function = Sql.quote(table.name() + "_set_" + column.name());
    return "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + ";\n"
        + "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW." + col + " := "
        + newRow(expression) + "; RETURN NEW; END $$;\n"
        + "CREATE TRIGGER " + function + " BEFORE INSERT OR UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
        + function + "();\n"
        + "-- then backfill in batches: UPDATE " + table + " SET " + col + " = " + expression + " WHERE " + col
        + " IS NULL AND <key range>;";
  }

  private static String sequenceFix(QualifiedName table, ColumnDefinition column, boolean identity) {
    String col = Sql.quote(column.name());
    String type = column.type() == null ? "bigint" : column.type().sql();
    String sequence = Sql.quote(table.name() + "_" + column.name() + "_seq");
    String qualifiedSequence = table.schema() == null ? sequence : Sql.quote(table.schema()) + "." + sequence;
    String steps = "CREATE SEQUENCE " + qualifiedSequence + ";\n"
        + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + ";\n"
        + "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET DEFAULT nextval('" + qualifiedSequence + "');\n"
        + "-- backfill in batches: UPDATE " + table + " SET " + col + " = nextval('" + qualifiedSequence + "') WHERE "
        + col + " IS NULL AND <key range>;\n"
        + "ALTER SEQUENCE " + qualifiedSequence + " OWNED BY " + table + "." + col + ";";
    if (identity) {
      steps += "\n-- an identity needs NOT NULL: add CHECK (" + col + " IS NOT NULL) NOT VALID, VALIDATE it, SET NOT NULL, "
          + "then ALTER TABLE " + table + " ALTER COLUMN " + col + " DROP DEFAULT, ALTER COLUMN " + col
          + " ADD GENERATED BY DEFAULT AS IDENTITY (START WITH <max + 1>) and drop the sequence";
    }
    return steps;
  }

  /**
   * The generation expression written against the trigger's {@code NEW} row: each plain column
   * reference (a word that is not a keyword, a function name or a type after {@code ::} or {@code AS}) gets
   * {@code NEW.} in front.
   */
  static String newRow(String expression) {
    List<SqlToken> tokens = SqlLexer.tokens(expression);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.type() != TokenType.WORD && t.type() != TokenType.QUOTED_IDENTIFIER) {
        continue;
      }
      boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
      boolean afterCastOrDot = i > 0 && (tokens.get(i - 1).isSymbol("::") || tokens.get(i - 1).isSymbol(".")
          || tokens.get(i - 1).is("as"));
      boolean keyword = t.type() == TokenType.WORD && (Identifiers.isReserved(Identifiers.fold(t.text()))
          || NOT_COLUMNS.contains(Identifiers.fold(t.text())));
      if (call || afterCastOrDot || keyword) {
        continue;
      }
      out.append(expression, copied, t.start()).append("NEW.");
      copied = t.start();
    }
    return out.append(expression.substring(copied)).toString();
  }

  private static final Set<String> NOT_COLUMNS = Set.of("is", "like", "ilike", "between", "interval", "similar",
      "escape", "isnull", "notnull", "at", "zone", "collate", "overlaps", "year", "month", "day", "hour", "minute",
      "second");
}
