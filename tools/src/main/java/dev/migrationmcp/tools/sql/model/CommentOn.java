package dev.migrationmcp.tools.sql.model;

/**
 * {@code COMMENT ON type target IS 'text' | NULL}.
 *
 * @param target the commented object as written ({@code orders.status}, {@code f(int)})
 * @param comment the comment text, or null for {@code IS NULL}
 */
public record CommentOn(ObjectType type, String target, String comment) implements Statement {
  @Override
  public String kind() {
    return "COMMENT";
  }
}
