package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.CreateView;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.RefreshMaterializedView;
import java.util.List;

/** Reads CREATE [MATERIALIZED] VIEW and REFRESH MATERIALIZED VIEW. */
final class ViewReader {
  private ViewReader() {}

  /** Called with the cursor after {@code CREATE [OR REPLACE] [TEMP] [RECURSIVE] [MATERIALIZED] VIEW}. */
  static CreateView create(TokenCursor c, boolean materialized, boolean orReplace, boolean temporary,
      boolean recursive) {
    boolean ifNotExists = c.accept("if", "not", "exists");
    QualifiedName name = c.qualifiedName("a view name");
    List<String> columns = c.atSymbol("(") ? c.identifierList("a column name") : List.of();
    while (!c.at("as")) {
      if (c.accept("using") || c.accept("tablespace")) {
        c.identifier("a name");
      } else if (c.accept("with")) {
        c.parenthesized("'(' with view options");
      } else {
        throw c.error("AS");
      }
    }
    c.expect("as");
    int queryStart = c.position();
    int end = c.size();
    boolean withNoData = false;
    if (end - 3 > queryStart && c.token(end - 1).is("data") && c.token(end - 2).is("no")
        && c.token(end - 3).is("with")) {
      withNoData = true;
      end -= 3;
    } else if (end - 2 > queryStart && c.token(end - 1).is("data") && c.token(end - 2).is("with")) {
      end -= 2;
    } else if (end - 3 > queryStart && c.token(end - 1).is("option") && c.token(end - 2).is("check")) {
      end -= 3;
      if (c.token(end - 1).is("with")) {
        end -= 1;
      }
    }
    String query = c.textBetween(queryStart, end);
    if (query.isEmpty()) {
      throw c.error("a query after AS");
    }
    c.rest();
    return new CreateView(name, materialized, orReplace, temporary, recursive, ifNotExists, columns, query,
        withNoData);
  }

  /** Called with the cursor after {@code REFRESH MATERIALIZED VIEW}. */
  static RefreshMaterializedView refresh(TokenCursor c) {
    boolean concurrently = c.accept("concurrently");
    QualifiedName name = c.qualifiedName("a materialized view name");
    boolean withNoData = false;
    if (c.accept("with", "no", "data")) {
      withNoData = true;
    } else {
      c.accept("with", "data");
    }
    c.expectEnd();
    return new RefreshMaterializedView(name, concurrently, withNoData);
  }
}
