package dev.migrationmcp.tools.lint.rules;

import dev.migrationmcp.tools.lint.Category;
import dev.migrationmcp.tools.lint.LintRule;
import dev.migrationmcp.tools.lint.LockMode;
import dev.migrationmcp.tools.lint.Rule;
import dev.migrationmcp.tools.lint.ScriptContext;
import dev.migrationmcp.tools.lint.Severity;
import dev.migrationmcp.tools.lint.StatementEffects;
import dev.migrationmcp.tools.schema.IndexInfo;
import dev.migrationmcp.tools.schema.TableInfo;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.read.ReadStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CREATE INDEX with the same method, keys, predicate and included columns as an index the table
 * already has (live, or created earlier in the script; a unique one serves a plain one too).
 * Building a replacement and then dropping the old index in the same script is not reported.
 */
@LintRule(id = "duplicate-index", severity = Severity.WARNING, category = Category.SCHEMA, lock = LockMode.SHARE,
    summary = "CREATE INDEX duplicates an index the table already has: double the write cost and disk for nothing")
public final class DuplicateIndex implements Rule {
  private record Twin(ReadStatement statement, CreateIndex index, IndexShape existing, String schema) {}

  @Override
  public void finish(ScriptContext c) {
    ScriptObjects objects = new ScriptObjects();
    List<Twin> twins = new ArrayList<>();
    for (ReadStatement s : c.script().statements()) {
      if (s.statement() instanceof DropIndex di) {
        di.names().forEach(n -> twins.removeIf(t -> t.existing().name() != null
            && t.existing().name().equals(n.name()) && t.schema().equals(n.schemaOr("public"))));
      } else if (s.statement() instanceof CreateIndex ci) {
        String table = StatementEffects.name(ci.table());
        String schema = ci.table().schemaOr("public");
        IndexShape shape = IndexShape.of(ci);
        List<IndexShape> existing = new ArrayList<>(objects.indexes(table));
        if (!objects.tableCreated(table)) {
          Optional<TableInfo> live = c.live().flatMap(l -> l.table(objects.originalName(table)));
          live.ifPresent(t -> t.indexes().stream().filter(IndexInfo::valid)
              .filter(i -> !objects.indexDropped(schema + "." + i.name())).map(IndexShape::of).forEach(existing::add));
        }
        boolean noOp = ci.ifNotExists() && existing.stream().anyMatch(e -> e.name() != null && e.name().equals(ci.name()));
        existing.stream()
            .filter(e -> !noOp)
            .filter(e -> e.serves(shape)).findFirst()
            .ifPresent(e -> twins.add(new Twin(s, ci, e, schema)));
      }
      objects.advance(s.statement());
    }
    for (Twin t : twins) {
      String twin = t.existing().name() == null ? "the index of a constraint created above" : t.existing().name();
      c.report(t.statement())
          .table(t.index().table())
          .at(t.index().name() == null ? "INDEX" : t.index().name())
          .lock(t.index().concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE)
          .message((t.index().name() == null ? "this index" : t.index().name()) + " duplicates " + twin + " on "
              + t.index().table() + " (" + t.existing().definition() + "): PostgreSQL keeps both, so every INSERT and "
              + "UPDATE maintains two copies and the disk holds two, and building it "
              + (t.index().concurrently() ? "scans the table" : "blocks writes (SHARE lock)") + " for nothing")
          .why("Indexes with the same method, keys, predicate and included columns answer the same queries; a unique "
              + "index also serves every lookup a plain one on the same keys would.")
          .fix("-- remove this statement: " + twin + " already serves these queries"
              + (t.existing().unique() && !t.index().unique() ? " (it is even unique)" : "")
              + "\n-- to rebuild a bloated index instead: REINDEX INDEX CONCURRENTLY " + twin + ";")
          .emit();
    }
  }
}
