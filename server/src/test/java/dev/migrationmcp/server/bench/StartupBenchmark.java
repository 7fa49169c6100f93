package dev.migrationmcp.server.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints the time from launching {@code bin/migration-mcp serve} to its answer to
 * {@code initialize} (median of several runs), the way Claude Code experiences start-up.
 * JDK only, so it runs with the source launcher: {@code java StartupBenchmark.java [runs]}.
 */
public final class StartupBenchmark {
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n";

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    Path launcher = Path.of(System.getProperty("migrationmcp.home", ".")).resolve("bin/migration-mcp").toAbsolutePath();
    measure(launcher, 1, "warm-up (makes the CDS archive if missing)");
    double median = measure(launcher, runs, null);
    System.out.printf("start → initialize answered: %.0f ms (median of %d runs)%n", median, runs);
  }

  private static double measure(Path launcher, int runs, String label) throws Exception {
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "serve", "--database-url",
          "postgres://nobody@127.0.0.1:1/unused");
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      OutputStream in = p.getOutputStream();
      in.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
      in.flush();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      times[i] = (System.nanoTime() - t0) / 1e6;
      if (line == null || !line.contains("\"result\"")) {
        throw new IllegalStateException("unexpected answer to initialize: " + line);
      }
      in.close();
      p.waitFor();
    }
    if (label != null) {
      System.out.printf("%s: %.0f ms%n", label, times[0]);
    }
    Arrays.sort(times);
    return times[runs / 2];
  }

  private StartupBenchmark() {}
}
