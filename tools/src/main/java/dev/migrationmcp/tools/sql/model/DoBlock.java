package dev.migrationmcp.tools.sql.model;

/**
 * {@code DO [LANGUAGE lang] 'code'}: an anonymous block. What it does is opaque to the model.
 *
 * @param language the language in lower case ({@code plpgsql} when not written)
 * @param body the code, quotes removed
 */
public record DoBlock(String language, String body) implements Statement {
  @Override
  public String kind() {
    return "DO";
  }
}
