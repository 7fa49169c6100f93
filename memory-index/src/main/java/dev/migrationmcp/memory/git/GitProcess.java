package dev.migrationmcp.memory.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code git} command: no shell, arguments passed as they are, stderr discarded, no
 * prompts or pagers, killed when it outlives its timeout.
 */
final class GitProcess {
  private GitProcess() {}

  /** Thrown when git is missing, fails, or times out; callers treat it as "no history". */
  static final class GitException extends Exception {
    GitException(String message) {
      super(message);
    }
  }

  static String run(Path dir, Duration timeout, String... args) throws GitException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("--no-pager");
    command.add("-c");
    command.add("core.quotepath=off");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
    pb.environment().put("LC_ALL", "C");
    Process process;
    try {
      process = pb.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new GitException("git is not available: " + e.getMessage());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try (InputStream in = process.getInputStream()) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // the process was killed
      }
    }, "git-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new GitException("git " + args[0] + " did not finish within " + timeout.toMillis() + " ms");
      }
      reader.join(timeout.toMillis());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git");
    }
    if (process.exitValue() != 0) {
      throw new GitException("git " + args[0] + " exited with " + process.exitValue());
    }
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
