/** Decision records: markdown files with front matter under the decisions folder, read and written. */
package dev.migrationmcp.memory.decisions;
