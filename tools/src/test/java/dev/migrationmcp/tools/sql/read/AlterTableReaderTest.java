package dev.migrationmcp.tools.sql.read;

import static dev.migrationmcp.tools.sql.read.Reading.action;
import static dev.migrationmcp.tools.sql.read.Reading.read;
import static dev.migrationmcp.tools.sql.read.Reading.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationmcp.tools.sql.model.AlterTable;
import dev.migrationmcp.tools.sql.model.AlterTableAction;
import dev.migrationmcp.tools.sql.model.AlterTableAction.AddColumn;
import dev.migrationmcp.tools.sql.model.AlterTableAction.AddConstraint;
import dev.migrationmcp.tools.sql.model.AlterTableAction.AlterColumnType;
import dev.migrationmcp.tools.sql.model.ColumnDefinition;
import dev.migrationmcp.tools.sql.model.Generated;
import dev.migrationmcp.tools.sql.model.QualifiedName;
import dev.migrationmcp.tools.sql.model.SqlType;
import dev.migrationmcp.tools.sql.model.TableConstraint;
import dev.migrationmcp.tools.sql.model.Unparsed;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlterTableReaderTest {

  /** One action per statement: the SQL and the action it must become. */
  static Stream<Arguments> actions() {
    return Stream.of(
        Arguments.of("ALTER TABLE t ALTER COLUMN c SET DATA TYPE bigint",
            new AlterColumnType("c", type("bigint", "bigint"), null, null)),
        Arguments.of("ALTER TABLE t ALTER c TYPE varchar(40) USING c::varchar(40)",
            new AlterColumnType("c", type("character varying", "varchar(40)", "40"), null, "c::varchar(40)")),
        Arguments.of("ALTER TABLE t ALTER COLUMN c TYPE text COLLATE \"C\"",
            new AlterColumnType("c", type("text", "text"), "C", null)),
        Arguments.of("ALTER TABLE t ALTER COLUMN c SET NOT NULL", new AlterTableAction.SetNotNull("c")),
        Arguments.of("ALTER TABLE t ALTER COLUMN c DROP NOT NULL", new AlterTableAction.DropNotNull("c")),
        Arguments.of("ALTER TABLE t ALTER COLUMN c SET DEFAULT now()", new AlterTableAction.SetDefault("c", "now()")),
        Arguments.of("ALTER TABLE t ALTER COLUMN c DROP DEFAULT", new AlterTableAction.DropDefault("c")),
        Arguments.of("ALTER TABLE t DROP COLUMN c", new AlterTableAction.DropColumn("c", false, false)),
        Arguments.of("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE", new AlterTableAction.DropColumn("c", true, true)),
        Arguments.of("ALTER TABLE t DROP c RESTRICT", new AlterTableAction.DropColumn("c", false, false)),
        Arguments.of("ALTER TABLE t ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID",
            new AddConstraint(new TableConstraint.Check("positive", "amount > 0", false), true)),
        Arguments.of("ALTER TABLE t ADD CHECK (a <> b)",
            new AddConstraint(new TableConstraint.Check(null, "a <> b", false), false)),
        Arguments.of("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) "
                + "ON DELETE CASCADE NOT VALID",
            new AddConstraint(new TableConstraint.ForeignKey("orders_user_fk", List.of("user_id"),
                QualifiedName.of("users"), List.of("id"), "CASCADE", null, null, false), true)),
        Arguments.of("ALTER TABLE t ADD FOREIGN KEY (a, b) REFERENCES s.u MATCH FULL ON UPDATE SET NULL "
                + "DEFERRABLE INITIALLY DEFERRED",
            new AddConstraint(new TableConstraint.ForeignKey(null, List.of("a", "b"), new QualifiedName("s", "u"),
                List.of(), null, "SET NULL", "FULL", true), false)),
        Arguments.of("ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE USING INDEX t_email_idx",
            new AddConstraint(new TableConstraint.Unique("t_email_key", List.of(), List.of(), "t_email_idx", false,
                false), false)),
        Arguments.of("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx",
            new AddConstraint(new TableConstraint.PrimaryKey("t_pkey", List.of(), List.of(), "t_id_idx", false),
                false)),
        Arguments.of("ALTER TABLE t ADD UNIQUE NULLS NOT DISTINCT (a, b) INCLUDE (c)",
            new AddConstraint(new TableConstraint.Unique(null, List.of("a", "b"), List.of("c"), null, true, false),
                false)),
        Arguments.of("ALTER TABLE t ADD PRIMARY KEY (id)",
            new AddConstraint(new TableConstraint.PrimaryKey(null, List.of("id"), List.of(), null, false), false)),
        Arguments.of("ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) "
                + "WHERE (NOT cancelled)",
            new AddConstraint(new TableConstraint.Exclude("no_overlap", "gist", "room WITH =, during WITH &&",
                "NOT cancelled"), false)),
        Arguments.of("ALTER TABLE t VALIDATE CONSTRAINT positive", new AlterTableAction.ValidateConstraint("positive")),
        Arguments.of("ALTER TABLE t DROP CONSTRAINT IF EXISTS positive CASCADE",
            new AlterTableAction.DropConstraint("positive", true, true)),
        Arguments.of("ALTER TABLE t RENAME TO t2", new AlterTableAction.RenameTable("t2")),
        Arguments.of("ALTER TABLE t RENAME COLUMN a TO b", new AlterTableAction.RenameColumn("a", "b")),
        Arguments.of("ALTER TABLE t RENAME a TO b", new AlterTableAction.RenameColumn("a", "b")),
        Arguments.of("ALTER TABLE t RENAME CONSTRAINT a TO b", new AlterTableAction.RenameConstraint("a", "b")),
        Arguments.of("ALTER TABLE t SET SCHEMA archive", new AlterTableAction.SetSchema("archive")),
        Arguments.of("ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
            new AlterTableAction.AttachPartition(QualifiedName.of("m_2024"),
                "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")),
        Arguments.of("ALTER TABLE m ATTACH PARTITION m_other DEFAULT",
            new AlterTableAction.AttachPartition(QualifiedName.of("m_other"), "DEFAULT")),
        Arguments.of("ALTER TABLE m DETACH PARTITION m_2024 CONCURRENTLY",
            new AlterTableAction.DetachPartition(QualifiedName.of("m_2024"), true, false)),
        Arguments.of("ALTER TABLE m DETACH PARTITION m_2024 FINALIZE",
            new AlterTableAction.DetachPartition(QualifiedName.of("m_2024"), false, true)),
        Arguments.of("ALTER TABLE m DETACH PARTITION m_2024", new AlterTableAction.DetachPartition(
            QualifiedName.of("m_2024"), false, false)),
        Arguments.of("ALTER TABLE t SET LOGGED", new AlterTableAction.SetLogged(true)),
        Arguments.of("ALTER TABLE t SET UNLOGGED", new AlterTableAction.SetLogged(false)),
        Arguments.of("ALTER TABLE t SET TABLESPACE fast", new AlterTableAction.SetTablespace("fast")),
        Arguments.of("ALTER TABLE t DISABLE TRIGGER ALL", new AlterTableAction.SetTrigger(false, "ALL", null)),
        Arguments.of("ALTER TABLE t ENABLE TRIGGER audit", new AlterTableAction.SetTrigger(true, "audit", null)),
        Arguments.of("ALTER TABLE t ENABLE REPLICA TRIGGER audit",
            new AlterTableAction.SetTrigger(true, "audit", "REPLICA")),
        Arguments.of("ALTER TABLE t DISABLE TRIGGER USER", new AlterTableAction.SetTrigger(false, "USER", null)),
        Arguments.of("ALTER TABLE t OWNER TO app", new AlterTableAction.OwnerTo("app")),
        Arguments.of("ALTER TABLE t ENABLE ROW LEVEL SECURITY",
            new AlterTableAction.OtherAlterAction("ENABLE ROW LEVEL SECURITY")),
        Arguments.of("ALTER TABLE t SET (fillfactor = 70)", new AlterTableAction.OtherAlterAction("SET (fillfactor = 70)")),
        Arguments.of("ALTER TABLE t REPLICA IDENTITY FULL", new AlterTableAction.OtherAlterAction("REPLICA IDENTITY FULL")),
        Arguments.of("ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
            new AlterTableAction.OtherAlterAction("ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY")),
        Arguments.of("ALTER TABLE t ALTER COLUMN c SET STATISTICS 500",
            new AlterTableAction.OtherAlterAction("ALTER COLUMN c SET STATISTICS 500")),
        Arguments.of("ALTER TABLE t ALTER CONSTRAINT fk DEFERRABLE",
            new AlterTableAction.OtherAlterAction("ALTER CONSTRAINT fk DEFERRABLE")),
        Arguments.of("ALTER TABLE t CLUSTER ON t_idx", new AlterTableAction.OtherAlterAction("CLUSTER ON t_idx")),
        Arguments.of("ALTER TABLE t NO INHERIT p", new AlterTableAction.OtherAlterAction("NO INHERIT p")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void readsAction(String sql, AlterTableAction expected) {
    assertEquals(expected, action(sql, AlterTableAction.class));
  }

  @Test
  void readsAlterTableIfExistsOnly() {
    AlterTable alter = read("ALTER TABLE IF EXISTS ONLY public.\"Orders\" DROP COLUMN note", AlterTable.class);
    assertTrue(alter.ifExists());
    assertTrue(alter.only());
    assertEquals(new QualifiedName("public", "Orders"), alter.table());
  }

  @Test
  void readsMultiActionAlterTable() {
    AlterTable alter = read("ALTER TABLE orders\n"
        + "  ADD COLUMN status text NOT NULL DEFAULT 'new',\n"
        + "  ALTER COLUMN total SET DATA TYPE numeric(12, 2),\n"
        + "  DROP CONSTRAINT IF EXISTS old_check,\n"
        + "  ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID", AlterTable.class);
    assertEquals(4, alter.actions().size());
    assertInstanceOf(AddColumn.class, alter.actions().get(0));
    assertInstanceOf(AlterColumnType.class, alter.actions().get(1));
    assertInstanceOf(AlterTableAction.DropConstraint.class, alter.actions().get(2));
    AddConstraint check = (AddConstraint) alter.actions().get(3);
    assertTrue(check.notValid());
    assertEquals(List.of(check), alter.actions(AddConstraint.class));
  }

  @Test
  void readsAddColumnWithEverything() {
    AddColumn add = action("ALTER TABLE t ADD COLUMN IF NOT EXISTS user_id bigint NOT NULL DEFAULT 0 "
        + "CONSTRAINT t_user_fk REFERENCES users (id) ON DELETE SET NULL", AddColumn.class);
    assertTrue(add.ifNotExists());
    ColumnDefinition c = add.column();
    assertEquals("user_id", c.name());
    assertEquals("bigint", c.type().name());
    assertTrue(c.notNull());
    assertEquals("0", c.defaultExpression());
    TableConstraint.ForeignKey fk = c.foreignKey();
    assertEquals("t_user_fk", fk.name());
    assertEquals(List.of("user_id"), fk.columns());
    assertEquals(QualifiedName.of("users"), fk.referencedTable());
    assertEquals("SET NULL", fk.onDelete());
  }

  @Test
  void readsAddColumnWithoutColumnKeyword() {
    AddColumn add = action("ALTER TABLE t ADD note varchar(20)[]", AddColumn.class);
    assertEquals("note", add.column().name());
    assertEquals(new SqlType(null, "character varying", List.of("20"), 1, false, "varchar(20)[]"), add.column().type());
  }

  @Test
  void readsDefaultExpressionUpToTheNextConstraint() {
    ColumnDefinition c = action("ALTER TABLE t ADD COLUMN a timestamptz DEFAULT (now() AT TIME ZONE 'utc') NOT NULL "
        + "CHECK (a > '2000-01-01')", AddColumn.class).column();
    assertEquals("(now() AT TIME ZONE 'utc')", c.defaultExpression());
    assertTrue(c.notNull());
    assertEquals(new TableConstraint.Check(null, "a > '2000-01-01'", false), c.constraints().get(0));
    ColumnDefinition withCase = action("ALTER TABLE t ADD b int DEFAULT CASE WHEN true THEN NULL ELSE 1 END NULL",
        AddColumn.class).column();
    assertEquals("CASE WHEN true THEN NULL ELSE 1 END", withCase.defaultExpression());
    assertFalse(withCase.notNull());
  }

  @Test
  void readsSerialAndIdentityAndGeneratedColumns() {
    ColumnDefinition serial = action("ALTER TABLE t ADD COLUMN id bigserial PRIMARY KEY", AddColumn.class).column();
    assertTrue(serial.type().serial());
    assertEquals("bigint", serial.type().name());
    assertTrue(serial.effectivelyNotNull());
    assertTrue(serial.usesSequence());
    ColumnDefinition identity = action("ALTER TABLE t ADD COLUMN id int GENERATED BY DEFAULT AS IDENTITY "
        + "(START WITH 10)", AddColumn.class).column();
    assertEquals(new Generated(Generated.Kind.IDENTITY_BY_DEFAULT, null, "START WITH 10"), identity.generated());
    ColumnDefinition always = action("ALTER TABLE t ADD COLUMN id int GENERATED ALWAYS AS IDENTITY",
        AddColumn.class).column();
    assertEquals(Generated.Kind.IDENTITY_ALWAYS, always.generated().kind());
    ColumnDefinition stored = action("ALTER TABLE t ADD COLUMN total numeric GENERATED ALWAYS AS "
        + "(price * qty) STORED", AddColumn.class).column();
    assertEquals(new Generated(Generated.Kind.STORED, "price * qty", null), stored.generated());
    ColumnDefinition virtual = action("ALTER TABLE t ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty)",
        AddColumn.class).column();
    assertEquals(Generated.Kind.VIRTUAL, virtual.generated().kind());
  }

  static Stream<String> keywordColumns() {
    return Stream.of("action", "path", "local", "type", "key", "value", "name", "data", "status", "position",
        "level", "owner", "comment", "language", "version", "schema", "role", "time", "timestamp", "text", "date",
        "filter", "format", "source", "\"user\"", "\"order\"", "\"default\"");
  }

  @ParameterizedTest
  @MethodSource("keywordColumns")
  void readsColumnsNamedLikeKeywords(String column) {
    String expected = column.startsWith("\"") ? column.substring(1, column.length() - 1) : column;
    assertEquals(expected, action("ALTER TABLE t ADD COLUMN " + column + " text", AddColumn.class).column().name());
    assertEquals(expected, action("ALTER TABLE t ADD " + column + " text NOT NULL", AddColumn.class).column().name());
    assertEquals(expected, action("ALTER TABLE t DROP COLUMN " + column, AlterTableAction.DropColumn.class).column());
    assertEquals(expected, action("ALTER TABLE t ALTER COLUMN " + column + " TYPE bigint", AlterColumnType.class)
        .column());
    assertEquals(expected, action("ALTER TABLE t ALTER " + column + " SET NOT NULL", AlterTableAction.SetNotNull.class)
        .column());
    assertEquals(expected, action("ALTER TABLE t RENAME " + column + " TO x", AlterTableAction.RenameColumn.class)
        .from());
  }

  @Test
  void foldsUnquotedAndKeepsQuotedNames() {
    AlterTable alter = read("ALTER TABLE Public.Orders ADD \"CamelCase\" int, ADD lowerMe int", AlterTable.class);
    assertEquals(new QualifiedName("public", "orders"), alter.table());
    assertEquals("CamelCase", ((AddColumn) alter.actions().get(0)).column().name());
    assertEquals("lowerme", ((AddColumn) alter.actions().get(1)).column().name());
  }

  @Test
  void reportsWhereAnAlterTableCannotBeRead() {
    Unparsed u = read("ALTER TABLE t\n  ADD COLUMN c int,\n  FROBNICATE c", Unparsed.class);
    assertEquals("ALTER TABLE", u.kind());
    assertEquals("expected an ALTER TABLE action but found 'FROBNICATE' at line 3, column 3", u.reason());
  }

  @Test
  void reportsMissingActionAtEnd() {
    Unparsed u = read("ALTER TABLE t", Unparsed.class);
    assertEquals("expected an ALTER TABLE action but found the end of the statement at line 1, column 14", u.reason());
  }

  @Test
  void keepsNotValidOffForPlainConstraint() {
    AddConstraint add = action("ALTER TABLE t ADD CONSTRAINT c CHECK (x IS NOT NULL)", AddConstraint.class);
    assertFalse(add.notValid());
    assertEquals("x IS NOT NULL", ((TableConstraint.Check) add.constraint()).expression());
  }
}
