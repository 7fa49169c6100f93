package dev.migrationmcp.tools.sql.model;

/**
 * {@code GRANT …} or {@code REVOKE …}, kept in three parts as written.
 *
 * @param privileges what is granted ({@code SELECT, INSERT}, or role names for role membership)
 * @param on the {@code ON} clause after the keyword, or null for role membership
 * @param roles the grantees or revokees
 */
public record Grant(boolean revoke, String privileges, String on, String roles) implements Statement {
  @Override
  public String kind() {
    return revoke ? "REVOKE" : "GRANT";
  }
}
