package dev.migrationmcp.tools.schema;

/** A user trigger. */
public record TriggerInfo(String name, String definition, boolean enabled) {}
