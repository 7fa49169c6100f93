package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.Identifiers;
import dev.migrationmcp.tools.sql.ScriptStatement;
import dev.migrationmcp.tools.sql.SourcePosition;
import dev.migrationmcp.tools.sql.model.CreateTable;
import dev.migrationmcp.tools.sql.model.ObjectType;
import dev.migrationmcp.tools.sql.model.OtherStatement;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.Statement;
import dev.migrationmcp.tools.sql.model.Unparsed;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one statement into the model: dispatches on the leading keywords to the reader for that
 * statement kind, classifies kinds it does not model, and turns any failure into {@link Unparsed}
 * with the reason, line and column. Never throws.
 */
public final class StatementReader {
  /** DROP forms whose names are not plain object names; they are classified, not read. */
  private static final Set<ObjectType> DROP_CLASSIFIED = EnumSet.of(
      ObjectType.OWNED, ObjectType.CAST, ObjectType.USER_MAPPING, ObjectType.OPERATOR, ObjectType.OPERATOR_CLASS,
      ObjectType.OPERATOR_FAMILY, ObjectType.TRANSFORM, ObjectType.LARGE_OBJECT, ObjectType.COLUMN,
      ObjectType.CONSTRAINT);

  private StatementReader() {}

  /** Reads a statement of a split script; positions in an Unparsed reason refer to the script. */
  public static ReadStatement read(ScriptStatement statement) {
    return new ReadStatement(statement, read(statement.text(), statement));
  }

  /** Reads a statement's text (a trailing semicolon is allowed); positions are within the text. */
  public static Statement read(String text) {
    return read(text, null);
  }

  private static Statement read(String text, ScriptStatement origin) {
    TokenCursor c;
    try {
      c = new TokenCursor(text);
    } catch (RuntimeException e) {
      return new Unparsed("", "the statement could not be tokenized: " + describe(e), 0);
    }
    String kind = null;
    try {
      kind = StatementKinds.of(c);
      if (c.atEnd()) {
        return new Unparsed("", "the statement is empty", 0);
      }
      return dispatch(c, kind);
    } catch (ReadException e) {
      String where = position(text, origin, e.offset()).toString();
      return new Unparsed(kindOrFirstWord(kind, c), e.getMessage() + " at " + where, e.offset());
    } catch (RuntimeException | StackOverflowError e) {
      return new Unparsed(kindOrFirstWord(kind, c), "the reader could not model this statement: " + describe(e), 0);
    }
  }

  /** What went wrong, for the client: never an exception class name (FuzzIT rejects internals in answers). */
  private static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "it nests too deeply";
    }
    return e.getMessage() == null || e.getMessage().isBlank() ? "unexpected input" : e.getMessage();
  }

  private static String kindOrFirstWord(String kind, TokenCursor c) {
    if (kind != null) {
      return kind;
    }
    return c.token(0).text().toUpperCase(Locale.ROOT);
  }

  private static Statement dispatch(TokenCursor c, String kind) {
    switch (c.word()) {
      case "alter":
        return alter(c, kind);
      case "create":
        return create(c, kind);
      case "drop":
        return drop(c, kind);
      case "reindex":
        c.next();
        return IndexReader.reindex(c);
      case "refresh":
        c.next();
        c.expect("materialized", "view");
        return ViewReader.refresh(c);
      case "vacuum":
        c.next();
        return MaintenanceReader.vacuum(c);
      case "analyze":
      case "analyse":
        c.next();
        return MaintenanceReader.analyze(c);
      case "cluster":
        c.next();
        return MaintenanceReader.cluster(c);
      case "truncate":
        c.next();
        return MaintenanceReader.truncate(c);
      case "lock":
        c.next();
        return MaintenanceReader.lock(c);
      case "set":
        c.next();
        return SessionReader.set(c);
      case "reset":
        c.next();
        return SessionReader.reset(c);
      case "begin":
      case "start":
      case "commit":
      case "end":
      case "abort":
      case "rollback":
      case "savepoint":
      case "release":
        return SessionReader.transaction(c);
      case "prepare":
        if (c.at("prepare", "transaction")) {
          return SessionReader.transaction(c);
        }
        return classified(c, kind);
      case "update":
      case "delete":
      case "insert":
      case "select":
      case "values":
      case "table":
        return DmlReader.read(c);
      case "with":
        return with(c);
      case "do":
        c.next();
        return RoutineReader.doBlock(c);
      case "comment":
        c.next();
        c.expect("on");
        return MiscReader.comment(c);
      case "grant":
      case "revoke":
        return MiscReader.grant(c);
      default:
        if (c.atSymbol("(")) {
          return DmlReader.read(c);
        }
        return classified(c, kind);
    }
  }

  private static Statement with(TokenCursor c) {
    int mark = c.position();
    try {
      return DmlReader.read(c);
    } catch (ReadException e) {
      c.reset(mark);
      if (c.findTopLevel(Set.of("merge")) >= 0) {
        return new OtherStatement("MERGE", null);
      }
      throw e;
    }
  }

  private static Statement alter(TokenCursor c, String kind) {
    c.next();
    if (c.at("table") && !c.at("table", "all")) {
      c.next();
      return AlterTableReader.read(c);
    }
    if (c.at("index") && !c.at("index", "all")) {
      c.next();
      return IndexReader.alter(c);
    }
    if (c.accept("type")) {
      return TypeAndDomainReader.alterType(c);
    }
    if (c.accept("domain")) {
      return TypeAndDomainReader.alterDomain(c);
    }
    if (c.accept("schema")) {
      return MiscReader.alterSchema(c);
    }
    return classified(c, kind);
  }

  private static Statement create(TokenCursor c, String kind) {
    c.next();
    boolean orReplace = c.accept("or", "replace");
    CreateTable.Persistence persistence = CreateTable.Persistence.PERMANENT;
    boolean unique = false;
    boolean recursive = false;
    while (StatementKinds.CREATE_MODIFIERS.contains(c.word())) {
      String modifier = c.next().value();
      switch (modifier) {
        case "temp":
        case "temporary":
          persistence = CreateTable.Persistence.TEMPORARY;
          break;
        case "unlogged":
          persistence = CreateTable.Persistence.UNLOGGED;
          break;
        case "unique":
          unique = true;
          break;
        case "recursive":
          recursive = true;
          break;
        default:
          break;
      }
    }
    boolean temporary = persistence == CreateTable.Persistence.TEMPORARY;
    if (c.accept("table")) {
      return CreateTableReader.read(c, persistence);
    }
    if (c.accept("index")) {
      return IndexReader.create(c, unique);
    }
    if (c.accept("materialized", "view")) {
      return ViewReader.create(c, true, orReplace, temporary, recursive);
    }
    if (c.accept("view")) {
      return ViewReader.create(c, false, orReplace, temporary, recursive);
    }
    if (c.accept("type")) {
      return TypeAndDomainReader.createType(c);
    }
    if (c.accept("domain")) {
      return TypeAndDomainReader.createDomain(c);
    }
    if (c.accept("function")) {
      return RoutineReader.routine(c, false, orReplace);
    }
    if (c.accept("procedure")) {
      return RoutineReader.routine(c, true, orReplace);
    }
    if (c.accept("trigger")) {
      return RoutineReader.trigger(c, orReplace);
    }
    if (c.accept("extension")) {
      return MiscReader.extension(c);
    }
    if (c.accept("sequence")) {
      return MiscReader.sequence(c);
    }
    if (c.accept("schema")) {
      return MiscReader.schema(c);
    }
    return classified(c, kind);
  }

  private static Statement drop(TokenCursor c, String kind) {
    c.next();
    if (c.accept("index")) {
      return IndexReader.drop(c);
    }
    int mark = c.position();
    ObjectType type = ObjectTypes.accept(c);
    if (type == null || DROP_CLASSIFIED.contains(type)) {
      c.reset(mark);
      return classified(c, kind);
    }
    return DropReader.read(c, type);
  }

  /**
   * A statement recognised by kind only. The target is the first name after the kind's keywords
   * when one can be read; an unknown kind is {@link Unparsed}.
   */
  private static Statement classified(TokenCursor c, String kind) {
    if (kind == null) {
      throw new ReadException("expected a PostgreSQL statement but found " + TokenCursor.describe(c.token(0)), 0);
    }
    return new OtherStatement(kind, target(c, kind));
  }

  private static QualifiedName target(TokenCursor c, String kind) {
    if (NO_TARGET.contains(kind)) {
      return null;
    }
    c.reset(0);
    String verb = c.next().value();
    if (verb.equals("create") || verb.equals("alter") || verb.equals("drop")) {
      c.accept("or", "replace");
      while (StatementKinds.CREATE_MODIFIERS.contains(c.word())) {
        c.next();
      }
      c.accept("procedural");
      ObjectTypes.accept(c);
    } else {
      for (int i = 1; i < kind.split(" ").length && !c.atEnd(); i++) {
        c.next();
      }
    }
    c.accept("if", "not", "exists");
    c.accept("if", "exists");
    c.accept("concurrently");
    c.accept("into");
    if (!c.peek().isIdentifier() || Identifiers.isReserved(c.word())) {
      return null;
    }
    try {
      return c.qualifiedName("a name");
    } catch (ReadException e) {
      return null;
    }
  }

  /** Kinds whose first name is not the object they act on. */
  private static final Set<String> NO_TARGET = Set.of(
      "ALTER SYSTEM", "ALTER DEFAULT PRIVILEGES", "DROP OWNED", "REASSIGN OWNED", "SECURITY LABEL", "EXPLAIN",
      "DROP CAST", "DROP USER MAPPING", "CREATE USER MAPPING", "ALTER USER MAPPING", "CREATE CAST", "CREATE TRANSFORM",
      "DROP TRANSFORM", "IMPORT FOREIGN SCHEMA");

  /** Line and column of {@code offset} in {@code text}, in script terms when the statement is known. */
  static SourcePosition position(String text, ScriptStatement origin, int offset) {
    int end = Math.max(0, Math.min(offset, text.length()));
    int line = origin != null ? origin.line() : 1;
    int column = origin != null ? origin.column() : 1;
    for (int i = 0; i < end; i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || (ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (!(Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
        column++;
      }
    }
    return new SourcePosition(origin != null ? origin.offset() + end : end, line, column);
  }
}
