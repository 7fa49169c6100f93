package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.RuleContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterType;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.CreateSequence;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.CreateType;
import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.Truncate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Opt-in: DDL that names a table (or view, sequence, type, index) without its schema, so
 * search_path decides which object it means — a different one for a role or tool with another
 * search_path, or none at all. Temporary tables are not concerned.
 */
@LintRule(id = "schema-qualified-names", severity = Severity.WARNING, category = Category.STYLE, optIn = true,
    summary = "DDL names an object without its schema, so search_path decides which one it means")
public final class SchemaQualifiedNames implements Rule {
  private static final Set<ObjectType> SCHEMA_OBJECTS = EnumSet.of(ObjectType.TABLE, ObjectType.VIEW,
      ObjectType.MATERIALIZED_VIEW, ObjectType.FOREIGN_TABLE, ObjectType.SEQUENCE, ObjectType.TYPE,
      ObjectType.DOMAIN);

  @Override
  public void check(RuleContext c) {
    List<QualifiedName> unqualified = new ArrayList<>();
    for (QualifiedName name : names(c.model())) {
      if (!name.isQualified() && !unqualified.contains(name)) {
        unqualified.add(name);
      }
    }
    if (unqualified.isEmpty()) {
      return;
    }
    String fixed = c.text();
    List<String> qualified = new ArrayList<>();
    for (QualifiedName name : unqualified) {
      String schema = c.liveTable(name).map(TableInfo::schema).orElse("public");
      qualified.add(Sql.quote(schema) + "." + name);
      fixed = qualify(fixed, name.name(), Sql.quote(schema), c.model() instanceof CreateIndex);
    }
    c.report()
        .at(Clauses.at(c.text(), unqualified.get(0).name()))
        .message(c.model().kind() + " names " + String.join(", ", unqualified.stream().map(QualifiedName::sql)
            .toList()) + " without a schema: search_path decides which object that is, so a role, tool or session "
            + "with another search_path changes a different object, or fails")
        .why("Flyway, psql and the application may run with different search_path settings; a qualified name means "
            + "the same object everywhere.")
        .fix(Sql.oneLine(fixed) + ";" + (qualified.stream().anyMatch(q -> q.startsWith("public."))
            ? "  -- with the schema the object lives in" : ""))
        .emit();
  }

  private static List<QualifiedName> names(Statement s) {
    if (s instanceof CreateTable ct && ct.persistence() != CreateTable.Persistence.TEMPORARY) {
      return List.of(ct.name());
    } else if (s instanceof AlterTable at) {
      return List.of(at.table());
    } else if (s instanceof CreateIndex ci) {
      return List.of(ci.table());
    } else if (s instanceof DropIndex di) {
      return di.names();
    } else if (s instanceof DropObject d && SCHEMA_OBJECTS.contains(d.type())) {
      return d.names();
    } else if (s instanceof Truncate t) {
      return t.tables();
    } else if (s instanceof CreateView v && !v.temporary()) {
      return List.of(v.name());
    } else if (s instanceof CreateSequence cs) {
      return List.of(cs.name());
    } else if (s instanceof CreateType ct) {
      return List.of(ct.name());
    } else if (s instanceof AlterType at) {
      return List.of(at.name());
    }
    return List.of();
  }

  /** {@code text} with the first unqualified mention of {@code name} (after ON, for CREATE INDEX) qualified. */
  private static String qualify(String text, String name, String schema, boolean afterOn) {
    Clauses clauses = Clauses.of(text);
    List<SqlToken> tokens = clauses.tokens();
    int from = afterOn ? Math.max(0, clauses.find(0, Set.of("on"))) : 0;
    for (int i = from; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      boolean dotted = i > 0 && tokens.get(i - 1).isSymbol(".") || i + 1 < tokens.size()
          && tokens.get(i + 1).isSymbol(".");
      if (t.isIdentifier() && t.value().equals(name) && !dotted) {
        return text.substring(0, t.start()) + schema + "." + text.substring(t.start());
      }
    }
    return text;
  }
}
