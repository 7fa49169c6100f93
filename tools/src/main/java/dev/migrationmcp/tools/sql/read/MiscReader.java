package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.AlterSchema;
import dev.migrationmcp.tools.sql.model.CommentOn;
import dev.migrationmcp.tools.sql.model.CreateExtension;
import dev.migrationmcp.tools.sql.model.CreateSchema;
import dev.migrationmcp.tools.sql.model.CreateSequence;
import dev.migrationmcp.tools.sql.model.Grant;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.Set;

/** Reads CREATE EXTENSION/SEQUENCE/SCHEMA, ALTER SCHEMA, COMMENT ON, GRANT and REVOKE. */
final class MiscReader {
  private MiscReader() {}

  /** Called with the cursor after {@code CREATE EXTENSION}. */
  static CreateExtension extension(TokenCursor c) {
    boolean ifNotExists = c.accept("if", "not", "exists");
    String name = c.identifier("an extension name");
    c.accept("with");
    String schema = null;
    String version = null;
    while (!c.atEnd()) {
      if (c.accept("schema")) {
        schema = c.identifier("a schema name");
      } else if (c.accept("version")) {
        version = c.next().value();
      } else if (c.accept("from")) {
        c.next();
      } else if (!c.accept("cascade")) {
        throw c.error("SCHEMA, VERSION, CASCADE or the end");
      }
    }
    return new CreateExtension(name, ifNotExists, schema, version);
  }

  /** Called with the cursor after {@code CREATE [TEMP|UNLOGGED] SEQUENCE}. */
  static CreateSequence sequence(TokenCursor c) {
    boolean ifNotExists = c.accept("if", "not", "exists");
    QualifiedName name = c.qualifiedName("a sequence name");
    c.rest();
    return new CreateSequence(name, ifNotExists);
  }

  /** Called with the cursor after {@code CREATE SCHEMA}. */
  static CreateSchema schema(TokenCursor c) {
    boolean ifNotExists = c.accept("if", "not", "exists");
    String name = null;
    String authorization = null;
    if (!c.at("authorization")) {
      name = c.identifier("a schema name");
    }
    if (c.accept("authorization")) {
      authorization = c.identifier("a role name");
    }
    c.rest();
    return new CreateSchema(name != null ? name : authorization, ifNotExists, authorization);
  }

  /** Called with the cursor after {@code ALTER SCHEMA}. */
  static AlterSchema alterSchema(TokenCursor c) {
    String name = c.identifier("a schema name");
    AlterSchema result;
    if (c.accept("rename", "to")) {
      result = new AlterSchema(name, AlterSchema.Action.RENAME, c.identifier("the new schema name"));
    } else if (c.accept("owner", "to")) {
      result = new AlterSchema(name, AlterSchema.Action.OWNER, c.identifier("a role name"));
    } else {
      throw c.error("RENAME TO or OWNER TO");
    }
    c.expectEnd();
    return result;
  }

  /** Called with the cursor after {@code COMMENT ON}. */
  static CommentOn comment(TokenCursor c) {
    c.accept("procedural");
    ObjectType type = ObjectTypes.accept(c);
    if (type == null) {
      throw c.error("the type of the commented object");
    }
    int targetStart = c.position();
    int is = -1;
    for (int i = c.position(); i < c.size(); i++) {
      if (c.token(i).is("is")) {
        is = i;
      }
    }
    if (is <= targetStart) {
      throw c.error("the commented object and IS");
    }
    String target = c.textBetween(targetStart, is);
    c.reset(is + 1);
    String comment;
    if (c.accept("null")) {
      comment = null;
    } else {
      if (!isString(c.peek())) {
        throw c.error("a string literal or NULL");
      }
      StringBuilder sb = new StringBuilder();
      while (isString(c.peek())) {
        sb.append(c.next().value());
      }
      comment = sb.toString();
    }
    c.expectEnd();
    return new CommentOn(type, target, comment);
  }

  private static boolean isString(SqlToken t) {
    return t.type() == TokenType.STRING || t.type() == TokenType.DOLLAR_STRING;
  }

  /** Reads GRANT or REVOKE; the cursor is at the keyword. */
  static Grant grant(TokenCursor c) {
    boolean revoke = c.next().is("revoke");
    int start = c.position();
    int on = c.findTopLevel(Set.of("on"));
    int to = c.findTopLevel(Set.of(revoke ? "from" : "to"));
    if (to < 0) {
      throw c.error(revoke ? "FROM" : "TO");
    }
    String privileges;
    String object = null;
    if (on >= 0 && on < to) {
      privileges = c.textBetween(start, on);
      object = c.textBetween(on + 1, to);
    } else {
      privileges = c.textBetween(start, to);
    }
    c.reset(to + 1);
    int rolesEnd = c.findTopLevel(Set.of("with", "granted", "cascade", "restrict"));
    String roles = c.textBetween(to + 1, rolesEnd < 0 ? c.size() : rolesEnd);
    c.rest();
    if (revoke && privileges.regionMatches(true, 0, "GRANT OPTION FOR ", 0, 17)) {
      privileges = privileges.substring(17).strip();
    } else if (revoke && privileges.regionMatches(true, 0, "ADMIN OPTION FOR ", 0, 17)) {
      privileges = privileges.substring(17).strip();
    }
    if (privileges.isEmpty() || roles.isEmpty()) {
      throw c.error("privileges and roles");
    }
    return new Grant(revoke, privileges, object, roles);
  }
}
