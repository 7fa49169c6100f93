package dev.migrationmcp.server.cli;

import dev.migrationmcp.server.mcp.Json;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --format text|json} option of the subcommands that print a report either way (a
 * picocli mixin). Any other value is a usage error, exit 2, before the command does anything.
 */
final class TextOrJson {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  private boolean json;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text or json (default: text).")
  void format(String value) {
    switch (value) {
      case "text" -> json = false;
      case "json" -> json = true;
      default -> throw new ParameterException(command.commandLine(), "--format must be text or json, got '" + value + "'");
    }
  }

  /** {@code report} as pretty JSON, or as the text {@code text} makes of it. */
  <T> String render(T report, Function<T, String> text) {
    return json ? Json.toPrettyJson(report) : text.apply(report);
  }
}
