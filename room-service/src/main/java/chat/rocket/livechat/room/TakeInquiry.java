package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.contracts.ErrorCode;
import chat.rocket.livechat.contracts.LivechatException;
import chat.rocket.livechat.platform.rocketchat.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code inquiry.take} ({@code POST livechat/inquiries.take}; Rocket.Chat 7.x {@code takeInquiry} and
 * {@code RoutingManager.takeInquiry}): body {@code {inquiryId, userId?}}, caller set; result {@code {}}.
 *
 * <ol>
 *   <li>A non-empty {@code userId} naming no user: {@link ErrorCode#INQUIRY_USER_INVALID}. The agent is that user,
 *       else the caller.</li>
 *   <li>No such inquiry: {@link ErrorCode#INQUIRY_NOT_FOUND}; an inquiry already {@code taken}:
 *       {@link ErrorCode#INQUIRY_TAKEN}.</li>
 *   <li>The agent is not an available, non-offline agent ({@link Users#onlineAgentQuery}):
 *       {@link ErrorCode#AGENT_OFFLINE}; the inquiry's room is gone: {@link ErrorCode#MAC_LIMIT_REACHED}.</li>
 *   <li>A closed room, or one the agent serves already: nothing happens (Rocket.Chat returns silently).</li>
 *   <li>Else the inquiry is claimed ({@code taken} unless someone took it meanwhile: {@link ErrorCode#INQUIRY_TAKEN}),
 *       then the room assigned and the agent subscribed ({@link InquiryAssignment}), and the room's events
 *       published.</li>
 * </ol>
 * Idempotent: a redelivered take finds the inquiry taken by the same agent; while the room is not yet served by it
 * or the agent has no subscription, the assignment is finished (each write is conditional, so nothing is written
 * twice and there is never a second subscription); once complete, the take answers {@link ErrorCode#INQUIRY_TAKEN}
 * as Rocket.Chat does for any second take.
 */
final class TakeInquiry {

  private final InquiryRepository inquiries;
  private final RoomRepository rooms;
  private final Users users;
  private final AgentProfiles agents;
  private final RoomEvents events;

  TakeInquiry(InquiryRepository inquiries, RoomRepository rooms, Users users, AgentProfiles agents,
              RoomEvents events) {
    this.inquiries = inquiries;
    this.rooms = rooms;
    this.users = users;
    this.agents = agents;
    this.events = events;
  }

  /** Handles one {@code inquiry.take} command. */
  Future<JsonObject> handle(Command command) {
    String userId = command.body().getString("userId");
    boolean named = userId != null && !userId.isEmpty();
    Future<String> agentId = !named ? Future.succeededFuture(command.caller().userId())
        : users.findById(userId).compose(user -> user == null ? fail(ErrorCode.INQUIRY_USER_INVALID)
            : Future.succeededFuture(userId));
    String inquiryId = command.body().getString("inquiryId");
    return agentId.compose(agent -> inquiries.findById(inquiryId)
            .compose(inquiry -> inquiry == null ? fail(ErrorCode.INQUIRY_NOT_FOUND) : take(inquiry, agent)))
        .map(v -> new JsonObject());
  }

  private Future<Void> take(JsonObject inquiry, String agentId) {
    if ("taken".equals(inquiry.getValue("status"))) {
      return resume(inquiry, agentId);
    }
    return users.findOnlineAgent(agentId)
        .compose(agent -> agent == null ? fail(ErrorCode.AGENT_OFFLINE) : Future.succeededFuture(agent))
        .compose(agent -> rooms.findById(inquiry.getString("rid"))
            .compose(room -> room == null ? fail(ErrorCode.MAC_LIMIT_REACHED)
                : !RoomRepository.isOpenLivechat(room) || agentId.equals(servingAgent(room))
                ? Future.succeededFuture() : claimAndAssign(inquiry, new InquiryAssignment(room, agent))));
  }

  private Future<Void> claimAndAssign(JsonObject inquiry, InquiryAssignment assignment) {
    return inquiries.claim(inquiry.getString("_id"), assignment.defaultAgent())
        .compose(claimed -> claimed ? assign(assignment) : fail(ErrorCode.INQUIRY_TAKEN));
  }

  /** A taken inquiry: finishes this agent's unfinished assignment (a redelivery), else refuses. */
  private Future<Void> resume(JsonObject inquiry, String agentId) {
    JsonObject defaultAgent = inquiry.getValue("defaultAgent") instanceof JsonObject agent ? agent : new JsonObject();
    if (!agentId.equals(defaultAgent.getValue("agentId"))) {
      return fail(ErrorCode.INQUIRY_TAKEN);
    }
    return rooms.findById(inquiry.getString("rid"))
        .compose(room -> !RoomRepository.isOpenLivechat(room) ? fail(ErrorCode.INQUIRY_TAKEN)
            : rooms.hasSubscription(room.getString("_id"), agentId)
            .compose(subscribed -> subscribed && agentId.equals(servingAgent(room)) ? fail(ErrorCode.INQUIRY_TAKEN)
                : users.findById(agentId).compose(agent -> agent == null ? fail(ErrorCode.AGENT_OFFLINE)
                    : assign(new InquiryAssignment(room, agent)))));
  }

  private Future<Void> assign(InquiryAssignment assignment) {
    return agents.of(assignment.agentId())
        .compose(profile -> rooms.assignRoom(assignment.rid(), assignment.agentId(),
            assignment.roomUpdate(assignment.servedBy(), profile)))
        .compose(v -> inquiries.ensureSubscription(assignment.subscription()))
        .compose(v -> events.publish(assignment.rid()))
        .mapEmpty();
  }

  private static String servingAgent(JsonObject room) {
    return room.getValue("servedBy") instanceof JsonObject servedBy && servedBy.getValue("_id") instanceof String id
        ? id : null;
  }

  private static <T> Future<T> fail(ErrorCode code) {
    return Future.failedFuture(new LivechatException(code));
  }
}
