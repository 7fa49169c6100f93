package dev.migrationmcp.tools.sql.model;

/** {@code RESET name} or {@code RESET ALL} ({@code name} is then {@code all}). */
public record ResetParameter(String name) implements Statement {
  @Override
  public String kind() {
    return "RESET";
  }

  public boolean isAll() {
    return "all".equals(name);
  }
}
