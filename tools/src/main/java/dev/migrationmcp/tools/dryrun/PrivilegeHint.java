package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns PostgreSQL's "insufficient privilege" error (SQLSTATE 42501) into one sentence naming the
 * privilege the dry run's role lacks, on which object, and the GRANT that gives it — so a dry run
 * as a read-mostly role says why it stopped instead of only "permission denied".
 */
final class PrivilegeHint {
  private static final Pattern OWNER = Pattern.compile("must be owner of (\\w+(?: \\w+)?) (.+)");
  private static final Pattern DENIED = Pattern.compile("permission denied for (\\w+(?: \\w+)?) (.+)");

  private PrivilegeHint() {}

  /**
   * @param message PostgreSQL's primary message
   * @param sql the statement that failed
   * @param role the role the dry run connected as
   */
  static String of(String message, String sql, String role) {
    String who = "the role " + role;
    Matcher owner = OWNER.matcher(message == null ? "" : message);
    if (owner.matches()) {
      return who + " does not own " + owner.group(1) + " " + owner.group(2) + ": " + command(sql) + " needs ownership of it "
          + "(or membership in the owning role). Dry-run as the role that runs your migrations.";
    }
    Matcher denied = DENIED.matcher(message == null ? "" : message);
    if (denied.matches()) {
      String kind = denied.group(1);
      String object = denied.group(2);
      String privilege = switch (kind) {
        case "schema" -> command(sql).startsWith("CREATE") || command(sql).startsWith("ALTER") ? "CREATE" : "USAGE";
        case "database" -> "CREATE";
        case "sequence" -> "USAGE";
        case "function", "procedure" -> "EXECUTE";
        case "table", "view", "materialized view" -> tablePrivilege(sql);
        default -> null;
      };
      if (privilege != null) {
        String on = kind.equals("view") || kind.equals("materialized view") ? "TABLE" : kind.toUpperCase(Locale.ROOT);
        return who + " lacks the " + privilege + " privilege on " + kind + " " + object + " (GRANT " + privilege + " ON "
            + on + " " + object + " TO " + role + "), or dry-run as the role that runs your migrations.";
      }
    }
    return who + " lacks a privilege this statement needs (" + message + "). Dry-run as the role that runs your migrations.";
  }

  /** The privilege a DML statement needs on a table, from its first word. */
  private static String tablePrivilege(String sql) {
    return switch (command(sql).split(" ")[0]) {
      case "INSERT" -> "INSERT";
      case "UPDATE" -> "UPDATE";
      case "DELETE" -> "DELETE";
      case "TRUNCATE" -> "TRUNCATE";
      case "ALTER", "CREATE" -> "REFERENCES";
      default -> "SELECT";
    };
  }

  /** The statement's first two words, upper case: {@code ALTER TABLE}. */
  private static String command(String sql) {
    List<SqlToken> tokens = SqlLexer.tokens(sql);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(2, tokens.size()); i++) {
      sb.append(i == 0 ? "" : " ").append(tokens.get(i).text().toUpperCase(Locale.ROOT));
    }
    return sb.toString();
  }
}
