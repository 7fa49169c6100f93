package dev.migrationmcp.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where {@code serve --http [HOST:]PORT} listens. The host defaults to 127.0.0.1; port 0 picks a
 * free one. IPv6 hosts are written in brackets ({@code [::1]:8080}).
 */
public record HttpBinding(String host, int port) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  public HttpBinding {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range (0-65535)");
    }
  }

  /** Parses {@code PORT}, {@code HOST:PORT} or {@code [IPV6]:PORT}. */
  public static HttpBinding parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--http needs [HOST:]PORT, e.g. 8080 or 127.0.0.1:8080");
    }
    String s = spec.strip();
    String host = DEFAULT_HOST;
    String port = s;
    int colon = s.lastIndexOf(':');
    if (colon >= 0) {
      host = s.substring(0, colon);
      port = s.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      } else if (host.contains(":")) {
        throw new IllegalArgumentException("'" + spec + "' is ambiguous: write an IPv6 host in brackets, e.g. [::1]:8080");
      }
      if (host.isBlank()) {
        throw new IllegalArgumentException("'" + spec + "' has an empty host; write PORT or HOST:PORT");
      }
    }
    try {
      return new HttpBinding(host, Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + spec + "' is not [HOST:]PORT: '" + port + "' is not a port number");
    }
  }

  /** True when only this machine can connect (127.0.0.0/8, ::1, or a name that resolves to them). */
  public boolean isLoopback() {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The host as it appears in a URL. */
  public String urlHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
