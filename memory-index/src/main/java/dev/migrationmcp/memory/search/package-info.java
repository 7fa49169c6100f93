/** Searching the memory index: requests, ranked hits with highlighted snippets, forgiving query parsing. */
package dev.migrationmcp.memory.search;
