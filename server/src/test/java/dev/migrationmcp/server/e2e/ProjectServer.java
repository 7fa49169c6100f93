package dev.migrationmcp.server.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.migrationmcp.tools.testing.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * One stdio server for a whole test class, on a project of its own: either the bundled sample shop
 * project on the embedded database ({@link #sampleOnEmbedded}), or a project connected to a scratch
 * database on the PostgreSQL at 127.0.0.1:5432 ({@link #scratchDatabase}; the class is skipped when
 * none answers there), created with the given schema. After the class the server is stopped, the
 * database dropped and the project deleted.
 *
 * <pre>{@code
 * @RegisterExtension static final ProjectServer live = ProjectServer.scratchDatabase("mmcp_it_guards")
 *     .withSchema("CREATE TABLE t (id int)");
 * }</pre>
 */
final class ProjectServer implements BeforeAllCallback, AfterAllCallback {
  /** Null: the embedded database. */
  private final String databasePrefix;
  private final Map<String, String> files = new LinkedHashMap<>();
  private String schema = "";
  private boolean sampleProject;
  private Path project;
  private ScratchPostgres db;
  private McpProcess server;

  private ProjectServer(String databasePrefix) {
    this.databasePrefix = databasePrefix;
  }

  /** A server on a scratch database whose name starts with {@code prefix}. */
  static ProjectServer scratchDatabase(String prefix) {
    return new ProjectServer(prefix);
  }

  /** A server on the sample shop project with the embedded database (no --database-url). */
  static ProjectServer sampleOnEmbedded() {
    return new ProjectServer(null).withSampleProject();
  }

  /** SQL run on the scratch database before the server starts. */
  ProjectServer withSchema(String sql) {
    this.schema = sql;
    return this;
  }

  /** A file written into the project, relative to it. */
  ProjectServer withFile(String path, String content) {
    files.put(path, content);
    return this;
  }

  /** The bundled sample shop migrations in the project's db/migration. */
  ProjectServer withSampleProject() {
    this.sampleProject = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (databasePrefix != null) {
      Assumptions.assumeTrue(ScratchPostgres.available(), ScratchPostgres.SKIP_MESSAGE);
    }
    project = Files.createTempDirectory("mmcp-it-project");
    if (sampleProject) {
      McpProcess.copySampleProject(project);
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(project.resolve(f.getKey()), f.getValue());
    }
    if (databasePrefix == null) {
      server = McpProcess.start(Map.of(), "serve", "--project", project.toString());
    } else {
      db = ScratchPostgres.create(databasePrefix);
      if (!schema.isBlank()) {
        db.execute(schema);
      }
      server = McpProcess.start(Map.of(), "serve", "--project", project.toString(), "--database-url", db.url());
    }
    server.initialize();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (server != null) {
        server.close();
      }
      if (db != null) {
        db.close();
      }
    } finally {
      FileTrees.delete(project);
    }
  }

  /** The server process, for what {@link #callTool} does not cover (requests with a bound, notifications, stdout). */
  McpProcess process() {
    return server;
  }

  /** The scratch database, null on the embedded one. */
  ScratchPostgres db() {
    return db;
  }

  /** The project directory the server serves. */
  Path project() {
    return project;
  }

  /** The {@code result} of a call of {@code tool}, after checking that the server answered without a protocol error. */
  JsonNode callTool(String tool, Map<String, Object> arguments) throws Exception {
    JsonNode response = server.callTool(tool, arguments, new ArrayList<>());
    assertFalse(response.has("error"), response.toString());
    return response.path("result");
  }
}
