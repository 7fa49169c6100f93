package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.model.Update;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code UPDATE … SET a = …, a = …}: PostgreSQL rejects it ("multiple assignments to same column").
 * Assigning different fields or subscripts of one column ({@code SET addr.city = …, addr.zip = …})
 * is allowed and not reported.
 */
@LintRule(id = "duplicate-column-assignment", severity = Severity.ERROR, category = Category.STYLE,
    lock = LockMode.ROW_EXCLUSIVE, summary = "UPDATE assigns the same column twice, which PostgreSQL rejects")
public final class DuplicateColumnAssignment implements Rule {
  private static final Set<String> SET_END = Set.of("from", "where", "returning");

  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof Update update) || update.duplicateAssignments().isEmpty()) {
      return;
    }
    Map<String, List<Target>> targets = targets(c.text());
    for (String column : update.duplicateAssignments()) {
      List<Target> assigned = targets.getOrDefault(column, List.of());
      if (assigned.size() < 2 || assigned.stream().noneMatch(Target::whole)) {
        continue;
      }
      List<String> values = assigned.stream().map(Target::assignment).toList();
      c.report()
          .table(update.table())
          .at(c.text().substring(assigned.get(1).offset()))
          .message("UPDATE " + update.table() + " assigns " + Sql.quote(column) + " " + assigned.size() + " times ("
              + String.join("; ", values) + "): PostgreSQL rejects the statement with \"multiple assignments to "
              + "same column\", so the migration fails here")
          .why("Each column can be set once per UPDATE; the duplicate is usually a copy-paste slip in which one of "
              + "the values was meant for another column.")
          .fix("Keep one assignment of " + Sql.quote(column) + " and point the other at the column it was meant for: "
              + "UPDATE " + update.table() + " SET " + values.get(values.size() - 1) + ", … ;")
          .emit();
    }
  }

  /**
   * An assignment target.
   *
   * @param whole the whole column, not one of its fields or subscripts
   * @param assignment the assignment as written, on one line
   * @param offset where the assignment starts in the statement's text
   */
  private record Target(boolean whole, String assignment, int offset) {}

  /** The SET targets of an UPDATE by column, read from the statement's text. */
  private static Map<String, List<Target>> targets(String text) {
    Clauses clauses = Clauses.of(text);
    List<SqlToken> tokens = clauses.tokens();
    Map<String, List<Target>> out = new LinkedHashMap<>();
    int set = clauses.find(clauses.find(0, Set.of("update")) + 1, Set.of("set"));
    if (set < 0) {
      return out;
    }
    int end = clauses.find(set + 1, SET_END);
    end = end < 0 ? tokens.size() : end;
    int i = set + 1;
    while (i < end) {
      int next = i;
      int depth = 0;
      while (next < end && !(depth == 0 && tokens.get(next).isSymbol(","))) {
        SqlToken t = tokens.get(next);
        depth += t.isSymbol("(") || t.isSymbol("[") ? 1 : t.isSymbol(")") || t.isSymbol("]") ? -1 : 0;
        next++;
      }
      String assignment = clauses.slice(i, next);
      int offset = tokens.get(i).start();
      if (tokens.get(i).isSymbol("(")) {
        List<String> columns = new ArrayList<>();
        for (int k = i + 1; k < next && !tokens.get(k).isSymbol(")"); k++) {
          if (tokens.get(k).isIdentifier()) {
            columns.add(tokens.get(k).value());
          }
        }
        for (String col : columns) {
          out.computeIfAbsent(col, x -> new ArrayList<>()).add(new Target(true, assignment, offset));
        }
      } else if (tokens.get(i).isIdentifier()) {
        boolean whole = i + 1 < end && tokens.get(i + 1).isSymbol("=");
        out.computeIfAbsent(tokens.get(i).value(), x -> new ArrayList<>()).add(new Target(whole, assignment, offset));
      }
      i = next + 1;
    }
    return out;
  }
}
