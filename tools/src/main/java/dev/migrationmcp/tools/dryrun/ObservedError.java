package dev.migrationmcp.tools.dryrun;

/**
 * What PostgreSQL said when a statement failed, with the position mapped back to the original
 * file (statement start plus PostgreSQL's error position, when it gave one).
 */
public record ObservedError(String sqlstate, String message, String detail, String hint, int line, int column) {}
