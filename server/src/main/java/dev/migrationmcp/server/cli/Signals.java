package dev.migrationmcp.server.cli;

import sun.misc.Signal;

/**
 * SIGTERM/SIGINT end the server normally: exit code 0 after shutdown hooks (which stop the
 * embedded database), instead of the JVM's default 143/130.
 */
final class Signals {
  private Signals() {}

  static void exitNormallyOn(String... names) {
    for (String name : names) {
      try {
        Signal.handle(new Signal(name), signal -> new Thread(() -> System.exit(0), "signal-exit").start());
      } catch (IllegalArgumentException e) {
        // Signal not available on this platform: the JVM default applies.
      }
    }
  }
}
