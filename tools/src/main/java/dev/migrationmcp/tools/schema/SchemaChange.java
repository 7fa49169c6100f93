package dev.migrationmcp.tools.schema;

/**
 * One difference between two snapshots.
 *
 * @param kind {@code table}, {@code column}, {@code constraint}, {@code index}, {@code trigger},
 *     {@code enum}, {@code view}, {@code sequence}, {@code extension} or {@code schema}
 * @param name qualified name ({@code public.orders}, {@code public.orders.status})
 * @param detail for a change, what changed ({@code type: integer → bigint}); else the definition
 */
public record SchemaChange(String kind, String name, String detail) {
  @Override
  public String toString() {
    return kind + " " + name + (detail == null || detail.isEmpty() ? "" : ": " + detail);
  }
}
