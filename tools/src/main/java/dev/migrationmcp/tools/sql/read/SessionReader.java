package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.SqlToken;
import dev.migrationmcp.tools.sql.TokenType;
import dev.migrationmcp.tools.sql.model.ResetParameter;
import dev.migrationmcp.tools.sql.model.SetParameter;
import dev.migrationmcp.tools.sql.model.TransactionControl;
import dev.migrationmcp.tools.sql.model.TransactionControl.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads SET, RESET and transaction control (BEGIN … COMMIT, savepoints, two-phase commit). */
final class SessionReader {
  private SessionReader() {}

  /** Called with the cursor after {@code SET}. */
  static SetParameter set(TokenCursor c) {
    boolean local = c.accept("local");
    if (!local && !c.at("session", "authorization")) {
      c.accept("session");
    }
    if (c.accept("time", "zone")) {
      return new SetParameter("timezone", value(c), local);
    }
    if (c.accept("role")) {
      return new SetParameter("role", value(c), local);
    }
    if (c.accept("session", "authorization")) {
      return new SetParameter("session_authorization", value(c), local);
    }
    if (c.at("transaction") || c.at("characteristics")) {
      int start = c.position();
      c.rest();
      return new SetParameter("transaction", c.textSince(start), local);
    }
    if (c.accept("constraints")) {
      int start = c.position();
      c.rest();
      return new SetParameter("constraints", c.textSince(start), local);
    }
    if (c.at("schema") && !c.peek(1).isSymbol("=") && !c.peek(1).is("to")) {
      c.next();
      return new SetParameter("search_path", value(c), local);
    }
    if (c.at("names") && !c.peek(1).isSymbol("=") && !c.peek(1).is("to")) {
      c.next();
      return new SetParameter("client_encoding", value(c), local);
    }
    if (c.accept("xml", "option")) {
      return new SetParameter("xmloption", value(c), local);
    }
    StringBuilder name = new StringBuilder(c.identifier("a parameter name"));
    while (c.acceptSymbol(".")) {
      name.append('.').append(c.identifier("a parameter name"));
    }
    if (!c.accept("to") && !c.acceptSymbol("=")) {
      throw c.error("TO or '='");
    }
    return new SetParameter(name.toString(), value(c), local);
  }

  /** A value list: strings unquoted, words and numbers as written, items joined by ", ". */
  private static String value(TokenCursor c) {
    if (c.atEnd()) {
      throw c.error("a value");
    }
    if ((c.at("default") || c.at("none")) && c.peek(1).type() == TokenType.EOF) {
      c.next();
      return "DEFAULT";
    }
    if (c.at("local") && c.peek(1).type() == TokenType.EOF) {
      c.next();
      return "LOCAL";
    }
    List<String> items = new ArrayList<>();
    do {
      int start = c.position();
      while (!c.atEnd() && !c.atSymbol(",")) {
        c.next();
      }
      if (c.position() == start) {
        throw c.error("a value");
      }
      SqlToken only = c.token(start);
      boolean quoted = only.type() == TokenType.STRING || only.type() == TokenType.QUOTED_IDENTIFIER;
      items.add(c.position() - start == 1 && quoted ? only.value() : c.textSince(start));
    } while (c.acceptSymbol(","));
    return String.join(", ", items);
  }

  /** Called with the cursor after {@code RESET}. */
  static ResetParameter reset(TokenCursor c) {
    String name;
    if (c.accept("all")) {
      name = "all";
    } else if (c.accept("time", "zone")) {
      name = "timezone";
    } else if (c.accept("session", "authorization")) {
      name = "session_authorization";
    } else {
      StringBuilder sb = new StringBuilder(c.identifier("a parameter name or ALL"));
      while (c.acceptSymbol(".")) {
        sb.append('.').append(c.identifier("a parameter name"));
      }
      name = sb.toString();
    }
    c.expectEnd();
    return new ResetParameter(name);
  }

  /** Reads a transaction command; the cursor is at its first word. */
  static TransactionControl transaction(TokenCursor c) {
    String first = c.next().value();
    switch (first) {
      case "begin":
        skipWorkOrTransaction(c);
        c.rest();
        return new TransactionControl(Command.BEGIN, null, false);
      case "start":
        c.expect("transaction");
        c.rest();
        return new TransactionControl(Command.START_TRANSACTION, null, false);
      case "commit":
        if (c.accept("prepared")) {
          return new TransactionControl(Command.COMMIT_PREPARED, gid(c), false);
        }
        return new TransactionControl(Command.COMMIT, null, chain(c));
      case "end":
        return new TransactionControl(Command.END, null, chain(c));
      case "abort":
        return new TransactionControl(Command.ABORT, null, chain(c));
      case "rollback":
        if (c.accept("prepared")) {
          return new TransactionControl(Command.ROLLBACK_PREPARED, gid(c), false);
        }
        skipWorkOrTransaction(c);
        if (c.accept("to")) {
          c.accept("savepoint");
          String savepoint = c.identifier("a savepoint name");
          c.expectEnd();
          return new TransactionControl(Command.ROLLBACK_TO_SAVEPOINT, savepoint, false);
        }
        return new TransactionControl(Command.ROLLBACK, null, chain(c));
      case "savepoint": {
        String savepoint = c.identifier("a savepoint name");
        c.expectEnd();
        return new TransactionControl(Command.SAVEPOINT, savepoint, false);
      }
      case "release": {
        c.accept("savepoint");
        String savepoint = c.identifier("a savepoint name");
        c.expectEnd();
        return new TransactionControl(Command.RELEASE_SAVEPOINT, savepoint, false);
      }
      case "prepare":
        c.expect("transaction");
        return new TransactionControl(Command.PREPARE_TRANSACTION, gid(c), false);
      default:
        throw new ReadException("expected a transaction command but found '" + first.toUpperCase(Locale.ROOT) + "'",
            0);
    }
  }

  private static void skipWorkOrTransaction(TokenCursor c) {
    if (!c.accept("work")) {
      c.accept("transaction");
    }
  }

  private static boolean chain(TokenCursor c) {
    skipWorkOrTransaction(c);
    boolean chain = false;
    if (c.accept("and", "chain")) {
      chain = true;
    } else {
      c.accept("and", "no", "chain");
    }
    c.expectEnd();
    return chain;
  }

  private static String gid(TokenCursor c) {
    String gid = TypeAndDomainReader.string(c, "a transaction id");
    c.expectEnd();
    return gid;
  }
}
