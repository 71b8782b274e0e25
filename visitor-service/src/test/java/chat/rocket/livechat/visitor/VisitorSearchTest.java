package chat.rocket.livechat.visitor;

import static chat.rocket.livechat.testkit.FutureAwait.await;
import static chat.rocket.livechat.testkit.HandlerFixture.command;
import static org.assertj.core.api.Assertions.assertThat;

import chat.rocket.livechat.contracts.Caller;
import chat.rocket.livechat.contracts.Collections;
import chat.rocket.livechat.contracts.CommandType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code visitor.autocomplete} and {@code visitor.search}: the staff's visitor searches. */
class VisitorSearchTest extends VisitorHandlerTest {

  private final Caller agent = new Caller("a1", "alice", List.of("livechat-agent"));
  private JsonObject nelson;
  private JsonObject nelly;

  @BeforeEach
  void visitors() {
    nelson = fixture.visitor("Nelson Mandela");
    nelly = fixture.visitor("Nelly Furtado");
    fixture.visitor("Arnold");
    update(nelson, new JsonObject().put("visitorEmails", new JsonArray().add(new JsonObject()
        .put("address", "nelson@example.com"))).put("phone", new JsonArray().add(new JsonObject()
        .put("phoneNumber", "+123"))).put("livechatData", new JsonObject().put("company", "Acme (a+b)")));
  }

  private void update(JsonObject visitor, JsonObject fields) {
    await(fixture.mongo.updateCollection(Collections.VISITORS, new JsonObject().put("_id", visitor.getString("_id")),
        new JsonObject().put("$set", fields)));
  }

  private JsonObject autocomplete(JsonObject selector) {
    return await(fixture.search.autocomplete(command(CommandType.VISITOR_AUTOCOMPLETE, agent, selector)));
  }

  private JsonObject search(String term) {
    return await(fixture.search.search(command(CommandType.VISITOR_SEARCH, agent, new JsonObject().put("term", term)
        .put("offset", 0).put("count", 50))));
  }

  private static List<Object> ids(JsonArray documents) {
    return documents.stream().map(document -> ((JsonObject) document).getValue("_id")).toList();
  }

  @Test
  @DisplayName("autocomplete answers {_id, name, username} of the visitors whose name starts with the term, by name")
  void autocompletes() {
    JsonArray items = autocomplete(new JsonObject().put("term", "nel ").put("exceptions", new JsonArray())
        .put("conditions", new JsonObject())).getJsonArray("items");

    assertThat(ids(items)).containsExactly(nelly.getString("_id"), nelson.getString("_id"));
    assertThat(items.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("_id", "name", "username");
  }

  @Test
  @DisplayName("autocomplete leaves out the exceptions and applies the conditions")
  void exceptionsAndConditions() {
    JsonObject selector = new JsonObject().put("term", "Nel")
        .put("exceptions", new JsonArray().add(nelly.getString("_id"))).put("conditions", new JsonObject());
    JsonObject conditioned = new JsonObject().put("term", "Nel").put("exceptions", new JsonArray())
        .put("conditions", new JsonObject().put("username", nelly.getString("username")));

    assertThat(ids(autocomplete(selector).getJsonArray("items"))).containsExactly(nelson.getString("_id"));
    assertThat(ids(autocomplete(conditioned).getJsonArray("items"))).containsExactly(nelly.getString("_id"));
  }

  @Test
  @DisplayName("search finds by part of the name, by exact email or phone; an evil regex is text; empty finds all")
  void searches() {
    assertThat(ids(search("ELSO").getJsonArray("visitors"))).containsExactly(nelson.getString("_id"));
    assertThat(ids(search("nelson@example.com").getJsonArray("visitors"))).containsExactly(nelson.getString("_id"));
    assertThat(ids(search("+123").getJsonArray("visitors"))).containsExactly(nelson.getString("_id"));
    assertThat(search("^((ab)*)+$").getLong("total")).isZero();
    JsonObject all = search("");
    assertThat(all.getLong("total")).isEqualTo(3L);
    assertThat(all.getInteger("count")).isEqualTo(3);
  }

  @Test
  @DisplayName("search looks into searchable visitor custom fields only, literally")
  void searchesCustomFields() {
    assertThat(search("(a+b)").getLong("total")).isZero();

    fixture.insert(Collections.CUSTOM_FIELDS, new JsonObject().put("_id", "company").put("label", "Company")
        .put("scope", "visitor").put("searchable", true));

    assertThat(ids(search("(a+b)").getJsonArray("visitors"))).containsExactly(nelson.getString("_id"));
  }
}
