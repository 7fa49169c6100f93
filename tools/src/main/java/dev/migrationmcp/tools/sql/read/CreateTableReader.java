package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/** Reads CREATE TABLE in its column-list, PARTITION OF, OF type and AS query forms. */
final class CreateTableReader {
  private CreateTableReader() {}

  /** Called with the cursor after {@code CREATE [persistence] TABLE}. */
  static CreateTable read(TokenCursor c, CreateTable.Persistence persistence) {
    boolean ifNotExists = c.accept("if", "not", "exists");
    QualifiedName name = c.qualifiedName("a table name");
    List<ColumnDefinition> columns = new ArrayList<>();
    List<TableConstraint> constraints = new ArrayList<>();
    List<QualifiedName> like = new ArrayList<>();
    List<QualifiedName> inherits = new ArrayList<>();
    QualifiedName partitionOf = null;
    String partitionBound = null;

    if (isCreateTableAs(c)) {
      return createTableAs(c, name, ifNotExists, persistence);
    }
    boolean typed = true;
    if (c.accept("partition", "of")) {
      partitionOf = c.qualifiedName("the parent table");
      typed = false;
    } else if (c.accept("of")) {
      TypeReader.read(c);
      typed = false;
    }
    if (c.atSymbol("(")) {
      c.next();
      if (!c.atSymbol(")")) {
        do {
          if (ConstraintReader.atTableConstraint(c)) {
            constraints.add(ConstraintReader.tableConstraint(c));
          } else if (c.at("like") && typed) {
            c.next();
            like.add(c.qualifiedName("the table to copy"));
            while (c.at("including") || c.at("excluding")) {
              c.next();
              c.identifier("a LIKE option");
            }
          } else {
            columns.add(ConstraintReader.column(c, typed));
          }
        } while (c.acceptSymbol(","));
      }
      c.expectSymbol(")");
    } else if (partitionOf == null && typed) {
      throw c.error("'(' with the column list, PARTITION OF, OF or AS");
    }
    if (partitionOf != null) {
      int boundStart = c.position();
      if (c.accept("default")) {
        partitionBound = "DEFAULT";
      } else {
        c.expect("for", "values");
        if (c.accept("in") || c.accept("with")) {
          c.parenthesized("'(' with the partition values");
        } else {
          c.expect("from");
          c.parenthesized("'(' with the lower bound");
          c.expect("to");
          c.parenthesized("'(' with the upper bound");
        }
        partitionBound = c.textSince(boundStart);
      }
    }
    String partitionBy = null;
    while (!c.atEnd()) {
      if (c.accept("inherits")) {
        c.expectSymbol("(");
        inherits.addAll(c.qualifiedNames("a parent table"));
        c.expectSymbol(")");
      } else if (c.accept("partition", "by")) {
        int start = c.position();
        c.identifier("RANGE, LIST or HASH");
        c.parenthesized("'(' with the partition key");
        partitionBy = c.textSince(start);
      } else if (c.accept("using")) {
        c.identifier("a table access method");
      } else if (c.accept("with")) {
        c.skipParenthesized();
      } else if (c.accept("without", "oids")) {
        continue;
      } else if (c.accept("on", "commit")) {
        if (!c.accept("preserve", "rows") && !c.accept("delete", "rows")) {
          c.expect("drop");
        }
      } else if (c.accept("tablespace")) {
        c.identifier("a tablespace name");
      } else {
        throw c.error("INHERITS, PARTITION BY, USING, WITH, ON COMMIT, TABLESPACE or the end");
      }
    }
    return new CreateTable(name, ifNotExists, persistence, columns, constraints, like, inherits, partitionOf,
        partitionBound, partitionBy, null, false);
  }

  /** {@code name [(col, …)] [USING m] [WITH (…)] [ON COMMIT …] [TABLESPACE t] AS …}. */
  private static boolean isCreateTableAs(TokenCursor c) {
    int mark = c.position();
    try {
      if (c.atSymbol("(")) {
        c.skipParenthesized();
      }
      while (true) {
        if (c.accept("as")) {
          return true;
        }
        if (c.accept("using")) {
          c.next();
        } else if (c.at("with") && c.peek(1).isSymbol("(")) {
          c.next();
          c.skipParenthesized();
        } else if (c.accept("without", "oids") || c.accept("on", "commit", "preserve", "rows")
            || c.accept("on", "commit", "delete", "rows") || c.accept("on", "commit", "drop")) {
          continue;
        } else if (c.accept("tablespace")) {
          c.next();
        } else {
          return false;
        }
      }
    } catch (ReadException e) {
      return false;
    } finally {
      c.reset(mark);
    }
  }

  private static CreateTable createTableAs(TokenCursor c, QualifiedName name, boolean ifNotExists,
      CreateTable.Persistence persistence) {
    List<ColumnDefinition> columns = new ArrayList<>();
    if (c.atSymbol("(")) {
      for (String column : c.identifierList("a column name")) {
        columns.add(new ColumnDefinition(column, null, null, null, false, null, List.of()));
      }
    }
    while (!c.accept("as")) {
      c.next();
    }
    int queryStart = c.position();
    int end = c.size();
    boolean withNoData = false;
    if (end >= 3 && c.token(end - 1).is("data") && c.token(end - 2).is("no") && c.token(end - 3).is("with")) {
      withNoData = true;
      end -= 3;
    } else if (end >= 2 && c.token(end - 1).is("data") && c.token(end - 2).is("with")) {
      end -= 2;
    }
    String query = c.textBetween(queryStart, end);
    if (query.isEmpty()) {
      throw c.error("a query after AS");
    }
    c.rest();
    return new CreateTable(name, ifNotExists, persistence, columns, List.of(), List.of(), List.of(), null, null, null,
        query, withNoData);
  }
}
