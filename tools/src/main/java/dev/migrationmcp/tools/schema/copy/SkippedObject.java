package dev.migrationmcp.tools.schema.copy;

/** An object of the live database that the copy does not have, and why. */
public record SkippedObject(String kind, String name, String reason) {
  @Override
  public String toString() {
    return kind + " " + name + ": " + reason;
  }
}
