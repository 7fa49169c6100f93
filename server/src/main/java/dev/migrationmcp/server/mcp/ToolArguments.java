package dev.migrationmcp.server.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a tool call's arguments. Each getter names the argument in its error, so a
 * wrong type becomes a tool error the model can fix rather than a ClassCastException.
 */
public final class ToolArguments {
  private final Map<String, Object> arguments;

  public ToolArguments(Map<String, Object> arguments) {
    this.arguments = arguments == null ? Map.of() : arguments;
  }

  /** Thrown for an argument of the wrong type or value. */
  public static final class InvalidArgumentException extends RuntimeException {
    public InvalidArgumentException(String message) {
      super(message);
    }
  }

  public String string(String name) {
    Object value = arguments.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    throw new InvalidArgumentException("argument '" + name + "' must be a string, got " + describe(value));
  }

  public List<String> strings(String name) {
    Object value = arguments.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new InvalidArgumentException("argument '" + name + "' must be an array of strings, found " + describe(item));
        }
        out.add(s);
      }
      return out;
    }
    throw new InvalidArgumentException("argument '" + name + "' must be an array of strings, got " + describe(value));
  }

  /** A boolean argument. */
  public boolean bool(String name, boolean fallback) {
    Object value = arguments.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new InvalidArgumentException("argument '" + name + "' must be true or false, got " + value);
  }

  /** A positive whole number (JSON numbers may arrive as Integer, Long or Double). */
  public long positiveLong(String name, long fallback) {
    Object value = arguments.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() > 0) {
      return n.longValue();
    }
    throw new InvalidArgumentException("argument '" + name + "' must be a positive whole number, got " + value);
  }

  /** A string argument restricted to {@code allowed} values. */
  public String oneOf(String name, String fallback, String... allowed) {
    String value = string(name);
    if (value == null) {
      return fallback;
    }
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new InvalidArgumentException("argument '" + name + "' must be one of " + String.join(", ", allowed)
        + ", got '" + value + "'");
  }

  private static String describe(Object value) {
    return value instanceof Map ? "an object" : value instanceof List ? "an array" : value.getClass().getSimpleName().toLowerCase();
  }
}
