package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.Analyze;
import dev.migrationmcp.tools.sql.model.Cluster;
import dev.migrationmcp.tools.sql.model.LockTable;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Truncate;
import dev.migrationmcp.tools.sql.model.Vacuum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads VACUUM, ANALYZE, CLUSTER, TRUNCATE and LOCK. */
final class MaintenanceReader {
  private static final Set<String> VACUUM_WORDS = Set.of("full", "freeze", "verbose", "analyze", "analyse");

  private MaintenanceReader() {}

  /** Called with the cursor after {@code VACUUM}. */
  static Vacuum vacuum(TokenCursor c) {
    List<String> options = new ArrayList<>();
    if (c.atSymbol("(")) {
      options.addAll(options(c));
    }
    while (VACUUM_WORDS.contains(c.word())) {
      options.add(c.next().value().toUpperCase(Locale.ROOT));
    }
    boolean full = options.stream().anyMatch(o -> o.equals("FULL") || (o.startsWith("FULL ")
        && !o.endsWith("FALSE") && !o.endsWith("OFF") && !o.endsWith(" 0")));
    return new Vacuum(full, options, tables(c));
  }

  /** Called with the cursor after {@code ANALYZE}. */
  static Analyze analyze(TokenCursor c) {
    if (c.atSymbol("(")) {
      options(c);
    }
    c.accept("verbose");
    return new Analyze(tables(c));
  }

  /** {@code ( option [value] [, …] )} upper-cased. */
  private static List<String> options(TokenCursor c) {
    List<String> options = new ArrayList<>();
    c.expectSymbol("(");
    do {
      int start = c.position();
      c.identifier("an option name");
      while (!c.atEnd() && !c.atSymbol(",") && !c.atSymbol(")")) {
        c.next();
      }
      options.add(c.textSince(start).toUpperCase(Locale.ROOT));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")");
    return options;
  }

  /** {@code [table [(columns)] [, …]]}. */
  private static List<QualifiedName> tables(TokenCursor c) {
    List<QualifiedName> tables = new ArrayList<>();
    if (c.atEnd()) {
      return tables;
    }
    do {
      c.accept("only");
      tables.add(c.qualifiedName("a table name"));
      c.skipParenthesized();
    } while (c.acceptSymbol(","));
    c.expectEnd();
    return tables;
  }

  /** Called with the cursor after {@code CLUSTER}. */
  static Cluster cluster(TokenCursor c) {
    if (c.atSymbol("(")) {
      options(c);
    }
    c.accept("verbose");
    if (c.atEnd()) {
      return new Cluster(null, null);
    }
    QualifiedName first = c.qualifiedName("a table or index name");
    if (c.accept("on")) {
      QualifiedName table = c.qualifiedName("a table name");
      c.expectEnd();
      return new Cluster(table, first.name());
    }
    String index = null;
    if (c.accept("using")) {
      index = c.identifier("an index name");
    }
    c.expectEnd();
    return new Cluster(first, index);
  }

  /** Called with the cursor after {@code TRUNCATE}. */
  static Truncate truncate(TokenCursor c) {
    c.accept("table");
    List<QualifiedName> tables = new ArrayList<>();
    do {
      c.accept("only");
      tables.add(c.qualifiedName("a table name"));
      c.acceptSymbol("*");
    } while (c.acceptSymbol(","));
    boolean restart = false;
    boolean cascade = false;
    while (!c.atEnd()) {
      if (c.accept("restart", "identity")) {
        restart = true;
      } else if (c.accept("continue", "identity")) {
        restart = false;
      } else if (c.accept("cascade")) {
        cascade = true;
      } else if (!c.accept("restrict")) {
        throw c.error("RESTART IDENTITY, CONTINUE IDENTITY, CASCADE, RESTRICT or the end");
      }
    }
    return new Truncate(tables, restart, cascade);
  }

  /** Called with the cursor after {@code LOCK}. */
  static LockTable lock(TokenCursor c) {
    c.accept("table");
    List<QualifiedName> tables = new ArrayList<>();
    do {
      c.accept("only");
      tables.add(c.qualifiedName("a table name"));
      c.acceptSymbol("*");
    } while (c.acceptSymbol(","));
    String mode = "ACCESS EXCLUSIVE";
    if (c.accept("in")) {
      StringBuilder sb = new StringBuilder();
      while (!c.atEnd() && !c.at("mode")) {
        sb.append(sb.length() == 0 ? "" : " ").append(c.identifier("a lock mode").toUpperCase(Locale.ROOT));
      }
      c.expect("mode");
      mode = sb.toString();
    }
    boolean nowait = c.accept("nowait");
    c.expectEnd();
    return new LockTable(tables, mode, nowait);
  }
}
