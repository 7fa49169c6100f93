package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.Identifiers;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.Delete;
import dev.migrationmcp.tools.sql.model.Insert;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Query;
import dev.migrationmcp.tools.sql.model.SetParameter;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the shape of UPDATE, DELETE, INSERT and queries (a leading WITH included): the target
 * table, the assigned columns and which clauses are present. Expressions are not read.
 */
final class DmlReader {
  private static final Set<String> ASSIGNMENT_END = Set.of("from", "where", "returning", "limit", "order");
  private static final Set<String> DATA_MODIFYING = Set.of("insert", "update", "delete", "merge");

  private DmlReader() {}

  /** Reads a DML statement or query starting at the cursor (WITH, UPDATE, DELETE, INSERT, SELECT, VALUES, TABLE, '('). */
  static Statement read(TokenCursor c) {
    boolean modifiesData = false;
    if (c.accept("with")) {
      modifiesData = skipCommonTableExpressions(c);
    }
    if (c.at("update")) {
      return update(c);
    }
    if (c.at("delete")) {
      return delete(c);
    }
    if (c.at("insert")) {
      return insert(c);
    }
    if (c.at("merge")) {
      throw c.error("SELECT, INSERT, UPDATE or DELETE (MERGE is classified, not read)");
    }
    return query(c, modifiesData);
  }

  /** Skips {@code [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (query) [, …]}; true for a data-modifying CTE. */
  private static boolean skipCommonTableExpressions(TokenCursor c) {
    c.accept("recursive");
    boolean modifies = false;
    do {
      c.identifier("a common table expression name");
      if (c.atSymbol("(")) {
        c.skipParenthesized();
      }
      c.expect("as");
      c.accept("not");
      c.accept("materialized");
      if (!c.atSymbol("(")) {
        throw c.error("'(' with the common table expression");
      }
      if (DATA_MODIFYING.contains(c.word(1))) {
        modifies = true;
      }
      c.skipParenthesized();
      if (c.accept("search")) {
        while (!c.atEnd() && !c.atSymbol(",") && !c.at("cycle") && !startsMain(c)) {
          c.next();
        }
      }
      if (c.accept("cycle")) {
        while (!c.atEnd() && !c.atSymbol(",") && !startsMain(c)) {
          c.next();
        }
      }
    } while (c.acceptSymbol(","));
    return modifies;
  }

  private static boolean startsMain(TokenCursor c) {
    return c.at("select") || c.at("insert") || c.at("update") || c.at("delete") || c.at("values")
        || c.at("merge") || c.at("table");
  }

  private static Update update(TokenCursor c) {
    c.expect("update");
    boolean only = c.accept("only");
    QualifiedName table = c.qualifiedName("a table name");
    c.acceptSymbol("*");
    String alias = null;
    if (c.accept("as")) {
      alias = c.identifier("an alias");
    } else if (c.peek().isIdentifier() && !c.at("set")) {
      alias = c.identifier("an alias");
    }
    c.expect("set");
    List<String> columns = new ArrayList<>();
    do {
      if (c.atSymbol("(")) {
        columns.addAll(c.identifierList("a column name"));
      } else {
        columns.add(c.identifier("a column name"));
        while (c.atSymbol(".") || c.atSymbol("[")) {
          if (c.acceptSymbol(".")) {
            c.identifier("a field name");
          } else {
            c.next();
            c.expression("a subscript", Set.of());
            c.expectSymbol("]");
          }
        }
      }
      if (!c.acceptSymbol("=")) {
        throw c.error("'=' after the assigned column");
      }
      c.expression("the assigned value", ASSIGNMENT_END);
    } while (c.acceptSymbol(","));
    boolean hasFrom = c.findTopLevel(Set.of("from")) >= 0;
    boolean hasWhere = c.findTopLevel(Set.of("where")) >= 0;
    boolean hasLimit = c.findTopLevel(Set.of("limit")) >= 0;
    boolean hasReturning = c.findTopLevel(Set.of("returning")) >= 0;
    c.rest();
    return new Update(table, only, alias, columns, hasWhere, hasFrom, hasLimit, hasReturning);
  }

  private static Delete delete(TokenCursor c) {
    c.expect("delete", "from");
    boolean only = c.accept("only");
    QualifiedName table = c.qualifiedName("a table name");
    c.acceptSymbol("*");
    boolean hasUsing = c.findTopLevel(Set.of("using")) >= 0;
    boolean hasWhere = c.findTopLevel(Set.of("where")) >= 0;
    boolean hasLimit = c.findTopLevel(Set.of("limit")) >= 0;
    boolean hasReturning = c.findTopLevel(Set.of("returning")) >= 0;
    c.rest();
    return new Delete(table, only, hasWhere, hasUsing, hasLimit, hasReturning);
  }

  private static Insert insert(TokenCursor c) {
    c.expect("insert", "into");
    QualifiedName table = c.qualifiedName("a table name");
    if (c.accept("as")) {
      c.identifier("an alias");
    }
    List<String> columns = List.of();
    if (c.atSymbol("(") && !startsQuery(c.peek(1))) {
      columns = c.identifierList("a column name");
    }
    if (c.accept("overriding")) {
      c.identifier("SYSTEM or USER");
      c.expect("value");
    }
    boolean onConflict = false;
    Insert.Source source;
    int rows = -1;
    String query = null;
    if (c.accept("default", "values")) {
      source = Insert.Source.DEFAULT_VALUES;
    } else if (c.accept("values")) {
      source = Insert.Source.VALUES;
      rows = 0;
      do {
        if (!c.atSymbol("(")) {
          throw c.error("'(' with a row of values");
        }
        c.skipParenthesized();
        rows++;
      } while (c.acceptSymbol(","));
    } else if (startsQuery(c.peek())) {
      source = Insert.Source.QUERY;
      int start = c.position();
      int end = c.findTopLevel(Set.of("on", "returning"));
      while (end >= 0 && c.token(end).is("on") && !c.token(end + 1).is("conflict")) {
        c.reset(end + 1);
        end = c.findTopLevel(Set.of("on", "returning"));
      }
      c.reset(start);
      int stop = end < 0 ? c.size() : end;
      query = c.textBetween(start, stop);
      c.reset(stop);
    } else {
      throw c.error("VALUES, DEFAULT VALUES or a query");
    }
    if (c.at("on", "conflict")) {
      onConflict = true;
    }
    boolean hasReturning = c.findTopLevel(Set.of("returning")) >= 0;
    c.rest();
    return new Insert(table, columns, source, rows, query, onConflict, hasReturning);
  }

  private static boolean startsQuery(SqlToken t) {
    return t.is("select") || t.is("with") || t.is("values") || t.is("table") || t.isSymbol("(");
  }

  private static Query query(TokenCursor c, boolean modifiesData) {
    SqlToken first = c.peek();
    String kind;
    if (first.isSymbol("(") || first.is("select")) {
      kind = "SELECT";
    } else if (first.is("values")) {
      kind = "VALUES";
    } else if (first.is("table")) {
      kind = "SELECT";
    } else {
      throw c.error("SELECT, VALUES, TABLE, INSERT, UPDATE or DELETE");
    }
    QualifiedName into = null;
    if (first.is("select")) {
      int at = c.findTopLevel(Set.of("into"));
      if (at >= 0) {
        c.reset(at + 1);
        while (c.at("temporary") || c.at("temp") || c.at("unlogged") || c.at("table")) {
          c.next();
        }
        if (!c.at("strict")) {
          into = c.qualifiedName("a table name after INTO");
          kind = "SELECT INTO";
        }
      }
    }
    c.reset(0);
    List<SetParameter> settings = setConfigCalls(c);
    c.rest();
    return new Query(kind, into, modifiesData, settings);
  }

  /** {@code [pg_catalog.]set_config('name', 'value', true|false)} calls with literal arguments. */
  private static List<SetParameter> setConfigCalls(TokenCursor c) {
    List<SetParameter> settings = new ArrayList<>();
    for (int i = 0; i + 7 < c.size(); i++) {
      if (c.token(i).is("set_config") && c.token(i + 1).isSymbol("(") && c.token(i + 2).type() == TokenType.STRING
          && c.token(i + 3).isSymbol(",") && c.token(i + 4).type() == TokenType.STRING
          && c.token(i + 5).isSymbol(",") && (c.token(i + 6).is("true") || c.token(i + 6).is("false"))
          && c.token(i + 7).isSymbol(")")) {
        settings.add(new SetParameter(Identifiers.fold(c.token(i + 2).value()), c.token(i + 4).value(),
            c.token(i + 6).is("true")));
      }
    }
    return settings;
  }
}
