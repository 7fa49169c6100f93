package dev.migrationmcp.tools.sql.read;

import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.SqlType;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action …]} with every action form. */
final class AlterTableReader {
  /** Expressions in ALTER TABLE end only at a top-level comma. */
  private static final Set<String> NO_STOP_WORDS = Set.of();

  private AlterTableReader() {}

  /** Called with the cursor after {@code ALTER TABLE}. */
  static AlterTable read(TokenCursor c) {
    boolean ifExists = c.accept("if", "exists");
    boolean only = c.accept("only");
    QualifiedName table = c.qualifiedName("a table name");
    c.acceptSymbol("*");
    List<AlterTableAction> actions = new ArrayList<>();
    do {
      actions.add(action(c));
    } while (c.acceptSymbol(","));
    c.expectEnd();
    return new AlterTable(table, ifExists, only, actions);
  }

  private static AlterTableAction action(TokenCursor c) {
    int start = c.position();
    if (c.accept("add")) {
      if (ConstraintReader.atTableConstraint(c)) {
        TableConstraint constraint = ConstraintReader.tableConstraint(c);
        boolean notValid = c.accept("not", "valid");
        return new AlterTableAction.AddConstraint(constraint, notValid);
      }
      c.accept("column");
      boolean ifNotExists = c.accept("if", "not", "exists");
      return new AlterTableAction.AddColumn(ifNotExists, ConstraintReader.column(c, true));
    }
    if (c.accept("drop")) {
      if (c.accept("constraint")) {
        boolean ifExists = c.accept("if", "exists");
        String name = c.identifier("a constraint name");
        return new AlterTableAction.DropConstraint(name, ifExists, dropBehavior(c));
      }
      c.accept("column");
      boolean ifExists = c.accept("if", "exists");
      String column = c.identifier("a column name");
      return new AlterTableAction.DropColumn(column, ifExists, dropBehavior(c));
    }
    if (c.at("alter") && !c.at("alter", "constraint")) {
      c.next();
      c.accept("column");
      String column = c.identifier("a column name");
      return alterColumn(c, column, start);
    }
    if (c.accept("validate", "constraint")) {
      return new AlterTableAction.ValidateConstraint(c.identifier("a constraint name"));
    }
    if (c.accept("rename")) {
      if (c.accept("to")) {
        return new AlterTableAction.RenameTable(c.identifier("the new table name"));
      }
      if (c.accept("constraint")) {
        String from = c.identifier("a constraint name");
        c.expect("to");
        return new AlterTableAction.RenameConstraint(from, c.identifier("the new constraint name"));
      }
      c.accept("column");
      String from = c.identifier("a column name");
      c.expect("to");
      return new AlterTableAction.RenameColumn(from, c.identifier("the new column name"));
    }
    if (c.accept("set", "schema")) {
      return new AlterTableAction.SetSchema(c.identifier("a schema name"));
    }
    if (c.accept("set", "logged")) {
      return new AlterTableAction.SetLogged(true);
    }
    if (c.accept("set", "unlogged")) {
      return new AlterTableAction.SetLogged(false);
    }
    if (c.accept("set", "tablespace")) {
      return new AlterTableAction.SetTablespace(c.identifier("a tablespace name"));
    }
    if (c.accept("attach", "partition")) {
      QualifiedName partition = c.qualifiedName("a partition name");
      int boundStart = c.position();
      skipAction(c);
      return new AlterTableAction.AttachPartition(partition, c.textSince(boundStart));
    }
    if (c.accept("detach", "partition")) {
      QualifiedName partition = c.qualifiedName("a partition name");
      boolean concurrently = c.accept("concurrently");
      boolean finalizing = c.accept("finalize");
      return new AlterTableAction.DetachPartition(partition, concurrently, finalizing);
    }
    if ((c.at("enable") || c.at("disable")) && triggerFollows(c)) {
      boolean enabled = c.next().is("enable");
      String mode = null;
      if (c.at("always") || c.at("replica")) {
        mode = c.next().value().toUpperCase(Locale.ROOT);
      }
      c.expect("trigger");
      String trigger;
      if (c.at("all") || c.at("user")) {
        trigger = c.next().value().toUpperCase(Locale.ROOT);
      } else {
        trigger = c.identifier("a trigger name, ALL or USER");
      }
      return new AlterTableAction.SetTrigger(enabled, trigger, mode);
    }
    if (c.accept("owner", "to")) {
      return new AlterTableAction.OwnerTo(c.identifier("a role name"));
    }
    if (c.atEnd()) {
      throw c.error("an ALTER TABLE action");
    }
    if (!KNOWN_OTHER_ACTIONS.contains(c.word())) {
      throw c.error("an ALTER TABLE action");
    }
    skipAction(c);
    return new AlterTableAction.OtherAlterAction(c.textSince(start));
  }

  /** First words of the actions kept as {@link AlterTableAction.OtherAlterAction}. */
  private static final Set<String> KNOWN_OTHER_ACTIONS = Set.of(
      "alter", "enable", "disable", "force", "no", "set", "reset", "cluster", "inherit", "of", "not", "replica",
      "owner", "add");

  private static boolean triggerFollows(TokenCursor c) {
    return c.peek(1).is("trigger") || ((c.peek(1).is("always") || c.peek(1).is("replica")) && c.peek(2).is("trigger"));
  }

  private static AlterTableAction alterColumn(TokenCursor c, String column, int start) {
    if (c.accept("set", "data", "type") || c.accept("type")) {
      SqlType type = TypeReader.read(c);
      String collation = null;
      if (c.accept("collate")) {
        collation = c.qualifiedName("a collation").name();
      }
      String using = null;
      if (c.accept("using")) {
        using = c.expression("a USING expression", NO_STOP_WORDS);
      }
      return new AlterTableAction.AlterColumnType(column, type, collation, using);
    }
    if (c.accept("set", "not", "null")) {
      return new AlterTableAction.SetNotNull(column);
    }
    if (c.accept("drop", "not", "null")) {
      return new AlterTableAction.DropNotNull(column);
    }
    if (c.accept("set", "default")) {
      return new AlterTableAction.SetDefault(column, c.expression("a default expression", NO_STOP_WORDS));
    }
    if (c.accept("drop", "default")) {
      return new AlterTableAction.DropDefault(column);
    }
    if (c.at("set") || c.at("drop") || c.at("add") || c.at("reset") || c.at("restart")) {
      skipAction(c);
      return new AlterTableAction.OtherAlterAction(c.textSince(start));
    }
    throw c.error("TYPE, SET/DROP NOT NULL, SET/DROP DEFAULT or another ALTER COLUMN action");
  }

  private static boolean dropBehavior(TokenCursor c) {
    if (c.accept("cascade")) {
      return true;
    }
    c.accept("restrict");
    return false;
  }

  /** Skips to the next top-level ',' (or the end). */
  private static void skipAction(TokenCursor c) {
    int depth = 0;
    while (!c.atEnd()) {
      if (depth == 0 && c.atSymbol(",")) {
        return;
      }
      if (c.atSymbol("(") || c.atSymbol("[")) {
        depth++;
      } else if (c.atSymbol(")") || c.atSymbol("]")) {
        depth--;
      }
      c.next();
    }
  }
}
