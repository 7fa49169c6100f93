package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.CreateRoutine;
import dev.migrationmcp.tools.sql.model.CreateTrigger;
import dev.migrationmcp.tools.sql.model.DoBlock;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import java.util.Locale;

/** Reads DO blocks, CREATE FUNCTION/PROCEDURE and CREATE TRIGGER. */
final class RoutineReader {
  private RoutineReader() {}

  /** Called with the cursor after {@code DO}. */
  static DoBlock doBlock(TokenCursor c) {
    String language = "plpgsql";
    if (c.accept("language")) {
      language = languageName(c);
    }
    String body = TypeAndDomainReader.string(c, "the code of the DO block");
    if (c.accept("language")) {
      language = languageName(c);
    }
    c.expectEnd();
    return new DoBlock(language, body);
  }

  private static String languageName(TokenCursor c) {
    SqlToken t = c.next();
    if (t.isIdentifier() || t.type() == TokenType.STRING) {
      return t.value().toLowerCase(Locale.ROOT);
    }
    throw new ReadException("expected a language name but found " + TokenCursor.describe(t), t.start());
  }

  /** Called with the cursor after {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. */
  static CreateRoutine routine(TokenCursor c, boolean procedure, boolean orReplace) {
    QualifiedName name = c.qualifiedName(procedure ? "a procedure name" : "a function name");
    if (!c.atSymbol("(")) {
      throw c.error("'(' with the argument list");
    }
    c.skipParenthesized();
    String language = null;
    String body = null;
    while (!c.atEnd()) {
      if (c.accept("language")) {
        language = languageName(c);
      } else if (c.accept("as")) {
        body = TypeAndDomainReader.string(c, "the function body");
        if (c.acceptSymbol(",")) {
          TypeAndDomainReader.string(c, "the link symbol");
        }
      } else if (c.at("begin", "atomic")) {
        body = c.rest();
        if (language == null) {
          language = "sql";
        }
      } else if (c.at("return") && body == null) {
        c.next();
        body = c.rest();
      } else if (c.atSymbol("(")) {
        c.skipParenthesized();
      } else {
        c.next();
      }
    }
    return new CreateRoutine(name, procedure, orReplace, language, body);
  }

  /** Called with the cursor after {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER}. */
  static CreateTrigger trigger(TokenCursor c, boolean orReplace) {
    String name = c.identifier("a trigger name");
    String timing;
    if (c.accept("before")) {
      timing = "BEFORE";
    } else if (c.accept("after")) {
      timing = "AFTER";
    } else if (c.accept("instead", "of")) {
      timing = "INSTEAD OF";
    } else {
      throw c.error("BEFORE, AFTER or INSTEAD OF");
    }
    int eventsStart = c.position();
    while (!c.atEnd() && !c.at("on")) {
      c.next();
    }
    String events = c.textSince(eventsStart).toUpperCase(Locale.ROOT);
    if (events.isEmpty()) {
      throw c.error("INSERT, UPDATE, DELETE or TRUNCATE");
    }
    c.expect("on");
    QualifiedName table = c.qualifiedName("a table name");
    QualifiedName function = null;
    while (!c.atEnd()) {
      if (c.accept("execute")) {
        if (!c.accept("function")) {
          c.expect("procedure");
        }
        function = c.qualifiedName("a trigger function name");
        c.skipParenthesized();
      } else if (c.atSymbol("(")) {
        c.skipParenthesized();
      } else {
        c.next();
      }
    }
    if (function == null) {
      throw c.error("EXECUTE FUNCTION");
    }
    return new CreateTrigger(name, table, orReplace, timing, events, function);
  }
}
