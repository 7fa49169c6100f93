package dev.migrationmcp.tools.dryrun;

import dev.migrationmcp.tools.sql.SqlLexer;
import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A statement that reaches outside the database it runs in: the server host's files or programs,
 * another database, or other sessions. Found in the statement's tokens and, conservatively, in the
 * tokens of every string and dollar-quoted body in it (a DO block or function body is text until
 * it runs, and {@code EXECUTE 'COPY … PROGRAM …'} hides one more level), so a mention inside a
 * string literal is refused too.
 *
 * @param reason what it would reach, for the refusal message
 * @param everyTarget refused on the shadow as well: the host is the user's machine (embedded) or a
 *     shared server, and a file read, program or outbound connection is not undone by dropping a clone
 */
record OutsideReach(String reason, boolean everyTarget) {
  private static final Set<String> FILE_FUNCTIONS = Set.of("pg_read_file", "pg_read_binary_file", "pg_ls_dir",
      "pg_stat_file", "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir", "pg_ls_archive_statusdir", "lo_import",
      "lo_export", "pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_logdir_ls");
  private static final Set<String> UNTRUSTED_LANGUAGES = Set.of("plpythonu", "plpython2u", "plpython3u", "plperlu",
      "pltclu", "plsh", "pljavau");
  private static final Set<String> OTHER_SESSIONS = Set.of("pg_terminate_backend", "pg_cancel_backend");
  private static final Set<String> IDENTITY_SETTINGS = Set.of("role", "session_authorization");
  private static final Set<String> FOREIGN_EXTENSIONS = Set.of("dblink", "postgres_fdw", "file_fdw");
  private static final int MAX_DEPTH = 3;

  /** What the statement would reach, if anything. */
  static Optional<OutsideReach> of(String sql) {
    List<SqlToken> top = SqlLexer.tokens(sql);
    Optional<OutsideReach> leading = leading(top);
    if (leading.isPresent()) {
      return leading;
    }
    List<List<SqlToken>> segments = new ArrayList<>();
    segments.add(top);
    bodies(top, segments, 0);
    for (int k = 0; k < segments.size(); k++) {
      List<SqlToken> segment = segments.get(k);
      if (k > 0 && copiesOutside(segment)) {
        return host("a COPY to or from a server file or program inside a body reaches outside the database");
      }
      for (int i = 0; i < segment.size(); i++) {
        Optional<OutsideReach> found = at(segment, i);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Commands recognised by their first words. */
  private static Optional<OutsideReach> leading(List<SqlToken> t) {
    String w0 = word(t, 0);
    String w1 = word(t, 1);
    String w2 = word(t, 2);
    String text = " " + String.join(" ", t.stream().map(x -> x.text().toLowerCase(Locale.ROOT)).toList()) + " ";
    if (w0.equals("copy") && (text.contains(" program ") || !text.contains(" stdin ") && !text.contains(" stdout "))) {
      return host("COPY to or from a server file or program reaches outside the database (the server host's "
          + "filesystem or a shell)");
    }
    if (w0.equals("alter") && w1.equals("system")) {
      return host("ALTER SYSTEM changes the server's configuration file");
    }
    if (w0.equals("create") && (w1.equals("server") || w1.equals("foreign") || w1.equals("user") && w2.equals("mapping"))
        || w0.equals("alter") && (w1.equals("server") || w1.equals("user") && w2.equals("mapping"))
        || w0.equals("import") && w1.equals("foreign")) {
      return host("a foreign server, user mapping or foreign table connects to another database or reads server files "
          + "(postgres_fdw, file_fdw)");
    }
    if (w0.equals("create") && (w1.equals("extension") || w1.equals("language") || w1.equals("trusted")
        || w1.equals("procedural") || w1.equals("or"))) {
      for (SqlToken x : t) {
        String name = x.isIdentifier() ? x.value().toLowerCase(Locale.ROOT) : "";
        if (FOREIGN_EXTENSIONS.contains(name)) {
          return host("the " + name + " extension connects to other databases or reads server files");
        }
      }
    }
    return Optional.empty();
  }

  /** Function calls and language names anywhere, bodies included. */
  private static Optional<OutsideReach> at(List<SqlToken> t, int i) {
    SqlToken x = t.get(i);
    if (!x.isIdentifier()) {
      return Optional.empty();
    }
    String name = x.value().toLowerCase(Locale.ROOT);
    if (UNTRUSTED_LANGUAGES.contains(name)) {
      return host("the untrusted language " + name + " runs code with the rights of the database server's operating "
          + "system user");
    }
    boolean call = i + 1 < t.size() && t.get(i + 1).isSymbol("(");
    if (!call) {
      return Optional.empty();
    }
    if (FILE_FUNCTIONS.contains(name)) {
      return host(name + "() reads or writes files on the database server's host");
    }
    if (name.startsWith("dblink")) {
      return host(name + "() connects to another database");
    }
    if (OTHER_SESSIONS.contains(name)) {
      return Optional.of(new OutsideReach(name + "() acts on other sessions of the live database", false));
    }
    if (name.equals("set_config") && i + 2 < t.size() && t.get(i + 2).type() == TokenType.STRING
        && IDENTITY_SETTINGS.contains(t.get(i + 2).value().toLowerCase(Locale.ROOT))) {
      return Optional.of(new OutsideReach("set_config('" + t.get(i + 2).value() + "', …) changes the session's "
          + "identity, which the runner relies on", false));
    }
    return Optional.empty();
  }

  /** The tokens of every string and dollar-quoted body, as separate segments, nested ones too. */
  private static void bodies(List<SqlToken> tokens, List<List<SqlToken>> out, int depth) {
    if (depth >= MAX_DEPTH) {
      return;
    }
    for (SqlToken t : tokens) {
      if (t.type() == TokenType.DOLLAR_STRING || t.type() == TokenType.STRING) {
        List<SqlToken> inner = SqlLexer.tokens(t.value());
        out.add(inner);
        bodies(inner, out, depth + 1);
      }
    }
  }

  /**
   * In a body, a COPY (at any position: after BEGIN, THEN, inside EXECUTE) whose part up to the
   * next semicolon names PROGRAM or a file literal after TO or FROM.
   */
  private static boolean copiesOutside(List<SqlToken> t) {
    for (int i = 0; i < t.size(); i++) {
      if (!t.get(i).is("copy")) {
        continue;
      }
      for (int j = i + 1; j < t.size() && !t.get(j).isSymbol(";"); j++) {
        if (t.get(j).is("program")) {
          return true;
        }
        if ((t.get(j).is("to") || t.get(j).is("from")) && j + 1 < t.size() && t.get(j + 1).type() == TokenType.STRING) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<OutsideReach> host(String reason) {
    return Optional.of(new OutsideReach(reason, true));
  }

  private static String word(List<SqlToken> tokens, int i) {
    return i < tokens.size() && tokens.get(i).type() == TokenType.WORD ? tokens.get(i).text().toLowerCase(Locale.ROOT) : "";
  }
}
