package dev.migrationmcp.server.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. The first thing it does is keep the real stdout for protocol output and point
 * {@code System.out} at stderr, so no library can write a stray line into the JSON-RPC stream.
 */
@Command(
    name = "migration-mcp",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "PostgreSQL migration evidence for Claude Code: an MCP server and the same engine as a CLI.",
    subcommands = {ServeCommand.class, DemoCommand.class, InspectCommand.class, LintCommand.class, DryRunCommand.class,
        SearchCommand.class, IndexCommand.class, CdsTrainingCommand.class,
        StatusCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    int code = run(args, stdout, System.err);
    System.exit(code);
  }

  /** Runs a command with explicit streams (tests call this directly). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli;
    if (args.length > 0 && args[0].equals("serve")) {
      // Start-up is latency Claude Code waits for. Warm the JSON mappers on the second core while
      // picocli reads the arguments, and model only the serve command, not all of them.
      Thread warm = new Thread(dev.migrationmcp.server.mcp.EarlyInitialize::warmUp, "warm-up");
      warm.setDaemon(true);
      warm.start();
      ServeCommand.startStdioEarly(args, out);
      cli = new CommandLine(ServeCommand.class, new StreamsFactory(out));
      cli.setCommandName("migration-mcp serve");
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    } else {
      cli = new CommandLine(new Main(), new StreamsFactory(out));
    }
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Gives subcommands the real stdout. */
  static final class StreamsFactory implements CommandLine.IFactory {
    private final PrintStream out;

    StreamsFactory(PrintStream out) {
      this.out = out;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (PrintingCommand.class.isAssignableFrom(cls)) {
        K instance = CommandLine.defaultFactory().create(cls);
        ((PrintingCommand) instance).setStdout(out);
        return instance;
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"migration-mcp " + version()};
    }
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
