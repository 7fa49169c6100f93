package dev.migrationmcp.tools.sql.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void quotesNamesThatNeedIt() {
    assertEquals("public.orders", new QualifiedName("public", "orders").sql());
    assertEquals("\"Order\"", QualifiedName.of("Order").sql());
    assertEquals("\"user\"", QualifiedName.of("user").sql());
    assertEquals("\"a\"\"b\"", QualifiedName.of("a\"b").sql());
    assertEquals("action", QualifiedName.of("action").sql());
  }

  @Test
  void rejectsEmptyName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QualifiedName("s", ""));
    assertTrue(e.getMessage().contains("schema s"), e.getMessage());
  }

  @Test
  void rendersTypesCanonically() {
    assertEquals("character varying(20)[]",
        new SqlType(null, "character varying", List.of("20"), 1, false, "varchar(20)[]").sql());
    assertEquals("timestamp(3) with time zone",
        new SqlType(null, "timestamp with time zone", List.of("3"), 0, false, "timestamptz(3)").sql());
    assertEquals("numeric(10,2)", new SqlType(null, "numeric", List.of("10", "2"), 0, false, "decimal(10, 2)").sql());
    assertEquals("app.\"Mood\"", new SqlType("app", "Mood", List.of(), 0, false, "app.\"Mood\"").sql());
    assertEquals(20, new SqlType(null, "character varying", List.of("20"), 0, false, "varchar(20)").length());
    assertEquals(-1, SqlType.of("text").length());
    assertEquals("\"char\"", SqlType.of("char").sql());
    assertEquals("bit varying(8)", new SqlType(null, "bit varying", List.of("8"), 0, false, "varbit(8)").sql());
  }

  @Test
  void findsDuplicateAssignments() {
    Update update = new Update(QualifiedName.of("t"), false, null, List.of("a", "b", "a", "a"), true, false, false,
        false);
    assertEquals(List.of("a"), update.duplicateAssignments());
  }

  @Test
  void primaryKeyAndIdentityImplyNotNull() {
    ColumnDefinition pk = new ColumnDefinition("id", SqlType.of("bigint"), null, null, false, null,
        List.of(new TableConstraint.PrimaryKey(null, List.of("id"), List.of(), null, false)));
    ColumnDefinition identity = new ColumnDefinition("id", SqlType.of("bigint"), null, null, false,
        new Generated(Generated.Kind.IDENTITY_ALWAYS, null, null), List.of());
    ColumnDefinition plain = new ColumnDefinition("x", SqlType.of("text"), null, null, false, null, List.of());
    assertTrue(pk.effectivelyNotNull());
    assertTrue(identity.effectivelyNotNull());
    assertTrue(identity.usesSequence());
    assertFalse(plain.effectivelyNotNull());
  }

  @Test
  void transactionCommandsKnowWhetherTheyEndATransaction() {
    assertTrue(new TransactionControl(TransactionControl.Command.END, null, false).endsTransaction());
    assertEquals("COMMIT", new TransactionControl(TransactionControl.Command.END, null, false).kind());
    assertTrue(new TransactionControl(TransactionControl.Command.START_TRANSACTION, null, false).opensTransaction());
    assertFalse(new TransactionControl(TransactionControl.Command.SAVEPOINT, "s", false).endsTransaction());
  }

  @Test
  void classifiedAndUnparsedStatementsSayTheirCoverage() {
    assertEquals(Statement.Coverage.CLASSIFIED, new OtherStatement("CREATE POLICY", null).coverage());
    assertEquals(Statement.Coverage.UNPARSED, new Unparsed("ALTER TABLE", "expected …", 3).coverage());
    assertEquals(Statement.Coverage.MODELLED, new Analyze(List.of()).coverage());
  }
}
