package dev.migrationmcp.tools.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the script has done before the statement being checked: objects it created, whether an
 * explicit transaction is open, which timeouts it set, which strong locks the current transaction
 * already holds. The engine updates it after each statement; rules only read it.
 */
public final class ScriptState {
  final Set<String> createdTables = new HashSet<>();
  final Set<String> createdIndexes = new HashSet<>();
  final Set<String> createdColumns = new HashSet<>();
  final Set<String> createdTypes = new HashSet<>();
  int explicitTransactionDepth;
  int explicitBeginLine;
  boolean lockTimeoutSet;
  boolean statementTimeoutSet;
  /** Tables with an ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE+) lock held by the current transaction, with the statement line. */
  final Map<String, Integer> strongLocksHeld = new HashMap<>();
  final Map<String, List<Integer>> alterTableStatements = new HashMap<>();
  final List<Integer> nonTransactionalLines = new ArrayList<>();
  final List<Integer> transactionalLines = new ArrayList<>();

  /** Whether {@code schema.table} was created earlier in this script (so nobody else can be using it). */
  public boolean createdInScript(String table) {
    return table != null && createdTables.contains(table);
  }

  public boolean indexCreatedInScript(String qualifiedIndex) {
    return createdIndexes.contains(qualifiedIndex);
  }

  /** {@code schema.table.column} added or created earlier in this script. */
  public boolean columnCreatedInScript(String qualifiedColumn) {
    return createdColumns.contains(qualifiedColumn);
  }

  public boolean typeCreatedInScript(String qualifiedType) {
    return createdTypes.contains(qualifiedType);
  }

  /** Inside a BEGIN … COMMIT written in the script. */
  public boolean inExplicitTransaction() {
    return explicitTransactionDepth > 0;
  }

  public int explicitTransactionDepth() {
    return explicitTransactionDepth;
  }

  public boolean lockTimeoutSet() {
    return lockTimeoutSet;
  }

  public boolean statementTimeoutSet() {
    return statementTimeoutSet;
  }

  /** Strong locks the current transaction already holds: table → line of the statement that took it. */
  public Map<String, Integer> strongLocksHeld() {
    return Map.copyOf(strongLocksHeld);
  }

  /** Lines of earlier ALTER TABLE statements per table. */
  public List<Integer> alterTableLines(String table) {
    return List.copyOf(alterTableStatements.getOrDefault(table, List.of()));
  }

  public List<Integer> nonTransactionalLines() {
    return List.copyOf(nonTransactionalLines);
  }

  public List<Integer> transactionalLines() {
    return List.copyOf(transactionalLines);
  }
}
