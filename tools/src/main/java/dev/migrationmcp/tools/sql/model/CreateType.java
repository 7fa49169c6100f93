package dev.migrationmcp.tools.sql.model;

import java.util.List;

/**
 * {@code CREATE TYPE name [AS ENUM (…) | AS (attributes) | AS RANGE (…) | (base options)]}.
 *
 * @param enumValues the labels of an enum, in order; empty otherwise
 * @param attributes the attributes of a composite type; empty otherwise
 */
public record CreateType(QualifiedName name, Form form, List<String> enumValues, List<ColumnDefinition> attributes)
    implements Statement {
  /** Which kind of type. */
  public enum Form { ENUM, COMPOSITE, RANGE, BASE, SHELL }

  public CreateType {
    enumValues = List.copyOf(enumValues);
    attributes = List.copyOf(attributes);
  }

  @Override
  public String kind() {
    return "CREATE TYPE";
  }
}
