package dev.migrationmcp.tools.sql.model;

/**
 * A statement recognised by its leading keywords ({@code CREATE POLICY}, {@code ALTER FUNCTION},
 * {@code SECURITY LABEL}…) whose details carry no migration hazard the model tracks.
 *
 * @param kind the command tag
 * @param target the first object name after the kind when one could be read, else null
 */
public record OtherStatement(String kind, QualifiedName target) implements Statement {
  @Override
  public Coverage coverage() {
    return Coverage.CLASSIFIED;
  }
}
