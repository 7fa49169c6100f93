package dev.migrationmcp.tools.schema;

/** A sequence, with the column that owns it ({@code table.column}) when there is one. */
public record SequenceInfo(String name, String dataType, String ownedBy) {}
