package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.read.StatementReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks the live data, read-only and within a time budget, whether risky statements will fail:
 * NULLs before SET NOT NULL, rows before ADD COLUMN … NOT NULL without a default, duplicates
 * before a unique index or constraint, rows violating a new CHECK, orphans before a foreign key,
 * values that do not convert before a type change. Names from the model are quoted; expressions
 * from the migration (a CHECK, a USING cast) are the user's SQL, which is why everything runs in a
 * READ ONLY transaction that is rolled back.
 */
public final class Preflight {
  private final Connection connection;
  private final long budgetMs;

  /**
   * @param budgetMs total time for all questions; each also gets at most 5 s
   */
  public Preflight(Connection connection, long budgetMs) {
    this.connection = connection;
    this.budgetMs = budgetMs;
  }

  public List<PreflightCheck> run(List<ScriptPart> parts) throws SQLException {
    List<PreflightCheck> out = new ArrayList<>();
    Set<String> created = new HashSet<>();
    long deadline = System.currentTimeMillis() + budgetMs;
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (java.sql.Statement s = connection.createStatement()) {
      s.execute("SET TRANSACTION READ ONLY");
      for (ScriptPart part : parts) {
        for (ScriptStatement statement : part.script().statements()) {
          Statement model = StatementReader.read(statement).statement();
          if (model instanceof CreateTable ct) {
            created.add(StatementEffects.name(ct.name()));
            continue;
          }
          for (Question q : questions(model)) {
            if (created.contains(q.table)) {
              continue;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
              out.add(new PreflightCheck(statement.index(), statement.line(), q.check, q.table, -1, List.of(), q.sql,
                  "not checked: the preflight time budget was spent", "time budget of " + budgetMs + " ms spent"));
              continue;
            }
            out.add(ask(statement, q, Math.min(left, 5_000)));
          }
        }
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
    return out;
  }

  private record Question(String check, String table, String sql, boolean countQuery, String what) {}

  private PreflightCheck ask(ScriptStatement statement, Question q, long timeoutMs) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try (java.sql.Statement s = connection.createStatement()) {
      s.execute("SET LOCAL statement_timeout = " + timeoutMs);
      s.setMaxRows(q.countQuery ? 1 : 5);
      long violations;
      List<String> sample = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(q.sql)) {
        if (q.countQuery) {
          rs.next();
          violations = rs.getLong(1);
        } else {
          violations = 0;
          while (rs.next()) {
            violations++;
            sample.add(rs.getString(1));
          }
        }
      }
      connection.releaseSavepoint(savepoint);
      String verdict = violations == 0 ? "OK: no " + q.what + " in " + q.table
          : (violations + (q.countQuery ? " " : "+ ") + q.what + " in " + q.table + ": the statement will fail on this data");
      return new PreflightCheck(statement.index(), statement.line(), q.check, q.table, violations, sample, q.sql,
          verdict, null);
    } catch (SQLException e) {
      connection.rollback(savepoint);
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("42P01") || state.equals("42703")) {
        return new PreflightCheck(statement.index(), statement.line(), q.check, q.table, -1, List.of(), q.sql,
            "not checked: the table or column does not exist on the live database yet", null);
      }
      if (q.check.equals("values-before-type-change") && !state.equals("57014")) {
        // The cast itself failed: that is the answer (a value that does not fit, with PostgreSQL's words).
        return new PreflightCheck(statement.index(), statement.line(), q.check, q.table, -1, List.of(), q.sql,
            "existing values do not convert: " + e.getMessage().lines().findFirst().orElse(""), null);
      }
      String why = state.equals("57014") ? "timed out after " + timeoutMs + " ms" : e.getMessage();
      return new PreflightCheck(statement.index(), statement.line(), q.check, q.table, -1, List.of(), q.sql,
          "not checked: " + why, why);
    }
  }

  private static List<Question> questions(Statement model) {
    List<Question> out = new ArrayList<>();
    if (model instanceof AlterTable at) {
      String table = StatementEffects.name(at.table());
      String t = at.table().sql();
      for (AlterTableAction action : at.actions()) {
        if (action instanceof AlterTableAction.SetNotNull set) {
          out.add(new Question("nulls-before-set-not-null", table,
              "SELECT count(*) FROM " + t + " WHERE " + q(set.column()) + " IS NULL", true, "NULL row(s)"));
        } else if (action instanceof AlterTableAction.AddColumn add) {
          ColumnDefinition c = add.column();
          if (c.notNull() && !c.hasDefault() && c.generated() == null && (c.type() == null || !c.type().serial())) {
            out.add(new Question("rows-before-add-not-null-column", table,
                "SELECT count(*) FROM (SELECT 1 FROM " + t + " LIMIT 1) x", true, "existing row(s)"));
          }
        } else if (action instanceof AlterTableAction.AddConstraint ac) {
          constraint(out, at.table(), table, ac.constraint());
        } else if (action instanceof AlterTableAction.AlterColumnType type) {
          String value = type.using() != null ? type.using() : q(type.column());
          String target = type.type().name().toLowerCase(java.util.Locale.ROOT);
          int length = type.type().length();
          if (length > 0 && (target.contains("char") || target.equals("bit varying"))) {
            // An explicit cast to varchar(n) truncates silently; ALTER TYPE refuses instead: count what is too long.
            out.add(new Question("values-before-type-change", table, "SELECT count(*) FROM " + t + " WHERE length(("
                + value + ")::text) > " + length, true, "value(s) longer than " + length));
          } else {
            // count(expr) evaluates the cast on every row; a value that does not convert fails the query.
            out.add(new Question("values-before-type-change", table, "SELECT count(CAST(" + value + " AS "
                + type.type().sql() + ")) - count(*) FROM " + t, true, "value(s) that do not convert"));
          }
        }
      }
    } else if (model instanceof CreateIndex ci && ci.unique() && ci.where() == null
        && ci.elements().stream().allMatch(e -> e.column() != null)) {
      out.add(duplicates(StatementEffects.name(ci.table()), ci.table().sql(), ci.columns()));
    }
    return out;
  }

  private static void constraint(List<Question> out, QualifiedName name, String table, TableConstraint c) {
    String t = name.sql();
    if (c instanceof TableConstraint.Check check) {
      out.add(new Question("rows-violating-check", table,
          "SELECT count(*) FROM " + t + " WHERE NOT (" + check.expression() + ")", true, "row(s) violating the CHECK"));
    } else if (c instanceof TableConstraint.Unique u && u.usingIndex() == null && !u.columns().isEmpty()) {
      out.add(duplicates(table, t, u.columns()));
    } else if (c instanceof TableConstraint.PrimaryKey pk && pk.usingIndex() == null && !pk.columns().isEmpty()) {
      out.add(duplicates(table, t, pk.columns()));
      pk.columns().forEach(col -> out.add(new Question("nulls-before-set-not-null", table,
          "SELECT count(*) FROM " + t + " WHERE " + q(col) + " IS NULL", true, "NULL row(s)")));
    } else if (c instanceof TableConstraint.ForeignKey fk && !fk.referencedColumns().isEmpty()
        && fk.referencedColumns().size() == fk.columns().size()) {
      StringBuilder join = new StringBuilder();
      StringBuilder notNull = new StringBuilder();
      for (int i = 0; i < fk.columns().size(); i++) {
        join.append(i == 0 ? "" : " AND ").append("p.").append(q(fk.referencedColumns().get(i))).append(" = c.")
            .append(q(fk.columns().get(i)));
        notNull.append(i == 0 ? "" : " AND ").append("c.").append(q(fk.columns().get(i))).append(" IS NOT NULL");
      }
      out.add(new Question("orphans-before-foreign-key", table, "SELECT count(*) FROM " + t + " c WHERE " + notNull
          + " AND NOT EXISTS (SELECT 1 FROM " + fk.referencedTable().sql() + " p WHERE " + join + ")", true,
          "row(s) without a matching " + fk.referencedTable()));
    }
  }

  private static Question duplicates(String table, String t, List<String> columns) {
    String cols = columns.stream().map(Preflight::q).collect(Collectors.joining(", "));
    return new Question("duplicates-before-unique", table, "SELECT concat_ws(', ', " + cols + ") FROM " + t
        + " WHERE " + columns.stream().map(c -> q(c) + " IS NOT NULL").collect(Collectors.joining(" AND "))
        + " GROUP BY " + cols + " HAVING count(*) > 1", false, "duplicated value(s)");
  }

  private static String q(String identifier) {
    return dev.migrationmcp.tools.sql.Identifiers.quote(identifier);
  }
}
