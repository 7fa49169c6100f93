package dev.migrationmcp.server.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * A subcommand that prints its answer (or, for {@code serve}, the protocol) on the real stdout,
 * which {@link Main} keeps before pointing {@code System.out} at stderr.
 */
abstract class PrintingCommand implements Callable<Integer> {
  /** The real stdout, set by {@link Main}'s factory before the command runs. */
  protected PrintStream stdout;

  final void setStdout(PrintStream out) {
    this.stdout = out;
  }
}
