package dev.migrationmcp.tools.sql.model;

/**
 * {@code SET [SESSION|LOCAL] name {TO|=} value} and the special forms, named as the parameter
 * they set: {@code SET TIME ZONE} is {@code timezone}, {@code SET ROLE} is {@code role},
 * {@code SET SESSION AUTHORIZATION} is {@code session_authorization}, {@code SET SCHEMA} is
 * {@code search_path}, {@code SET NAMES} is {@code client_encoding}, {@code SET TRANSACTION …} is
 * {@code transaction}, {@code SET CONSTRAINTS …} is {@code constraints}.
 *
 * @param name the parameter in lower case ({@code lock_timeout}, {@code myapp.tenant})
 * @param value the value with string quotes removed, list items joined by {@code ", "}
 *     ({@code 5s}, {@code $user, public}); {@code DEFAULT} as the word {@code DEFAULT}
 * @param local {@code SET LOCAL}: lasts to the end of the transaction
 */
public record SetParameter(String name, String value, boolean local) implements Statement {
  @Override
  public String kind() {
    return "SET";
  }

  /** True for {@code SET … TO DEFAULT} (and {@code SET ROLE NONE}). */
  public boolean isDefault() {
    return "DEFAULT".equals(value);
  }
}
