package dev.migrationmcp.memory.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the git CLI for tests: fixed identities and dates, no global configuration. */
public final class Git {
  private final Path dir;

  public Git(Path dir) {
    this.dir = dir;
  }

  public static boolean available() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  public void init() {
    run(Map.of(), "init", "-q", "-b", "main");
    run(Map.of(), "config", "user.name", "Test");
    run(Map.of(), "config", "user.email", "test@example.com");
    run(Map.of(), "config", "commit.gpgsign", "false");
  }

  /** Stages everything and commits it as {@code author} on {@code isoDate}. */
  public void commitAll(String author, String isoDate, String message) {
    run(Map.of(), "add", "-A");
    String email = author.toLowerCase().replaceAll("[^a-z]+", ".") + "@example.com";
    run(Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", email, "GIT_AUTHOR_DATE", isoDate,
        "GIT_COMMITTER_NAME", author, "GIT_COMMITTER_EMAIL", email, "GIT_COMMITTER_DATE", isoDate),
        "commit", "-q", "--no-verify", "-m", message);
  }

  public String run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
