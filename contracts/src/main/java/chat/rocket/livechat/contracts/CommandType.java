package chat.rocket.livechat.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every command of the system, its wire name ({@link Headers#COMMAND_TYPE}) and the topic it travels on.
 * Body and result shapes are given per constant; all bodies are JSON objects.
 */
public enum CommandType {
  /**
   * Body {@code {token, rid?, agentId?, source: {type}}}; result {@code {room, newRoom}} (spec §3).
   * Key: the visitor token, so commands for one visitor are serialized.
   */
  ROOM_GET_OR_CREATE("room.get-or-create", Topics.ROOM_COMMANDS),
  /** Body {@code {rid, oldVisitorId, newVisitorId}}, caller required; result {@code {room}} (spec §4). Key: rid. */
  ROOM_CHANGE_VISITOR("room.change-visitor", Topics.ROOM_COMMANDS),
  /**
   * Body {@code {roomData}}, caller required; checks room, ownership and room custom fields without writing;
   * result {@code {}} (spec §5.2 steps 2-3, 5). Key: rid.
   */
  ROOM_CHECK_SAVE_INFO("room.check-save-info", Topics.ROOM_COMMANDS),
  /** Body {@code {roomData}}, caller required; writes topic, tags, livechatData, priorityId, slaId; result {@code {}}. */
  ROOM_SAVE_INFO("room.save-info", Topics.ROOM_COMMANDS),
  /** Body {@code {visitor, headers: {user-agent, x-real-ip, host}}}; result {@code {visitor}} (spec §7.1). Key: token. */
  VISITOR_REGISTER("visitor.register", Topics.VISITOR_COMMANDS),
  /** Body {@code {visitorId}}; result {@code {visitor}} or failure {@code VISITOR_NOT_FOUND} (spec §6). */
  VISITOR_GET_BY_ID("visitor.get-by-id", Topics.VISITOR_COMMANDS),
  /** Body {@code {token}}; result {@code {visitor}} or failure {@code INVALID_TOKEN_METEOR} (spec §7.2). */
  VISITOR_GET_BY_TOKEN("visitor.get-by-token", Topics.VISITOR_COMMANDS),
  /** Body {@code {guestData}}, caller required; checks the guest without writing; result {@code {}} (spec §5.2). */
  VISITOR_CHECK_GUEST("visitor.check-guest", Topics.VISITOR_COMMANDS),
  /** Body {@code {guestData}}, caller required; writes name, emails, phone, livechatData; result {@code {}}. */
  VISITOR_SAVE_GUEST("visitor.save-guest", Topics.VISITOR_COMMANDS);

  private static final Map<String, CommandType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(CommandType::wireName, Function.identity()));

  private final String wireName;
  private final String topic;

  CommandType(String wireName, String topic) {
    this.wireName = wireName;
    this.topic = topic;
  }

  /** @return the value of the {@link Headers#COMMAND_TYPE} header, e.g. {@code room.get-or-create} */
  public String wireName() {
    return wireName;
  }

  /** @return the topic this command is sent to */
  public String topic() {
    return topic;
  }

  /**
   * @param wireName a {@link Headers#COMMAND_TYPE} header value
   * @return the command type, or empty for an unknown name (which gets a {@code UNKNOWN_COMMAND} failure reply)
   */
  public static Optional<CommandType> fromWireName(String wireName) {
    return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
  }
}
