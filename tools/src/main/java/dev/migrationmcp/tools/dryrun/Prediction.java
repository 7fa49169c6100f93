package dev.migrationmcp.tools.dryrun;

/**
 * What static analysis expects a statement to do, to be compared with what it did.
 *
 * @param lockMode the strongest table lock expected ({@code AccessExclusiveLock} …), or null
 * @param table the table it is expected on, or null
 * @param rewrite whether a table rewrite is expected
 * @param rules the lint rules that fired on the statement
 */
public record Prediction(String lockMode, String table, boolean rewrite, java.util.List<String> rules) {}
