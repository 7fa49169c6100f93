package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.ObjectType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names a statement's kind from its leading keywords, in PostgreSQL's command-tag spelling
 * ({@code CREATE POLICY}, {@code ALTER FUNCTION}, {@code SECURITY LABEL}). This is what lint falls
 * back on for a statement the reader does not model or cannot read.
 */
final class StatementKinds {
  /** CREATE modifiers that come before the object type. */
  static final Set<String> CREATE_MODIFIERS = Set.of(
      "temp", "temporary", "unlogged", "global", "local", "unique", "recursive", "trusted", "procedural",
      "constraint", "default");

  private static final Map<String, String> SINGLE = Map.ofEntries(
      Map.entry("abort", "ROLLBACK"), Map.entry("analyze", "ANALYZE"), Map.entry("analyse", "ANALYZE"),
      Map.entry("begin", "BEGIN"), Map.entry("call", "CALL"), Map.entry("checkpoint", "CHECKPOINT"),
      Map.entry("close", "CLOSE CURSOR"), Map.entry("cluster", "CLUSTER"), Map.entry("comment", "COMMENT"),
      Map.entry("commit", "COMMIT"), Map.entry("copy", "COPY"), Map.entry("deallocate", "DEALLOCATE"),
      Map.entry("declare", "DECLARE CURSOR"), Map.entry("delete", "DELETE"), Map.entry("discard", "DISCARD"),
      Map.entry("do", "DO"), Map.entry("end", "COMMIT"), Map.entry("execute", "EXECUTE"),
      Map.entry("explain", "EXPLAIN"), Map.entry("fetch", "FETCH"), Map.entry("grant", "GRANT"),
      Map.entry("import", "IMPORT FOREIGN SCHEMA"), Map.entry("insert", "INSERT"), Map.entry("listen", "LISTEN"),
      Map.entry("load", "LOAD"), Map.entry("lock", "LOCK TABLE"), Map.entry("merge", "MERGE"),
      Map.entry("move", "MOVE"), Map.entry("notify", "NOTIFY"), Map.entry("prepare", "PREPARE"),
      Map.entry("reassign", "REASSIGN OWNED"), Map.entry("refresh", "REFRESH MATERIALIZED VIEW"),
      Map.entry("reindex", "REINDEX"), Map.entry("release", "RELEASE"), Map.entry("reset", "RESET"),
      Map.entry("revoke", "REVOKE"), Map.entry("rollback", "ROLLBACK"), Map.entry("savepoint", "SAVEPOINT"),
      Map.entry("security", "SECURITY LABEL"), Map.entry("select", "SELECT"), Map.entry("set", "SET"),
      Map.entry("show", "SHOW"), Map.entry("start", "START TRANSACTION"), Map.entry("table", "SELECT"),
      Map.entry("truncate", "TRUNCATE TABLE"), Map.entry("unlisten", "UNLISTEN"), Map.entry("update", "UPDATE"),
      Map.entry("vacuum", "VACUUM"), Map.entry("values", "SELECT"), Map.entry("with", "WITH"));

  private StatementKinds() {}

  /** The command tag of {@code text}, or null when its first word starts no PostgreSQL statement. */
  static String of(String text) {
    return of(new TokenCursor(text));
  }

  /** The command tag at the cursor, which does not move. */
  static String of(TokenCursor c) {
    int mark = c.position();
    try {
      return tag(c);
    } finally {
      c.reset(mark);
    }
  }

  private static String tag(TokenCursor c) {
    if (c.atSymbol("(")) {
      return "SELECT";
    }
    String first = c.word();
    switch (first) {
      case "create": {
        c.next();
        c.accept("or", "replace");
        while (CREATE_MODIFIERS.contains(c.word()) && !c.at("default", "privileges")) {
          c.next();
        }
        return objectTag("CREATE", c);
      }
      case "alter":
      case "drop": {
        c.next();
        if (c.at("default", "privileges")) {
          return "ALTER DEFAULT PRIVILEGES";
        }
        if (first.equals("alter") && c.at("system")) {
          return "ALTER SYSTEM";
        }
        c.accept("procedural");
        return objectTag(first.toUpperCase(Locale.ROOT), c);
      }
      case "prepare":
        return c.at("prepare", "transaction") ? "PREPARE TRANSACTION" : "PREPARE";
      case "commit":
        return c.at("commit", "prepared") ? "COMMIT PREPARED" : "COMMIT";
      case "rollback":
        return c.at("rollback", "prepared") ? "ROLLBACK PREPARED" : "ROLLBACK";
      default:
        return SINGLE.get(first);
    }
  }

  private static String objectTag(String verb, TokenCursor c) {
    ObjectType type = ObjectTypes.peek(c);
    if (type != null) {
      return verb + " " + type.sql();
    }
    return null;
  }
}
