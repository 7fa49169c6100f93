package dev.migrationmcp.tools.schema;

/** An installed extension. */
public record ExtensionInfo(String name, String version) {}
