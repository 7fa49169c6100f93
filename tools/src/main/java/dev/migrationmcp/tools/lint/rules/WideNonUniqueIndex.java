package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.IndexElement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A non-unique index with more than three key columns: large, slow to maintain on every write, and
 * rarely used beyond its leading columns. Unique indexes are not concerned: their width is the
 * constraint.
 */
@LintRule(id = "wide-non-unique-index", severity = Severity.INFO, category = Category.STYLE, lock = LockMode.SHARE,
    summary = "a non-unique index with more than three key columns costs more on writes than it saves on reads")
public final class WideNonUniqueIndex implements Rule {
  static final int MAX_KEYS = 3;

  @Override
  public void check(RuleContext c) {
    if (!(c.model() instanceof CreateIndex index) || index.unique() || index.elements().size() <= MAX_KEYS) {
      return;
    }
    List<IndexElement> keys = index.elements().subList(0, MAX_KEYS);
    List<IndexElement> rest = index.elements().subList(MAX_KEYS, index.elements().size());
    boolean include = index.method().equals("btree") && c.pgVersion() >= 11
        && rest.stream().noneMatch(IndexElement::isExpression);
    List<String> included = new java.util.ArrayList<>(index.include());
    if (include) {
      rest.forEach(e -> included.add(e.column()));
    }
    String fix = "CREATE INDEX " + (index.concurrently() ? "CONCURRENTLY " : "") + (index.ifNotExists()
        ? "IF NOT EXISTS " : "") + (index.name() == null ? "" : Sql.quote(index.name()) + " ") + "ON "
        + (index.only() ? "ONLY " : "") + index.table() + (index.method().equals("btree") ? "" : " USING "
        + index.method()) + " (" + keys.stream().map(WideNonUniqueIndex::element).collect(Collectors.joining(", "))
        + ")" + (included.isEmpty() ? "" : " INCLUDE (" + Sql.columns(included) + ")")
        + (index.where() == null ? "" : " WHERE " + index.where()) + ";";
    c.report()
        .table(index.table())
        .lock(index.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE)
        .at("(")
        .message("the index on " + index.table() + " has " + index.elements().size() + " key columns: every INSERT "
            + "and every UPDATE of any of them writes a wide entry, the index is large, and queries rarely use it "
            + "beyond its leading columns")
        .why("A B-tree is searched by its leading keys; trailing keys mostly cost space and write time. Columns "
            + "only needed to answer a query without visiting the table belong in INCLUDE (PostgreSQL 11+).")
        .fix(fix + (include ? "" : "  -- keep the three most selective keys the queries filter on"))
        .emit();
  }

  private static String element(IndexElement e) {
    StringBuilder out = new StringBuilder(e.isExpression() ? e.expression() : Sql.quote(e.column()));
    if (e.collation() != null) {
      out.append(" COLLATE ").append(Sql.quote(e.collation()));
    }
    if (e.opclass() != null) {
      out.append(' ').append(e.opclass());
    }
    if (e.descending()) {
      out.append(" DESC");
    }
    if (e.nulls() != null) {
      out.append(" NULLS ").append(e.nulls());
    }
    return out.toString();
  }
}
