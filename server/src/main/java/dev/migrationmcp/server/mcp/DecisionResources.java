package dev.migrationmcp.server.mcp;

import dev.migrationmcp.memory.decisions.DecisionRecord;
import dev.migrationmcp.memory.decisions.DecisionRecords;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decision records as resources: the template {@code decision://{id}} and, for the records that
 * exist when the server starts, one listed resource each. The id is the record's number ({@code 7}
 * or {@code 0007}) or its file stem; it is only compared with the names of the files the server
 * lists in the decisions folder, never turned into a path, and a file whose real path leaves the
 * folder (a symlink) is not served.
 */
public final class DecisionResources {
  static final String PREFIX = "decision://";
  private static final String MARKDOWN = "text/markdown";

  /** One record file: its id, title and where it is. */
  record Entry(String id, String stem, String title, String status, String date, Path file) {}

  private final Path folder;
  private final ProjectMigrations paths;

  public DecisionResources(Path folder, ProjectMigrations paths) {
    this.folder = folder;
    this.paths = paths;
  }

  public SyncResourceTemplateSpecification template() {
    McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(PREFIX + "{id}", "decision")
        .title("Decision record")
        .description("A decision record from the project's decisions folder by number or file name, e.g. decision://7: "
            + "why a schema choice was made.")
        .mimeType(MARKDOWN)
        .build();
    return new SyncResourceTemplateSpecification(template, this::read);
  }

  /** One listed resource per record present now (records written later are read through the template). */
  public List<SyncResourceSpecification> listed() {
    List<SyncResourceSpecification> out = new ArrayList<>();
    for (Entry e : entries()) {
      McpSchema.Resource resource = McpSchema.Resource.builder(PREFIX + e.id(), "decision-" + e.id())
          .title(e.title())
          .description("Decision record " + e.id() + (e.status() == null ? "" : " (" + e.status() + ")")
              + (e.date() == null ? "" : ", " + e.date()))
          .mimeType(MARKDOWN)
          .build();
      out.add(new SyncResourceSpecification(resource, this::read));
    }
    return out;
  }

  /** The ids of the records now, in file order. */
  public List<String> ids() {
    return entries().stream().map(Entry::id).toList();
  }

  List<Entry> entries() {
    Path real;
    try {
      if (!Files.isDirectory(folder)) {
        return List.of();
      }
      real = folder.toRealPath();
    } catch (IOException e) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(real)) {
      for (Path f : files.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
        String name = f.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".md") || !Files.isRegularFile(f) || !inside(real, f)) {
          continue;
        }
        DecisionRecord record = DecisionRecords.parse(name, Files.readString(f));
        out.add(new Entry(record.id(), name.substring(0, name.length() - 3), record.title(), record.status(),
            record.date(), f));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return out;
    }
    return out;
  }

  private static boolean inside(Path realFolder, Path file) {
    try {
      return file.toRealPath().startsWith(realFolder);
    } catch (IOException e) {
      return false;
    }
  }

  Optional<Entry> find(String id) {
    String wanted = id.strip();
    return entries().stream().filter(e -> e.id().equals(wanted) || e.stem().equals(wanted)
        || sameNumber(e.id(), wanted)).findFirst();
  }

  private static boolean sameNumber(String a, String b) {
    if (!a.matches("\\d{1,9}") || !b.matches("\\d{1,9}")) {
      return false;
    }
    return Integer.parseInt(a) == Integer.parseInt(b);
  }

  private McpSchema.ReadResourceResult read(McpSyncServerExchange exchange, McpSchema.ReadResourceRequest request) {
    String uri = request.uri();
    String id = uri.startsWith(PREFIX) ? java.net.URLDecoder.decode(uri.substring(PREFIX.length()),
        java.nio.charset.StandardCharsets.UTF_8) : "";
    if (id.isBlank()) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
          .message("name a decision record: decision://<number or file name>, e.g. decision://1").build();
    }
    Entry entry = find(id).orElseThrow(() -> {
      List<String> ids = ids();
      return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
          .message("no decision record '" + id + "' in " + paths.relative(folder)
              + (ids.isEmpty() ? " (there are none yet; record_decision writes them)"
                  : "; records: " + String.join(", ", ids.stream().limit(50).toList())))
          .build();
    });
    String text;
    try {
      text = Files.readString(entry.file());
    } catch (IOException e) {
      throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
          .message("cannot read decision record " + entry.id() + ": " + e.getMessage()).build();
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("id", entry.id());
    meta.put("title", entry.title());
    meta.put("path", paths.relative(entry.file()));
    if (entry.status() != null) {
      meta.put("status", entry.status());
    }
    if (entry.date() != null) {
      meta.put("date", entry.date());
    }
    return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, MARKDOWN, text, meta)));
  }
}
