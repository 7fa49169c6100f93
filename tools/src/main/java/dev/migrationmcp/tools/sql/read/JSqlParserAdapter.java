package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * JSqlParser 5.4, used only where it reads PostgreSQL correctly: queries (the SELECT of a view,
 * of CREATE TABLE AS, of INSERT … SELECT). The project's own reader stays the authority on DDL;
 * JSqlParser misreads some of it (it takes {@code DROP INDEX CONCURRENTLY idx} for an index named
 * CONCURRENTLY).
 *
 * <p>{@code CCJSqlParserUtil.parse(String)} starts a thread per call; every parse here goes
 * through one shared pool of daemon threads instead, which is several times faster and leaves no
 * thread behind. JSqlParser's own time-out (6 s) still bounds a pathological statement.
 */
public final class JSqlParserAdapter {
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), new DaemonThreads());

  private JSqlParserAdapter() {}

  /**
   * Parses one statement; empty when JSqlParser rejects it or returns its
   * {@link UnsupportedStatement} placeholder (which it does without an exception for ~1% of
   * PostgreSQL statements).
   */
  public static Optional<net.sf.jsqlparser.statement.Statement> parse(String sql) {
    if (sql == null || sql.isBlank()) {
      return Optional.empty();
    }
    try {
      net.sf.jsqlparser.statement.Statement s = CCJSqlParserUtil.parse(sql, EXECUTOR, parser -> { });
      if (s == null || s instanceof UnsupportedStatement) {
        return Optional.empty();
      }
      return Optional.of(s);
    } catch (Exception | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /**
   * The tables a query reads (CTE names excluded), named as PostgreSQL resolves them; empty when
   * JSqlParser cannot read the query.
   */
  public static Optional<Set<QualifiedName>> tablesRead(String query) {
    Optional<net.sf.jsqlparser.statement.Statement> parsed = parse(query);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    try {
      Set<String> names = new TablesNamesFinder<Void>().getTables(parsed.get());
      Set<QualifiedName> tables = new LinkedHashSet<>();
      for (String name : names) {
        try {
          TokenCursor c = new TokenCursor(name);
          tables.add(c.qualifiedName("a table name"));
        } catch (ReadException e) {
          // A name JSqlParser produced that is not a plain table name (a function, a value list).
        }
      }
      return Optional.of(tables);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "jsqlparser-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
