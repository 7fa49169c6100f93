package dev.migrationmcp.tools.lint;

/**
 * What a statement does to one table, predicted from its text.
 *
 * @param table {@code schema.name} (schema {@code public} when unqualified)
 * @param lock the table lock it takes
 * @param rewrite whether the whole table is rewritten (new storage)
 * @param scan whether the whole table is read under the lock (validation, index build, backfill)
 */
public record TableEffect(String table, LockMode lock, boolean rewrite, boolean scan) {}
