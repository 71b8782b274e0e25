package chat.rocket.livechat.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code docs/asyncapi.yaml} names exactly the topics, headers, types and groups the contracts module declares. */
class ContractsDocTest {

  private static JsonNode doc;

  @BeforeAll
  static void read() throws IOException {
    doc = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docs", "asyncapi.yaml").toFile());
  }

  @Test
  @DisplayName("the document is AsyncAPI 3.0")
  void isAsyncApi3() {
    assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
  }

  @Test
  @DisplayName("every topic of Topics is a channel, and every channel is a topic of Topics")
  void channelsAreTopics() {
    Set<String> addresses = new HashSet<>();
    doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

    assertThat(addresses).containsExactlyInAnyOrder(Topics.ROOM_COMMANDS, Topics.VISITOR_COMMANDS,
        Topics.ROOM_EVENTS, Topics.VISITOR_EVENTS, Topics.ROOM_ACTIVITY, Topics.replies("{instanceId}"),
        Topics.deadLetter(Topics.ROOM_COMMANDS), Topics.deadLetter(Topics.VISITOR_COMMANDS),
        Topics.deadLetter(Topics.ROOM_EVENTS), Topics.deadLetter(Topics.VISITOR_EVENTS), Topics.ADMIN_COMMANDS,
        Topics.ADMIN_EVENTS, Topics.deadLetter(Topics.ADMIN_COMMANDS));
  }

  @Test
  @DisplayName("every header name of Headers is documented on a message")
  void headersAreDocumented() {
    Set<String> documented = new HashSet<>();
    doc.path("components").path("schemas").path("CommandHeaders").path("properties").fieldNames()
        .forEachRemaining(documented::add);
    doc.path("components").path("schemas").path("ReplyHeaders").path("properties").fieldNames()
        .forEachRemaining(documented::add);
    doc.path("components").path("messages").path("DeadLetter").path("headers").path("properties").fieldNames()
        .forEachRemaining(documented::add);

    assertThat(documented).containsAll(stringConstants(Headers.class));
  }

  @Test
  @DisplayName("command types, event types, sources, consumer groups and failure codes match their enums")
  void enumsMatch() {
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(values(schemas.at("/CommandHeaders/properties/command-type/enum")))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(CommandType.values()).map(CommandType::wireName).toList());
    assertThat(values(schemas.at("/CloudEventHeaders/properties/ce_type/enum")))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::type).toList());
    assertThat(values(schemas.at("/CloudEventHeaders/properties/ce_source/enum")))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::source).distinct()
            .toList());
    assertThat(values(schemas.at("/Failure/properties/code/enum")))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    assertThat(values(schemas.at("/ReplyHeaders/properties/outcome/enum")))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Outcome.values()).map(Enum::name).toList());

    List<String> groups = new ArrayList<>();
    doc.path("operations").forEach(operation -> groups.addAll(values(operation.at("/bindings/kafka/groupId/enum"))));
    assertThat(groups).containsExactlyInAnyOrderElementsOf(stringConstants(ConsumerGroups.class));
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  private static List<String> stringConstants(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(ContractsDocTest::valueOf)
        .collect(Collectors.toList());
  }

  private static String valueOf(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
