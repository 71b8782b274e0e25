package chat.rocket.livechat.platform.kafka;

/**
 * A record whose work can never succeed, typically because it cannot be decoded (a command without its headers, an
 * event that is not a CloudEvent): the work of a {@link PipelinedConsumer} fails with it to send the record to
 * {@code <topic>.dlt} at once, without retries. The message becomes the dead letter's {@code dlt-reason}.
 */
public final class PoisonRecordException extends RuntimeException {

  /** @param reason why the record cannot be processed, e.g. {@code header correlation-id is missing} */
  public PoisonRecordException(String reason) {
    super(reason, null, false, false);
  }
}
