package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.model.AlterIndex;
import dev.migrationmcp.tools.sql.model.CreateIndex;
import dev.migrationmcp.tools.sql.model.DropIndex;
import dev.migrationmcp.tools.sql.model.IndexElement;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Reindex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads CREATE INDEX, DROP INDEX, ALTER INDEX and REINDEX. */
final class IndexReader {
  private static final Set<String> ELEMENT_OPTION_WORDS = Set.of("collate", "asc", "desc", "nulls");

  private IndexReader() {}

  /** Called with the cursor after {@code CREATE [UNIQUE] INDEX}. */
  static CreateIndex create(TokenCursor c, boolean unique) {
    boolean concurrently = c.accept("concurrently");
    boolean ifNotExists = c.accept("if", "not", "exists");
    String name = null;
    if (!c.at("on")) {
      name = c.identifier("an index name or ON");
      if (c.atSymbol(".") && c.peek(1).isIdentifier()) {
        // Not valid PostgreSQL (the index lives in its table's schema), but read it anyway.
        c.next();
        name = c.identifier("an index name");
      }
    }
    c.expect("on");
    boolean only = c.accept("only");
    QualifiedName table = c.qualifiedName("a table name");
    String method = "btree";
    if (c.accept("using")) {
      method = c.identifier("an index method");
    }
    List<IndexElement> elements = elements(c);
    List<String> include = List.of();
    boolean nullsNotDistinct = false;
    String tablespace = null;
    String where = null;
    while (!c.atEnd()) {
      if (c.accept("include")) {
        include = c.identifierList("an included column");
      } else if (c.accept("nulls", "not", "distinct")) {
        nullsNotDistinct = true;
      } else if (c.accept("nulls", "distinct")) {
        nullsNotDistinct = false;
      } else if (c.at("with") && c.peek(1).isSymbol("(")) {
        c.next();
        c.skipParenthesized();
      } else if (c.accept("tablespace")) {
        tablespace = c.identifier("a tablespace name");
      } else if (c.accept("where")) {
        where = c.rest();
      } else {
        throw c.error("INCLUDE, WITH, TABLESPACE, WHERE or the end of the statement");
      }
    }
    return new CreateIndex(name, table, unique, concurrently, ifNotExists, only, method, elements, include,
        nullsNotDistinct, tablespace, where);
  }

  private static List<IndexElement> elements(TokenCursor c) {
    c.expectSymbol("(");
    List<IndexElement> elements = new ArrayList<>();
    do {
      elements.add(element(c));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    return elements;
  }

  /** {@code column | (expression) | function(args)} then {@code [COLLATE c] [opclass [(…)]] [ASC|DESC] [NULLS FIRST|LAST]}. */
  private static IndexElement element(TokenCursor c) {
    String column = null;
    String expression = null;
    SqlToken first = c.peek();
    if (first.isSymbol("(")) {
      int start = c.position();
      c.parenthesized("an index expression");
      expression = c.textSince(start);
    } else if (first.isIdentifier() && (c.peek(1).isSymbol("(") || c.peek(1).isSymbol("."))) {
      int start = c.position();
      c.qualifiedName("a function name");
      c.parenthesized("'(' with the function's arguments");
      expression = c.textSince(start);
    } else if (first.isIdentifier()) {
      column = c.identifier("a column name");
    } else {
      throw c.error("a column, '(' expression ')' or function call");
    }
    String collation = null;
    String opclass = null;
    boolean descending = false;
    String nulls = null;
    while (!c.atEnd() && !c.atSymbol(",") && !c.atSymbol(")")) {
      if (c.accept("collate")) {
        collation = c.qualifiedName("a collation").name();
      } else if (c.accept("asc")) {
        descending = false;
      } else if (c.accept("desc")) {
        descending = true;
      } else if (c.accept("nulls")) {
        nulls = c.identifier("FIRST or LAST").toUpperCase(Locale.ROOT);
      } else if (c.peek().isIdentifier() && opclass == null && !ELEMENT_OPTION_WORDS.contains(c.word())) {
        opclass = c.qualifiedName("an operator class").name();
        c.skipParenthesized();
      } else {
        throw c.error("COLLATE, an operator class, ASC, DESC or NULLS");
      }
    }
    return new IndexElement(column, expression, collation, opclass, descending, nulls);
  }

  /** Called with the cursor after {@code DROP INDEX}. */
  static DropIndex drop(TokenCursor c) {
    boolean concurrently = c.accept("concurrently");
    boolean ifExists = c.accept("if", "exists");
    List<QualifiedName> names = c.qualifiedNames("an index name");
    boolean cascade = c.accept("cascade");
    c.accept("restrict");
    c.expectEnd();
    return new DropIndex(names, concurrently, ifExists, cascade);
  }

  /** Called with the cursor after {@code ALTER INDEX}. */
  static AlterIndex alter(TokenCursor c) {
    boolean ifExists = c.accept("if", "exists");
    QualifiedName index = c.qualifiedName("an index name");
    int start = c.position();
    if (c.accept("rename", "to")) {
      String target = c.identifier("the new index name");
      c.expectEnd();
      return new AlterIndex(index, ifExists, AlterIndex.Action.RENAME, target);
    }
    if (c.accept("set", "tablespace")) {
      String target = c.identifier("a tablespace name");
      c.expectEnd();
      return new AlterIndex(index, ifExists, AlterIndex.Action.SET_TABLESPACE, target);
    }
    if (c.accept("attach", "partition")) {
      String target = c.qualifiedName("a partition index name").sql();
      c.expectEnd();
      return new AlterIndex(index, ifExists, AlterIndex.Action.ATTACH_PARTITION, target);
    }
    if (c.accept("set", "schema")) {
      String target = c.identifier("a schema name");
      c.expectEnd();
      return new AlterIndex(index, ifExists, AlterIndex.Action.SET_SCHEMA, target);
    }
    if (c.atEnd()) {
      throw c.error("an ALTER INDEX action");
    }
    c.rest();
    return new AlterIndex(index, ifExists, AlterIndex.Action.OTHER, c.textSince(start));
  }

  /** Called with the cursor after {@code REINDEX}. */
  static Reindex reindex(TokenCursor c) {
    List<String> options = new ArrayList<>();
    boolean concurrently = false;
    if (c.atSymbol("(")) {
      c.next();
      do {
        int start = c.position();
        String option = c.identifier("a REINDEX option");
        while (!c.atEnd() && !c.atSymbol(",") && !c.atSymbol(")")) {
          c.next();
        }
        String text = c.textSince(start).toUpperCase(Locale.ROOT);
        options.add(text);
        if (option.equals("concurrently") && !text.endsWith("FALSE") && !text.endsWith("OFF")
            && !text.endsWith(" 0")) {
          concurrently = true;
        }
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
    }
    if (c.accept("verbose")) {
      options.add("VERBOSE");
    }
    String word = c.word();
    Reindex.Target target;
    switch (word) {
      case "index": target = Reindex.Target.INDEX; break;
      case "table": target = Reindex.Target.TABLE; break;
      case "schema": target = Reindex.Target.SCHEMA; break;
      case "database": target = Reindex.Target.DATABASE; break;
      case "system": target = Reindex.Target.SYSTEM; break;
      default: throw c.error("INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
    }
    c.next();
    if (c.accept("concurrently")) {
      concurrently = true;
    }
    QualifiedName name = null;
    if (!c.atEnd()) {
      name = c.qualifiedName("a name");
    } else if (target != Reindex.Target.DATABASE && target != Reindex.Target.SYSTEM) {
      throw c.error("the name of the " + word + " to reindex");
    }
    c.expectEnd();
    return new Reindex(target, name, concurrently, options);
  }
}
