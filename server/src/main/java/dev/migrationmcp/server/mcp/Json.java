package dev.migrationmcp.server.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two JSON mappers: {@link #WIRE} turns domain records into the snake_case, absent-when-empty
 * shapes of the tool contracts; {@link #MCP} is the SDK's mapper over plain Jackson 3.
 */
public final class Json {
  public static final JsonMapper WIRE = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultPropertyInclusion(
          incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  public static final McpJsonMapper MCP = new JacksonMcpJsonMapper(JsonMapper.builder().build());

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  /** A record as the JSON object the tool contracts describe. */
  public static Map<String, Object> toMap(Object value) {
    return WIRE.convertValue(value, MAP);
  }

  public static String toJson(Object value) {
    return WIRE.writeValueAsString(value);
  }

  public static String toPrettyJson(Object value) {
    return WIRE.writerWithDefaultPrettyPrinter().writeValueAsString(value);
  }
}
