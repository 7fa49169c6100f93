package dev.migrationmcp.server.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpGuardTest {
  private final HttpGuard loopback = new HttpGuard(HttpBinding.parse("127.0.0.1:8080"), null, 1024);
  private final HttpGuard team = new HttpGuard(HttpBinding.parse("10.1.2.3:8080"), "t", 1024);

  @Test
  void allowsLocalOrigins() {
    assertTrue(loopback.originAllowed("http://localhost:6274"));
    assertTrue(loopback.originAllowed("http://127.0.0.1"));
    assertTrue(loopback.originAllowed("https://[::1]:3000"));
  }

  @Test
  void refusesForeignAndLookalikeOrigins() {
    assertFalse(loopback.originAllowed("https://evil.example"));
    assertFalse(loopback.originAllowed("http://localhost.evil.example"));
    assertFalse(loopback.originAllowed("null"));
    assertFalse(loopback.originAllowed("file://localhost"));
    assertFalse(loopback.originAllowed("not a uri"));
  }

  @Test
  void allowsTheBindHostAsOrigin() {
    assertTrue(team.originAllowed("http://10.1.2.3:8080"));
    assertFalse(team.originAllowed("http://10.1.2.4:8080"));
  }

  @Test
  void recognisesLoopbackHostHeaders() {
    assertTrue(HttpGuard.isLoopbackHost("localhost:8080"));
    assertTrue(HttpGuard.isLoopbackHost("127.0.0.1"));
    assertTrue(HttpGuard.isLoopbackHost("[::1]:8080"));
    assertFalse(HttpGuard.isLoopbackHost("rebound.evil.example:8080"));
    assertFalse(HttpGuard.isLoopbackHost(""));
    assertFalse(HttpGuard.isLoopbackHost(null));
  }
}
