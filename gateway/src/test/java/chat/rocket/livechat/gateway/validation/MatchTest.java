package chat.rocket.livechat.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Meteor {@code check()} texts for the Livechat patterns (packages/check/match.js; spec §1.5, §3.1, §7.1). */
class MatchTest {

  @Test
  @DisplayName("a query with a valid token and optional rid passes")
  void validQueryPasses() {
    assertThat(Schemas.ROOM_QUERY.check(new JsonObject().put("token", "t").put("rid", "r"))).isEmpty();
  }

  @Test
  @DisplayName("a missing required key is reported after the present keys")
  void missingKey() {
    assertThat(Schemas.ROOM_QUERY.check(new JsonObject().put("rid", "r")))
        .contains("Match error: Missing key 'token'");
  }

  @Test
  @DisplayName("an unknown key is reported with its path, in the order the value lists its keys")
  void unknownKey() {
    assertThat(Schemas.ROOM_QUERY.check(new JsonObject().put("foo", "1").put("token", 2)))
        .contains("Match error: Unknown key in field foo");
  }

  @Test
  @DisplayName("keys that are not identifiers are bracketed like Meteor's _prependPath")
  void oddKeyIsBracketed() {
    assertThat(Schemas.ROOM_QUERY.check(new JsonObject().put("token[$ne]", "1")))
        .contains("Match error: Unknown key in field [\"token[$ne]\"]");
  }

  @Test
  @DisplayName("a wrong type names JavaScript's typeof, arrays and objects included")
  void wrongType() {
    assertThat(Schemas.ROOM_QUERY.check(new JsonObject().put("token", new JsonArray().add("a").add("b"))))
        .contains("Match error: Expected string, got object in field token");
    assertThat(Schemas.ROOM_QUERY.check(new JsonObject().put("token", 5)))
        .contains("Match error: Expected string, got number in field token");
  }

  @Test
  @DisplayName("an optional key of the wrong type fails the OneOf check")
  void optionalWrongType() {
    assertThat(Schemas.ROOM_QUERY.check(new JsonObject().put("token", "t").put("rid", new JsonObject())))
        .contains("Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field rid");
  }

  @Test
  @DisplayName("nested failures are prefixed with the parent path, array items with brackets")
  void nestedPaths() {
    assertThat(Schemas.VISITOR_BODY.check(new JsonObject().put("visitor", new JsonObject())))
        .contains("Match error: Missing key 'token' in field visitor");
    assertThat(Schemas.VISITOR_BODY.check(new JsonObject().put("visitor", new JsonObject().put("token", "t")
            .put("customFields", new JsonArray().add(new JsonObject().put("key", "k").put("value", 1)
                .put("overwrite", true))))))
        .contains("Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field "
            + "visitor.customFields");
  }

  @Test
  @DisplayName("ObjectIncluding lets extra visitor keys through; the top level does not")
  void objectIncluding() {
    assertThat(Schemas.VISITOR_BODY.check(new JsonObject()
        .put("visitor", new JsonObject().put("token", "t").put("id", "x").put("connectionData", 1)))).isEmpty();
    assertThat(Schemas.VISITOR_BODY.check(new JsonObject().put("visitor", new JsonObject().put("token", "t"))
        .put("extra", 1))).contains("Match error: Unknown key in field extra");
  }

  @Test
  @DisplayName("a non-object where an object is expected names its type; an array is not a plain object")
  void notAnObject() {
    assertThat(Schemas.VISITOR_BODY.check(new JsonObject().put("visitor", "x")))
        .contains("Match error: Expected object, got string in field visitor");
    assertThat(Schemas.VISITOR_BODY.check(new JsonArray())).contains("Match error: Expected plain object");
  }
}
