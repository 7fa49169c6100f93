package dev.migrationmcp.memory.search;

/** A commit that touched a migration file: short form for a hit. */
public record CommitSummary(String commit, String author, String date, String subject) {}
