package dev.migrationmcp.tools.sql.read;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.SqlType;
import dev.migrationmcp.tools.sql.model.Statement;
import java.util.List;

/** Helpers for reader tests. */
final class Reading {
  private Reading() {}

  /** Reads {@code sql} and asserts it became a {@code type}, showing the Unparsed reason if not. */
  static <T extends Statement> T read(String sql, Class<T> type) {
    Statement s = StatementReader.read(sql);
    if (!type.isInstance(s)) {
      fail("expected " + type.getSimpleName() + " for\n  " + sql + "\nbut got " + s);
    }
    return type.cast(s);
  }

  /** The single action of an ALTER TABLE. */
  static <T extends AlterTableAction> T action(String sql, Class<T> type) {
    AlterTable alter = read(sql, AlterTable.class);
    assertTrue(alter.actions().size() == 1, "expected one action: " + alter);
    AlterTableAction a = alter.actions().get(0);
    if (!type.isInstance(a)) {
      fail("expected " + type.getSimpleName() + " for\n  " + sql + "\nbut got " + a);
    }
    return type.cast(a);
  }

  /** A normalised type as the reader builds it. */
  static SqlType type(String name, String text, String... modifiers) {
    return new SqlType(null, name, List.of(modifiers), 0, false, text);
  }
}
