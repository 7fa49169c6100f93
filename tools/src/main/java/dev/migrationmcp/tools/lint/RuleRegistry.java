package dev.migrationmcp.tools.lint;

import dev.migrationmcp.tools.lint.rules.AddColumnNotNullNoDefault;
import dev.migrationmcp.tools.lint.rules.AddColumnVolatileDefault;
import dev.migrationmcp.tools.lint.rules.AddConstraintNotValidMissing;
import dev.migrationmcp.tools.lint.rules.AddForeignKeyLocksBothTables;
import dev.migrationmcp.tools.lint.rules.AlterColumnType;
import dev.migrationmcp.tools.lint.rules.BanCharType;
import dev.migrationmcp.tools.lint.rules.CombineAlterTable;
import dev.migrationmcp.tools.lint.rules.ConcurrentlyInTransaction;
import dev.migrationmcp.tools.lint.rules.CreateIndexNonConcurrently;
import dev.migrationmcp.tools.lint.rules.DropColumn;
import dev.migrationmcp.tools.lint.rules.DropIndexNonConcurrently;
import dev.migrationmcp.tools.lint.rules.DropSchemaOrDatabase;
import dev.migrationmcp.tools.lint.rules.DropTable;
import dev.migrationmcp.tools.lint.rules.DuplicateColumnAssignment;
import dev.migrationmcp.tools.lint.rules.EnumAddValuePosition;
import dev.migrationmcp.tools.lint.rules.IdentifierTooLong;
import dev.migrationmcp.tools.lint.rules.InvalidPostgresSyntax;
import dev.migrationmcp.tools.lint.rules.LargeTable;
import dev.migrationmcp.tools.lint.rules.MissingLockTimeout;
import dev.migrationmcp.tools.lint.rules.PreferBigint;
import dev.migrationmcp.tools.lint.rules.PreferIdentityOverSerial;
import dev.migrationmcp.tools.lint.rules.PreferJsonb;
import dev.migrationmcp.tools.lint.rules.PreferRobustStatements;
import dev.migrationmcp.tools.lint.rules.PreferTextOverVarchar;
import dev.migrationmcp.tools.lint.rules.PreferTimestamptz;
import dev.migrationmcp.tools.lint.rules.RenameColumn;
import dev.migrationmcp.tools.lint.rules.RenameEnumValue;
import dev.migrationmcp.tools.lint.rules.RenameSchema;
import dev.migrationmcp.tools.lint.rules.RenameTable;
import dev.migrationmcp.tools.lint.rules.SchemaQualifiedNames;
import dev.migrationmcp.tools.lint.rules.SetNotNull;
import dev.migrationmcp.tools.lint.rules.ReindexNonConcurrently;
import dev.migrationmcp.tools.lint.rules.AddStoredGeneratedOrSerialColumn;
import dev.migrationmcp.tools.lint.rules.AddUniqueConstraint;
import dev.migrationmcp.tools.lint.rules.AddPrimaryKey;
import dev.migrationmcp.tools.lint.rules.VacuumFullOrCluster;
import dev.migrationmcp.tools.lint.rules.RefreshMatviewNonConcurrently;
import dev.migrationmcp.tools.lint.rules.DetachPartitionNonConcurrently;
import dev.migrationmcp.tools.lint.rules.AddExclusionConstraint;
import dev.migrationmcp.tools.lint.rules.AlterDomainAddConstraint;
import dev.migrationmcp.tools.lint.rules.CreateDomainWithConstraint;
import dev.migrationmcp.tools.lint.rules.PrimaryKeyUsingIndexSetsNotNull;
import dev.migrationmcp.tools.lint.rules.DropNotNull;
import dev.migrationmcp.tools.lint.rules.MultipleExclusiveLocksInTransaction;
import dev.migrationmcp.tools.lint.rules.EnumAddValueInTransaction;
import dev.migrationmcp.tools.lint.rules.UncommittedTransaction;
import dev.migrationmcp.tools.lint.rules.TransactionNesting;
import dev.migrationmcp.tools.lint.rules.MissingStatementTimeout;
import dev.migrationmcp.tools.lint.rules.IndexConcurrentlyCorruptionPg14;
import dev.migrationmcp.tools.lint.rules.FlywayFileName;
import dev.migrationmcp.tools.lint.rules.FlywayAppliedMigrationModified;
import dev.migrationmcp.tools.lint.rules.FlywayNonTransactionalStatement;
import dev.migrationmcp.tools.lint.rules.ForeignKeyWithoutIndex;
import dev.migrationmcp.tools.lint.rules.UnknownObject;
import dev.migrationmcp.tools.lint.rules.DuplicateIndex;
import dev.migrationmcp.tools.lint.rules.NotNullOnColumnWithNulls;
import dev.migrationmcp.tools.lint.rules.DropWithDependents;
import dev.migrationmcp.tools.lint.rules.Truncate;
import dev.migrationmcp.tools.lint.rules.UnbatchedBackfill;
import dev.migrationmcp.tools.lint.rules.UpdateOrDeleteWithoutWhere;
import dev.migrationmcp.tools.lint.rules.WideNonUniqueIndex;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one list of built-in rules (no classpath scanning). A meta-test checks that every rule class
 * is listed here, annotated, documented and tested. Rules keep per-run state, so each run gets new
 * instances.
 */
public final class RuleRegistry {
  private static final List<Supplier<Rule>> RULES = List.of(
      // locking and rewrites
      CreateIndexNonConcurrently::new,
      DropIndexNonConcurrently::new,
      ConcurrentlyInTransaction::new,
      AddColumnVolatileDefault::new,
      AddColumnNotNullNoDefault::new,
      AlterColumnType::new,
      SetNotNull::new,
      AddConstraintNotValidMissing::new,
      AddForeignKeyLocksBothTables::new,
      MissingLockTimeout::new,
      ReindexNonConcurrently::new,
      AddStoredGeneratedOrSerialColumn::new,
      AddUniqueConstraint::new,
      AddPrimaryKey::new,
      VacuumFullOrCluster::new,
      RefreshMatviewNonConcurrently::new,
      DetachPartitionNonConcurrently::new,
      AddExclusionConstraint::new,
      AlterDomainAddConstraint::new,
      CreateDomainWithConstraint::new,
      PrimaryKeyUsingIndexSetsNotNull::new,
      MultipleExclusiveLocksInTransaction::new,
      EnumAddValueInTransaction::new,
      UncommittedTransaction::new,
      TransactionNesting::new,
      MissingStatementTimeout::new,
      IndexConcurrentlyCorruptionPg14::new,
      // destructive
      DropTable::new,
      DropColumn::new,
      DropNotNull::new,
      DropSchemaOrDatabase::new,
      Truncate::new,
      RenameTable::new,
      RenameColumn::new,
      RenameSchema::new,
      RenameEnumValue::new,
      UpdateOrDeleteWithoutWhere::new,
      UnbatchedBackfill::new,
      InvalidPostgresSyntax::new,
      // Flyway
      FlywayFileName::new,
      FlywayAppliedMigrationModified::new,
      FlywayNonTransactionalStatement::new,
      // types
      PreferBigint::new,
      PreferTextOverVarchar::new,
      PreferTimestamptz::new,
      PreferIdentityOverSerial::new,
      BanCharType::new,
      PreferJsonb::new,
      // other
      DuplicateColumnAssignment::new,
      IdentifierTooLong::new,
      PreferRobustStatements::new,
      EnumAddValuePosition::new,
      SchemaQualifiedNames::new,
      CombineAlterTable::new,
      WideNonUniqueIndex::new,
      // schema-aware
      ForeignKeyWithoutIndex::new,
      UnknownObject::new,
      DuplicateIndex::new,
      NotNullOnColumnWithNulls::new,
      DropWithDependents::new,
      LargeTable::new);

  private RuleRegistry() {}

  public static List<Rule> all() {
    return RULES.stream().map(Supplier::get).toList();
  }
}
