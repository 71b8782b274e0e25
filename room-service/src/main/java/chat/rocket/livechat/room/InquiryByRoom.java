package chat.rocket.livechat.room;

import chat.rocket.livechat.contracts.Command;
import chat.rocket.livechat.platform.rocketchat.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code inquiry.get-by-room} ({@code GET livechat/inquiries.getOne?roomId}; Rocket.Chat's
 * {@code findOneInquiryByRoomId}): body {@code {roomId}}, caller set (the gateway checked {@code view-l-room});
 * result {@code {inquiry}}: the room's inquiry as stored ({@code _id, rid, name, ts, status, v, t, priorityWeight,
 * estimatedWaitingTimeQueue, source, queuedAt, _updatedAt, department?, takenAt?, defaultAgent?}, ISO dates), or
 * {@code null} when the room has none (unknown room, or closed: closing removes the inquiry).
 */
final class InquiryByRoom {

  private final InquiryRepository inquiries;

  InquiryByRoom(InquiryRepository inquiries) {
    this.inquiries = inquiries;
  }

  /** Handles one {@code inquiry.get-by-room} command. */
  Future<JsonObject> handle(Command command) {
    return inquiries.findByRoomId(command.body().getString("roomId", ""))
        .map(inquiry -> new JsonObject().put("inquiry", inquiry == null ? null : MongoDocs.toApi(inquiry)));
  }
}
