package dev.migrationmcp.server.mcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads files a client names, confined to the project directory: the path is resolved against
 * the project, symbolic links are followed, and anything that ends up outside — {@code ../..},
 * an absolute path elsewhere, a link pointing out — is refused without reading it.
 */
public final class ProjectFiles {
  /** Migration files are text; anything bigger is not one. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private final Path project;

  public ProjectFiles(Path project) {
    this.project = project;
  }

  /** Thrown for a path the client may not read or that does not exist. */
  public static final class PathRefusedException extends RuntimeException {
    public PathRefusedException(String message) {
      super(message);
    }
  }

  /** The real path of {@code clientPath} inside the project. */
  public Path resolve(String clientPath) {
    if (clientPath == null || clientPath.isBlank()) {
      throw new PathRefusedException("path is empty");
    }
    if (clientPath.indexOf('\0') >= 0) {
      throw new PathRefusedException("path contains a NUL character");
    }
    Path root;
    Path real;
    try {
      root = project.toRealPath();
      real = root.resolve(clientPath).normalize().toRealPath();
    } catch (InvalidPathException e) {
      throw new PathRefusedException("'" + clientPath + "' is not a valid path");
    } catch (NoSuchFileException e) {
      Path lexical = project.toAbsolutePath().normalize().resolve(clientPath).normalize();
      if (!lexical.startsWith(project.toAbsolutePath().normalize())) {
        throw outside(clientPath);
      }
      throw new PathRefusedException("no file '" + clientPath + "' in the project (paths are relative to " + project + ")");
    } catch (IOException e) {
      throw new PathRefusedException("cannot read '" + clientPath + "': " + e.getMessage());
    }
    if (!real.startsWith(root)) {
      throw outside(clientPath);
    }
    return real;
  }

  private PathRefusedException outside(String clientPath) {
    return new PathRefusedException("'" + clientPath + "' is outside the project directory; only files under "
        + project + " can be read");
  }

  /** Reads a UTF-8 text file inside the project. */
  public String read(String clientPath) {
    Path file = resolve(clientPath);
    try {
      if (!Files.isRegularFile(file)) {
        throw new PathRefusedException("'" + clientPath + "' is not a file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new PathRefusedException("'" + clientPath + "' is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new PathRefusedException("'" + clientPath + "' is not UTF-8 text");
    } catch (IOException e) {
      throw new PathRefusedException("cannot read '" + clientPath + "': " + e.getMessage());
    }
  }

  /** The path relative to the project, for reports. */
  public String relative(Path file) {
    try {
      return project.toRealPath().relativize(file).toString();
    } catch (IOException | IllegalArgumentException e) {
      return file.toString();
    }
  }
}
