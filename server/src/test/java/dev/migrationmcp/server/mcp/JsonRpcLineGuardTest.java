package dev.migrationmcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonRpcLineGuardTest {
  private final ByteArrayOutputStream forwarded = new ByteArrayOutputStream();
  private final ByteArrayOutputStream answered = new ByteArrayOutputStream();

  private void run(byte[] input) throws IOException {
    PendingRequests pending = new PendingRequests();
    new JsonRpcLineGuard(new ByteArrayInputStream(input), forwarded, new LineFramedOutput(answered, pending), pending).run();
  }

  private void run(String input) throws IOException {
    run(input.getBytes(StandardCharsets.UTF_8));
  }

  private List<JsonNode> answers() {
    return answered.toString(StandardCharsets.UTF_8).lines().map(Json.WIRE::readTree).toList();
  }

  @Test
  void forwardsWellFormedMessagesUnchanged() throws IOException {
    run("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    assertEquals(2, forwarded.toString(StandardCharsets.UTF_8).lines().count());
    assertEquals(List.of(), answers());
  }

  @Test
  void answersTextThatIsNotJsonWithParseError() throws IOException {
    run("hello\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n");
    assertEquals(-32700, answers().get(0).path("error").path("code").asInt());
    assertTrue(answers().get(0).get("id").isNull());
    assertTrue(forwarded.toString(StandardCharsets.UTF_8).contains("\"id\":2"), "later lines still pass");
  }

  @Test
  void answersJsonThatIsNotJsonRpcWithInvalidRequestKeepingTheId() throws IOException {
    run("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"ping\"}\n{\"id\":6}\n[]\n\"text\"\n{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}\n");
    List<JsonNode> answers = answers();
    assertEquals(5, answers.size());
    answers.forEach(a -> assertEquals(-32600, a.path("error").path("code").asInt()));
    assertEquals(5, answers.get(0).path("id").asInt());
    assertEquals(6, answers.get(1).path("id").asInt());
    assertEquals("", forwarded.toString(StandardCharsets.UTF_8));
  }

  @Test
  void answersInvalidUtf8WithParseError() throws IOException {
    run(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}', '\n'});
    assertEquals(-32700, answers().get(0).path("error").path("code").asInt());
  }

  @Test
  void refusesOversizedLinesWithoutBufferingThem() throws IOException {
    byte[] big = new byte[JsonRpcLineGuard.MAX_LINE_BYTES + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes(big);
    input.writeBytes("\n{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
    run(input.toByteArray());
    assertEquals(-32600, answers().get(0).path("error").path("code").asInt());
    assertTrue(forwarded.toString(StandardCharsets.UTF_8).contains("\"id\":3"));
  }

  @Test
  void handlesALastLineWithoutNewlineAndBlankLines() throws IOException {
    run("\n\r\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}");
    assertTrue(forwarded.toString(StandardCharsets.UTF_8).contains("\"id\":9"));
    assertEquals(List.of(), answers());
  }

  @Test
  void refusesNumericIdsTheSdkCannotHold() throws IOException {
    // The SDK ends the session on an id that is not a String, Integer or Long.
    run("{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999999999,\"method\":\"ping\"}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\"}\n");
    assertEquals(-32600, answers().get(0).path("error").path("code").asInt());
    assertTrue(answers().get(0).get("id").isNull());
    assertTrue(forwarded.toString(StandardCharsets.UTF_8).contains("9223372036854775807"), "a long still passes");
  }
}
