package chat.rocket.livechat.contracts;

/**
 * A command record that cannot be decoded (missing header, non-JSON body). The consumer parks it on
 * {@link Topics#deadLetter(String)} with this message in {@link Headers#DLT_REASON} and goes on.
 */
public final class CommandDecodingException extends RuntimeException {

  /** @param reason what is wrong with the record, e.g. {@code header correlation-id is missing} */
  public CommandDecodingException(String reason) {
    super(reason, null, false, false);
  }
}
