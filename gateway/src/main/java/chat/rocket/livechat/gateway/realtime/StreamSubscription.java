package chat.rocket.livechat.gateway.realtime;

/**
 * One authorized DDP subscription to a room stream, as the {@link RealtimeHub} files it under its room.
 *
 * @param id        the client's subscription id ({@code sub.id})
 * @param stream    the stream ({@code stream-room-messages}, {@code stream-notify-room}, {@code stream-livechat-room})
 * @param eventName the event name subscribed to: the rid, or {@code <rid>/<event>} for {@code stream-notify-room}
 * @param rid       the room
 * @param target    the session that receives the stream's frames
 */
record StreamSubscription(String id, String stream, String eventName, String rid, Target target) {

  /** @return the key of the frames this subscription receives: stream and event name */
  String frameKey() {
    return frameKey(stream, eventName);
  }

  /** @return the key of the frames of one stream and event name, as {@link StreamEvents} files them */
  static String frameKey(String stream, String eventName) {
    return stream + ' ' + eventName;
  }

  /** Where a subscription's frames go: one DDP session, callable from any thread. */
  interface Target {

    /** @return the DDP session id (never sent one's own typing back: {@code origin}) */
    String sessionId();

    /** Writes one encoded frame to the session's socket, on the socket's own event loop. */
    void push(String frame);
  }
}
