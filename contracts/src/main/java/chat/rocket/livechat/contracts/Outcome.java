package chat.rocket.livechat.contracts;

/**
 * Value of the {@link Headers#OUTCOME} reply header. A {@code SUCCESS} reply body is the result object; a
 * {@code FAILURE} body is {@code {"code": <ErrorCode name>, "message": string, "status": http status}}.
 */
public enum Outcome {
  SUCCESS,
  FAILURE
}
