package dev.migrationmcp.tools.sql.model;

/**
 * {@code CLUSTER [VERBOSE] [table [USING index]]} (or the old {@code CLUSTER index ON table}).
 *
 * @param table null for {@code CLUSTER} of every previously clustered table
 * @param index the index, or null
 */
public record Cluster(QualifiedName table, String index) implements Statement {
  @Override
  public String kind() {
    return "CLUSTER";
  }
}
