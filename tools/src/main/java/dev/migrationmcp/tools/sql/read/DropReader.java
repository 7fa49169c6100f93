package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.DropObject;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code DROP type [IF EXISTS] name [(args)] [, …] [ON table] [CASCADE | RESTRICT]}. */
final class DropReader {
  private DropReader() {}

  /** Called with the cursor after {@code DROP type}. */
  static DropObject read(TokenCursor c, ObjectType type) {
    boolean ifExists = c.accept("if", "exists");
    List<QualifiedName> names = new ArrayList<>();
    do {
      names.add(c.qualifiedName("the name of the " + type.sql().toLowerCase(java.util.Locale.ROOT) + " to drop"));
      if (c.atSymbol("(")) {
        c.skipParenthesized();
      }
    } while (c.acceptSymbol(","));
    QualifiedName on = null;
    if (c.accept("on")) {
      on = c.qualifiedName("a table name");
    }
    boolean cascade = c.accept("cascade");
    c.accept("restrict");
    if (type == ObjectType.DATABASE && c.at("with") && c.peek(1).isSymbol("(")) {
      c.next();
      c.skipParenthesized();
    } else if (type == ObjectType.DATABASE && c.atSymbol("(")) {
      c.skipParenthesized();
    }
    c.expectEnd();
    return new DropObject(type, names, ifExists, cascade, on);
  }
}
