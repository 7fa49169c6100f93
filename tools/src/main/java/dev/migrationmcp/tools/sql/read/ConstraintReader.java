package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.Generated;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.SqlType;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads column definitions and table constraints, shared by CREATE TABLE, ALTER TABLE … ADD,
 * CREATE TYPE … AS (…) and CREATE/ALTER DOMAIN.
 */
final class ConstraintReader {
  /** Words that end a DEFAULT expression in a column definition. */
  static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of(
      "constraint", "not", "null", "check", "default", "unique", "primary", "references", "generated",
      "collate", "deferrable", "initially", "compression", "storage", "enforced");

  private ConstraintReader() {}

  /** True when the cursor is at the start of a table constraint rather than a column. */
  static boolean atTableConstraint(TokenCursor c) {
    return c.at("constraint") || c.at("check") || c.at("unique") || c.at("primary", "key")
        || c.at("foreign", "key") || (c.at("exclude") && (c.peek(1).isSymbol("(") || c.peek(1).is("using")));
  }

  /**
   * {@code name type [COLLATE c] [column constraints…]}, up to a top-level ',' or ')'.
   *
   * @param typed false for a partition's or typed table's column options ({@code name WITH OPTIONS …})
   */
  static ColumnDefinition column(TokenCursor c, boolean typed) {
    String name = c.identifier("a column name");
    SqlType type = null;
    if (c.accept("with", "options")) {
      typed = false;
    }
    if (typed) {
      type = TypeReader.read(c);
    }
    String collation = null;
    String defaultExpression = null;
    boolean notNull = false;
    Generated generated = null;
    List<TableConstraint> constraints = new ArrayList<>();
    while (!c.atEnd() && !c.atSymbol(",") && !c.atSymbol(")")) {
      String constraintName = null;
      if (c.accept("constraint")) {
        constraintName = c.identifier("a constraint name");
      }
      if (c.accept("not", "null")) {
        notNull = true;
        c.accept("no", "inherit");
      } else if (c.accept("null")) {
        notNull = false;
      } else if (c.accept("default")) {
        defaultExpression = c.expression("a default expression", COLUMN_CONSTRAINT_WORDS);
      } else if (c.accept("collate")) {
        collation = c.qualifiedName("a collation").name();
      } else if (c.accept("compression") || c.accept("storage")) {
        c.identifier("a compression or storage method");
      } else if (c.at("generated")) {
        generated = generated(c);
      } else if (c.accept("check")) {
        String expression = c.parenthesized("'(' after CHECK");
        boolean noInherit = c.accept("no", "inherit");
        constraints.add(new TableConstraint.Check(constraintName, expression, noInherit));
      } else if (c.accept("unique")) {
        boolean nullsNotDistinct = nullsDistinct(c);
        indexParameters(c);
        constraints.add(new TableConstraint.Unique(constraintName, List.of(name), List.of(), null, nullsNotDistinct,
            deferrable(c)));
      } else if (c.accept("primary", "key")) {
        indexParameters(c);
        constraints.add(new TableConstraint.PrimaryKey(constraintName, List.of(name), List.of(), null, deferrable(c)));
      } else if (c.accept("references")) {
        constraints.add(references(c, constraintName, List.of(name)));
      } else if (c.accept("deferrable") || c.accept("not", "deferrable") || c.accept("enforced")
          || c.accept("not", "enforced")) {
        continue;
      } else if (c.accept("initially")) {
        c.identifier("DEFERRED or IMMEDIATE");
      } else {
        throw c.error("a column constraint (NOT NULL, DEFAULT, CHECK, REFERENCES, …)");
      }
    }
    return new ColumnDefinition(name, type, collation, defaultExpression, notNull, generated, constraints);
  }

  private static Generated generated(TokenCursor c) {
    c.expect("generated");
    if (c.accept("by", "default", "as", "identity")) {
      return new Generated(Generated.Kind.IDENTITY_BY_DEFAULT, null, identityOptions(c));
    }
    c.expect("always", "as");
    if (c.accept("identity")) {
      return new Generated(Generated.Kind.IDENTITY_ALWAYS, null, identityOptions(c));
    }
    String expression = c.parenthesized("'(' after GENERATED ALWAYS AS");
    if (c.accept("stored")) {
      return new Generated(Generated.Kind.STORED, expression, null);
    }
    c.accept("virtual");
    return new Generated(Generated.Kind.VIRTUAL, expression, null);
  }

  private static String identityOptions(TokenCursor c) {
    return c.atSymbol("(") ? c.parenthesized("identity options") : null;
  }

  /**
   * A table constraint: {@code [CONSTRAINT name] CHECK|UNIQUE|PRIMARY KEY|EXCLUDE|FOREIGN KEY|NOT
   * NULL …} with its attributes (DEFERRABLE, INITIALLY, NO INHERIT, ENFORCED); NOT VALID is left
   * for the caller.
   */
  static TableConstraint tableConstraint(TokenCursor c) {
    String name = null;
    if (c.accept("constraint")) {
      name = c.identifier("a constraint name");
    }
    TableConstraint constraint;
    if (c.accept("check")) {
      String expression = c.parenthesized("'(' after CHECK");
      boolean noInherit = c.accept("no", "inherit");
      constraint = new TableConstraint.Check(name, expression, noInherit);
    } else if (c.accept("unique")) {
      if (c.accept("using", "index")) {
        String index = c.identifier("an index name");
        constraint = new TableConstraint.Unique(name, List.of(), List.of(), index, false, deferrable(c));
      } else {
        boolean nullsNotDistinct = nullsDistinct(c);
        List<String> columns = c.identifierList("a column name");
        List<String> include = indexParameters(c);
        constraint = new TableConstraint.Unique(name, columns, include, null, nullsNotDistinct, deferrable(c));
      }
    } else if (c.accept("primary", "key")) {
      if (c.accept("using", "index")) {
        String index = c.identifier("an index name");
        constraint = new TableConstraint.PrimaryKey(name, List.of(), List.of(), index, deferrable(c));
      } else {
        List<String> columns = c.identifierList("a column name");
        List<String> include = indexParameters(c);
        constraint = new TableConstraint.PrimaryKey(name, columns, include, null, deferrable(c));
      }
    } else if (c.accept("foreign", "key")) {
      List<String> columns = c.identifierList("a column name");
      c.expect("references");
      constraint = references(c, name, columns);
    } else if (c.accept("exclude")) {
      String method = c.accept("using") ? c.identifier("an index method") : "gist";
      String elements = c.parenthesized("'(' with the exclusion elements");
      indexParameters(c);
      String where = null;
      if (c.accept("where")) {
        where = c.parenthesized("'(' after WHERE");
      }
      deferrable(c);
      constraint = new TableConstraint.Exclude(name, method, elements, where);
    } else if (c.accept("not", "null")) {
      constraint = new TableConstraint.NotNull(name, c.identifier("a column name"));
      c.accept("no", "inherit");
    } else {
      throw c.error("CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY or EXCLUDE");
    }
    while (c.accept("no", "inherit") || c.accept("enforced") || c.accept("not", "enforced")) {
      // attributes with no bearing on the model
    }
    return constraint;
  }

  /** {@code REFERENCES table [(columns)] [MATCH …] [ON DELETE …] [ON UPDATE …] [DEFERRABLE …]}. */
  private static TableConstraint.ForeignKey references(TokenCursor c, String name, List<String> columns) {
    QualifiedName table = c.qualifiedName("the referenced table");
    List<String> referenced = c.atSymbol("(") ? c.identifierList("a referenced column") : List.of();
    String match = null;
    String onDelete = null;
    String onUpdate = null;
    boolean deferrable = false;
    while (true) {
      if (c.accept("match")) {
        match = c.identifier("FULL, PARTIAL or SIMPLE").toUpperCase(Locale.ROOT);
      } else if (c.accept("on", "delete")) {
        onDelete = referentialAction(c);
      } else if (c.accept("on", "update")) {
        onUpdate = referentialAction(c);
      } else if (c.accept("deferrable")) {
        deferrable = true;
      } else if (c.accept("not", "deferrable")) {
        deferrable = false;
      } else if (c.accept("initially")) {
        c.identifier("DEFERRED or IMMEDIATE");
      } else {
        break;
      }
    }
    return new TableConstraint.ForeignKey(name, columns, table, referenced, onDelete, onUpdate, match, deferrable);
  }

  private static String referentialAction(TokenCursor c) {
    String action;
    if (c.accept("no", "action")) {
      action = "NO ACTION";
    } else if (c.accept("set", "null")) {
      action = "SET NULL";
    } else if (c.accept("set", "default")) {
      action = "SET DEFAULT";
    } else if (c.accept("cascade")) {
      action = "CASCADE";
    } else if (c.accept("restrict")) {
      action = "RESTRICT";
    } else {
      throw c.error("CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT");
    }
    if (c.atSymbol("(")) {
      c.identifierList("a column name");
    }
    return action;
  }

  private static boolean nullsDistinct(TokenCursor c) {
    if (c.accept("nulls", "not", "distinct")) {
      return true;
    }
    c.accept("nulls", "distinct");
    return false;
  }

  /** {@code [INCLUDE (cols)] [WITH (…)] [USING INDEX TABLESPACE t]}; returns the INCLUDE columns. */
  private static List<String> indexParameters(TokenCursor c) {
    List<String> include = List.of();
    while (true) {
      if (c.accept("include")) {
        include = c.identifierList("an included column");
      } else if (c.at("with") && c.peek(1).isSymbol("(")) {
        c.next();
        c.skipParenthesized();
      } else if (c.accept("using", "index", "tablespace")) {
        c.identifier("a tablespace");
      } else {
        return include;
      }
    }
  }

  /** Consumes {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]}; true when deferrable. */
  static boolean deferrable(TokenCursor c) {
    boolean deferrable = false;
    while (true) {
      if (c.accept("deferrable")) {
        deferrable = true;
      } else if (c.accept("not", "deferrable")) {
        deferrable = false;
      } else if (c.accept("initially")) {
        if (c.accept("deferred")) {
          deferrable = true;
        } else {
          c.expect("immediate");
        }
      } else {
        return deferrable;
      }
    }
  }
}
