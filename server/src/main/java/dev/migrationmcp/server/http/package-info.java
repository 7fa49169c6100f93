/** MCP over HTTP: Streamable HTTP and legacy HTTP+SSE on an embedded Jetty, behind Host/Origin, token and size checks. */
package dev.migrationmcp.server.http;
