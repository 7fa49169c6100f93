package dev.migrationmcp.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before every MCP endpoint and refuses, before anything is read or executed:
 * <ul>
 *   <li>a Host header that is not a loopback name when bound to loopback (421): DNS rebinding,
 *   where a web page's own host name is pointed at 127.0.0.1;</li>
 *   <li>a browser Origin that is not localhost or the bind host (403): a web page calling the server;</li>
 *   <li>a missing or wrong bearer token, when one is configured (401);</li>
 *   <li>a body declared larger than the limit (413; the transports also stop reading past it).</li>
 * </ul>
 * The token is compared in constant time and never logged or echoed.
 */
final class HttpGuard extends HttpFilter {
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  private final boolean loopbackOnly;
  private final Set<String> allowedOriginHosts;
  private final byte[] tokenDigest;
  private final long maxBodyBytes;

  HttpGuard(HttpBinding binding, String token, long maxBodyBytes) {
    this.loopbackOnly = binding.isLoopback();
    Set<String> hosts = new HashSet<>(LOOPBACK_NAMES);
    hosts.add(binding.host().toLowerCase(Locale.ROOT));
    this.allowedOriginHosts = Set.copyOf(hosts);
    this.tokenDigest = token == null ? null : sha256(token);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (loopbackOnly && !isLoopbackHost(request.getHeader("Host"))) {
      refuse(response, 421, "Host header is not a loopback name; this server only answers requests addressed to localhost");
      return;
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !originAllowed(origin)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Origin not allowed: only pages served from localhost or the bind host may call this server");
      return;
    }
    if (tokenDigest != null && !tokenMatches(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"migration-mcp\"");
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "missing or wrong bearer token: send Authorization: Bearer <token>");
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "request body larger than " + maxBodyBytes / (1024 * 1024) + " MB");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isLoopbackHost(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    return LOOPBACK_NAMES.contains(hostName(hostHeader.strip().toLowerCase(Locale.ROOT)));
  }

  boolean originAllowed(String origin) {
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (host == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        return false;
      }
      String h = host.toLowerCase(Locale.ROOT);
      if (h.startsWith("[") && h.endsWith("]")) {
        h = h.substring(1, h.length() - 1);
      }
      return allowedOriginHosts.contains(h);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The host part of a Host header value: {@code name}, {@code name:port}, {@code [v6]:port}. */
  private static String hostName(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end < 0 ? hostHeader : hostHeader.substring(1, end);
    }
    int colon = hostHeader.indexOf(':');
    return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
  }

  private boolean tokenMatches(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()));
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"error\":\"" + message.replace("\"", "'") + "\"}");
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
