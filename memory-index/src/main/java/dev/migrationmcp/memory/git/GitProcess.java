package dev.migrationmcp.memory.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
    return start(dir, null, args).await(timeout);
  }

  /**
   * Starts git and hands it {@code stdin} (null: nothing); its output is collected meanwhile, so
   * that several commands can run side by side.
   */
  static Running start(Path dir, String stdin, String... args) throws GitException {
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
    } catch (IOException e) {
      throw new GitException("git is not available: " + e.getMessage());
    }
    Running running = new Running(process, args[0]);
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // git stopped reading (it failed); its exit code says so
    }
    return running;
  }

  /** A started git command. */
  static final class Running {
    private final Process process;
    private final String name;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Thread reader;

    private Running(Process process, String name) {
      this.process = process;
      this.name = name;
      this.reader = new Thread(() -> {
        try (InputStream in = process.getInputStream()) {
          in.transferTo(out);
        } catch (IOException ignored) {
          // the process was killed
        }
      }, "git-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** Its standard output once it exited with 0. */
    String await(Duration timeout) throws GitException {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new GitException("git " + name + " did not finish within " + timeout.toMillis() + " ms");
        }
        reader.join(timeout.toMillis());
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new GitException("interrupted while running git");
      }
      if (process.exitValue() != 0) {
        throw new GitException("git " + name + " exited with " + process.exitValue());
      }
      synchronized (out) {
        return out.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
