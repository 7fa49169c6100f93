package dev.migrationmcp.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpBindingTest {
  @Test
  void defaultsToLoopbackForABarePort() {
    HttpBinding b = HttpBinding.parse("8080");
    assertEquals(new HttpBinding("127.0.0.1", 8080), b);
    assertTrue(b.isLoopback());
  }

  @Test
  void readsHostPortAndBracketedIpv6() {
    assertEquals(new HttpBinding("0.0.0.0", 0), HttpBinding.parse("0.0.0.0:0"));
    HttpBinding v6 = HttpBinding.parse("[::1]:9000");
    assertEquals(new HttpBinding("::1", 9000), v6);
    assertEquals("[::1]", v6.urlHost());
    assertTrue(v6.isLoopback());
    assertTrue(HttpBinding.parse("localhost:1").isLoopback());
  }

  @Test
  void treatsWildcardAndOtherAddressesAsReachableFromOutside() {
    assertFalse(HttpBinding.parse("0.0.0.0:8080").isLoopback());
    assertFalse(HttpBinding.parse("192.0.2.10:8080").isLoopback());
  }

  @Test
  void namesTheBadValue() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HttpBinding.parse("host:http")).getMessage().contains("'http'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HttpBinding.parse("70000")).getMessage().contains("70000"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HttpBinding.parse("::1:80")).getMessage().contains("brackets"));
    assertThrows(IllegalArgumentException.class, () -> HttpBinding.parse(":80"));
  }
}
