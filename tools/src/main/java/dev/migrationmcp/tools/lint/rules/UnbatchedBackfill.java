package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.ByteSizes;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.Delete;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Update;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An UPDATE or DELETE on an existing table that is not bounded to a slice of it — no WHERE, or a
 * WHERE that is neither a key range ({@code id BETWEEN …}, {@code id >= … AND id < …}), a lookup of
 * given keys ({@code id = …}, {@code id IN (…)}, {@code id = ANY (…)}; the live primary key and
 * single-column unique keys when known, else {@code id}) nor a batch ({@code LIMIT} in a subquery or
 * CTE): one transaction then changes every matching row, holds their row locks until commit, bloats the
 * table and writes a burst of WAL that replicas lag behind. With a live schema the finding says
 * how many rows the table has; small tables relax it to info and large ones make it an error.
 */
@LintRule(id = "unbatched-backfill", severity = Severity.WARNING, category = Category.LOCKING,
    lock = LockMode.ROW_EXCLUSIVE, summary = "UPDATE or DELETE of a whole table, or a large part of it, in one transaction")
public final class UnbatchedBackfill implements Rule {
  private static final Set<String> LOWER = Set.of(">", ">=");
  private static final Set<String> UPPER = Set.of("<", "<=");

  @Override
  public void check(RuleContext c) {
    QualifiedName table;
    String alias = null;
    boolean hasWhere;
    boolean update = c.model() instanceof Update;
    if (c.model() instanceof Update u && !u.hasLimit()) {
      table = u.table();
      alias = u.alias();
      hasWhere = u.hasWhere();
    } else if (c.model() instanceof Delete d && !d.hasLimit()) {
      table = d.table();
      hasWhere = d.hasWhere();
    } else {
      return;
    }
    if (c.isNewTable(table)) {
      return;
    }
    Optional<TableInfo> live = c.liveTable(table);
    List<String> key = live.map(t -> t.primaryKey() == null ? List.<String>of() : t.primaryKey().columns())
        .filter(k -> !k.isEmpty()).orElse(List.of("id"));
    Set<String> unique = new HashSet<>(key);
    live.ifPresent(t -> t.uniques().stream().filter(u -> u.columns().size() == 1)
        .forEach(u -> unique.addAll(u.columns())));
    Clauses clauses = Clauses.of(c.text());
    String where = hasWhere ? clauses.clause(0, "where", Set.of("returning")) : null;
    if (clauses.contains("limit") || where != null && bounded(Clauses.of(where).tokens(), unique)) {
      return;
    }
    String size = live.map(t -> c.settings().thresholds().isLarge(t.rowsEstimate(), t.totalBytes())
        ? " — up to " + ByteSizes.rows(t.rowsEstimate()) + " in one transaction"
        : " (" + ByteSizes.rows(t.rowsEstimate()) + ")").orElse("");
    String what = (update ? "UPDATE" : "DELETE") + " of " + table + (where == null ? " without WHERE"
        : " with a WHERE that is not a key range") + " changes every matching row in one statement" + size;
    c.report()
        .table(table)
        .at(where == null ? null : "WHERE")
        .message(what + ": each changed row stays locked until commit (concurrent updates of it wait), dead rows "
            + "bloat the table and the WAL burst makes replicas lag")
        .why("One transaction is as long as the whole change; batches of a few thousand rows by key range keep each "
            + "transaction, its row locks and its WAL short, and let vacuum keep up.")
        .fix(batched(clauses, update, table, alias, where, key.get(0)))
        .emit();
  }

  /** A key range, a lookup of given keys, or an explicit batch. */
  static boolean bounded(List<SqlToken> where, Set<String> key) {
    Set<String> lower = new HashSet<>();
    Set<String> upper = new HashSet<>();
    for (int i = 0; i < where.size(); i++) {
      SqlToken t = where.get(i);
      if (t.is("between") && (i == 0 || !where.get(i - 1).is("not"))) {
        return true;
      }
      if (t.type() != TokenType.OPERATOR) {
        continue;
      }
      String left = i > 0 && where.get(i - 1).isIdentifier() ? where.get(i - 1).value() : null;
      String right = i + 1 < where.size() && where.get(i + 1).isIdentifier() ? where.get(i + 1).value() : null;
      String op = t.text();
      if (LOWER.contains(op)) {
        add(lower, left);
        add(upper, right);
      } else if (UPPER.contains(op)) {
        add(upper, left);
        add(lower, right);
      } else if (op.equals("=") && (left != null && key.contains(left)
          && (constant(where, i + 1) || anyArray(where, i + 1))
          || right != null && key.contains(right) && i > 0 && constantToken(where.get(i - 1)))) {
        return true;
      }
    }
    for (int i = 0; i + 2 < where.size(); i++) {
      if (where.get(i).isIdentifier() && key.contains(where.get(i).value()) && where.get(i + 1).is("in")
          && where.get(i + 2).isSymbol("(") && !(i + 3 < where.size() && where.get(i + 3).is("select"))) {
        return true;
      }
    }
    lower.retainAll(upper);
    return !lower.isEmpty();
  }

  private static void add(Set<String> set, String column) {
    if (column != null) {
      set.add(column);
    }
  }

  /** {@code ANY (…)} over given values, not over a subquery. */
  private static boolean anyArray(List<SqlToken> tokens, int at) {
    return at + 2 < tokens.size() && tokens.get(at).is("any") && tokens.get(at + 1).isSymbol("(")
        && !tokens.get(at + 2).is("select");
  }

  private static boolean constant(List<SqlToken> tokens, int at) {
    return at < tokens.size() && constantToken(tokens.get(at));
  }

  private static boolean constantToken(SqlToken t) {
    return t.type() == TokenType.NUMBER || t.type() == TokenType.STRING || t.type() == TokenType.PARAMETER
        || t.type() == TokenType.PLACEHOLDER;
  }

  /** The same change as a loop of key-range batches through a CTE. */
  private static String batched(Clauses clauses, boolean update, QualifiedName table, String alias, String where,
      String key) {
    String k = Sql.quote(key);
    String ref = alias != null ? Sql.quote(alias) : Sql.quote(table.name());
    String target = table + (alias == null ? "" : " AS " + Sql.quote(alias));
    String joined = update ? clauses.clause(0, "from", Set.of("where", "returning"))
        : clauses.clause(0, "using", Set.of("where", "returning"));
    String head = "-- run repeatedly, each run its own short transaction: start with :last_" + key + " below the "
        + "smallest " + key + ", then set it to the highest " + key + " returned; stop when no row is returned\n"
        + "WITH batch AS (\n  SELECT " + (joined == null ? "" : "DISTINCT ") + ref + "." + k + " FROM " + target
        + (joined == null ? "" : ", " + joined) + "\n  WHERE " + ref + "." + k + " > :last_" + key
        + (where == null ? "" : " AND (" + where + ")") + "\n  ORDER BY " + ref + "." + k + " LIMIT 5000\n)\n";
    String match = " WHERE " + ref + "." + k + " = batch." + k + (joined == null || where == null ? ""
        : " AND (" + where + ")") + " RETURNING " + ref + "." + k + ";";
    if (update) {
      String set = clauses.clause(clauses.find(0, Set.of("update")) + 1, "set", Set.of("from", "where", "returning"));
      return head + "UPDATE " + target + " SET " + set + " FROM batch" + (joined == null ? "" : ", " + joined) + match;
    }
    return head + "DELETE FROM " + target + " USING batch" + (joined == null ? "" : ", " + joined) + match;
  }
}
