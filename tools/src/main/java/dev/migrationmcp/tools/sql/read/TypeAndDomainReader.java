package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.AlterDomain;
import dev.migrationmcp.tools.sql.model.AlterType;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.CreateDomain;
import dev.migrationmcp.tools.sql.model.CreateType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.SqlType;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads CREATE/ALTER TYPE and CREATE/ALTER DOMAIN. */
final class TypeAndDomainReader {
  private static final Set<String> DOMAIN_CONSTRAINT_WORDS = Set.of("constraint", "not", "null", "check", "collate");

  private TypeAndDomainReader() {}

  /** Called with the cursor after {@code CREATE TYPE}. */
  static CreateType createType(TokenCursor c) {
    QualifiedName name = c.qualifiedName("a type name");
    if (c.atEnd()) {
      return new CreateType(name, CreateType.Form.SHELL, List.of(), List.of());
    }
    if (c.atSymbol("(")) {
      c.skipParenthesized();
      c.expectEnd();
      return new CreateType(name, CreateType.Form.BASE, List.of(), List.of());
    }
    c.expect("as");
    if (c.accept("enum")) {
      c.expectSymbol("(");
      List<String> values = new ArrayList<>();
      if (!c.atSymbol(")")) {
        do {
          values.add(string(c, "an enum label"));
        } while (c.acceptSymbol(","));
      }
      c.expectSymbol(")");
      c.expectEnd();
      return new CreateType(name, CreateType.Form.ENUM, values, List.of());
    }
    if (c.accept("range")) {
      c.skipParenthesized();
      c.expectEnd();
      return new CreateType(name, CreateType.Form.RANGE, List.of(), List.of());
    }
    c.expectSymbol("(");
    List<ColumnDefinition> attributes = new ArrayList<>();
    if (!c.atSymbol(")")) {
      do {
        attributes.add(ConstraintReader.column(c, true));
      } while (c.acceptSymbol(","));
    }
    c.expectSymbol(")");
    c.expectEnd();
    return new CreateType(name, CreateType.Form.COMPOSITE, List.of(), attributes);
  }

  /** Called with the cursor after {@code ALTER TYPE}. */
  static AlterType alterType(TokenCursor c) {
    QualifiedName name = c.qualifiedName("a type name");
    int start = c.position();
    AlterType.Action action;
    if (c.accept("add", "value")) {
      boolean ifNotExists = c.accept("if", "not", "exists");
      String value = string(c, "the new enum label");
      String before = null;
      String after = null;
      if (c.accept("before")) {
        before = string(c, "an existing enum label");
      } else if (c.accept("after")) {
        after = string(c, "an existing enum label");
      }
      action = new AlterType.AddValue(value, ifNotExists, before, after);
    } else if (c.accept("rename", "value")) {
      String from = string(c, "the enum label to rename");
      c.expect("to");
      action = new AlterType.RenameValue(from, string(c, "the new enum label"));
    } else if (c.accept("rename", "to")) {
      action = new AlterType.RenameTo(c.identifier("the new type name"));
    } else if (c.accept("set", "schema")) {
      action = new AlterType.SetSchema(c.identifier("a schema name"));
    } else if (c.accept("owner", "to")) {
      action = new AlterType.OwnerTo(c.identifier("a role name"));
    } else if (c.at("add") || c.at("drop") || c.at("alter") || c.at("rename") || c.at("set")) {
      c.rest();
      action = new AlterType.Other(c.textSince(start));
    } else {
      throw c.error("ADD VALUE, RENAME VALUE, RENAME TO, SET SCHEMA, OWNER TO or an attribute action");
    }
    c.expectEnd();
    return new AlterType(name, action);
  }

  /** Called with the cursor after {@code CREATE DOMAIN}. */
  static CreateDomain createDomain(TokenCursor c) {
    QualifiedName name = c.qualifiedName("a domain name");
    c.accept("as");
    SqlType type = TypeReader.read(c);
    String collation = null;
    String defaultExpression = null;
    boolean notNull = false;
    List<TableConstraint.Check> checks = new ArrayList<>();
    while (!c.atEnd()) {
      String constraintName = null;
      if (c.accept("constraint")) {
        constraintName = c.identifier("a constraint name");
      }
      if (c.accept("collate")) {
        collation = c.qualifiedName("a collation").name();
      } else if (c.accept("default")) {
        defaultExpression = c.expression("a default expression", DOMAIN_CONSTRAINT_WORDS);
      } else if (c.accept("not", "null")) {
        notNull = true;
      } else if (c.accept("null")) {
        notNull = false;
      } else if (c.accept("check")) {
        checks.add(new TableConstraint.Check(constraintName, c.parenthesized("'(' after CHECK"), false));
      } else {
        throw c.error("COLLATE, DEFAULT, NOT NULL, NULL or CHECK");
      }
    }
    return new CreateDomain(name, type, collation, defaultExpression, notNull, checks);
  }

  /** Called with the cursor after {@code ALTER DOMAIN}. */
  static AlterDomain alterDomain(TokenCursor c) {
    QualifiedName name = c.qualifiedName("a domain name");
    int start = c.position();
    AlterDomain.Action action;
    if (c.accept("add")) {
      String constraintName = null;
      if (c.accept("constraint")) {
        constraintName = c.identifier("a constraint name");
      }
      TableConstraint constraint;
      if (c.accept("check")) {
        constraint = new TableConstraint.Check(constraintName, c.parenthesized("'(' after CHECK"), false);
      } else if (c.accept("not", "null")) {
        constraint = new TableConstraint.NotNull(constraintName, null);
      } else {
        throw c.error("CHECK or NOT NULL");
      }
      action = new AlterDomain.AddConstraint(constraint, c.accept("not", "valid"));
    } else if (c.accept("drop", "constraint")) {
      boolean ifExists = c.accept("if", "exists");
      String constraint = c.identifier("a constraint name");
      boolean cascade = c.accept("cascade");
      c.accept("restrict");
      action = new AlterDomain.DropConstraint(constraint, ifExists, cascade);
    } else if (c.accept("validate", "constraint")) {
      action = new AlterDomain.ValidateConstraint(c.identifier("a constraint name"));
    } else if (c.accept("rename", "constraint")) {
      String from = c.identifier("a constraint name");
      c.expect("to");
      action = new AlterDomain.RenameConstraint(from, c.identifier("the new constraint name"));
    } else if (c.accept("set", "not", "null")) {
      action = new AlterDomain.SetNotNull();
    } else if (c.accept("drop", "not", "null")) {
      action = new AlterDomain.DropNotNull();
    } else if (c.accept("set", "default")) {
      action = new AlterDomain.SetDefault(c.rest());
    } else if (c.accept("drop", "default")) {
      action = new AlterDomain.DropDefault();
    } else if (c.accept("rename", "to")) {
      action = new AlterDomain.RenameTo(c.identifier("the new domain name"));
    } else if (c.at("owner", "to") || c.at("set", "schema")) {
      c.rest();
      action = new AlterDomain.Other(c.textSince(start));
    } else {
      throw c.error("ADD, DROP CONSTRAINT, VALIDATE CONSTRAINT, SET/DROP NOT NULL, SET/DROP DEFAULT or RENAME");
    }
    c.expectEnd();
    return new AlterDomain(name, action);
  }

  /** A string literal's value. */
  static String string(TokenCursor c, String what) {
    SqlToken t = c.peek();
    if (t.type() != TokenType.STRING && t.type() != TokenType.DOLLAR_STRING && t.type() != TokenType.PLACEHOLDER) {
      throw c.error(what + " (a string literal)");
    }
    c.next();
    return t.value();
  }
}
