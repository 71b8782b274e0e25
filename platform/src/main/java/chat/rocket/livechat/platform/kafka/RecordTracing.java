package chat.rocket.livechat.platform.kafka;

import chat.rocket.livechat.platform.runtime.ServiceRuntime;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.kafka.client.common.KafkaClientOptions;
import io.vertx.kafka.client.common.tracing.ConsumerTracer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.function.Function;

/**
 * Continues the trace of a consumed record when tracing is on ({@link ServiceRuntime}, {@code TRACING=otlp}): the
 * record's work runs on a context of its own (a duplicate of the verticle's) holding a consumer span whose parent is
 * the record's W3C {@code traceparent} header, so every Kafka record the work sends (the reply, the events) carries a
 * {@code traceparent} of the same trace. A record without {@code traceparent} gets no span. When tracing is off the
 * work runs as it is. Vert.x's Kafka client does this itself only for handler-style consumers, not for {@code poll()},
 * which {@link PipelinedConsumer} uses.
 */
final class RecordTracing {

  @SuppressWarnings("rawtypes")
  private final ConsumerTracer tracer;
  private final ContextInternal context;

  /**
   * Call from the consuming verticle's context (its {@code start()}).
   *
   * @param bootstrapServers recorded on the spans as the peer address
   */
  RecordTracing(Vertx vertx, String bootstrapServers) {
    this.context = (ContextInternal) vertx.getOrCreateContext();
    this.tracer = ConsumerTracer.create(context.tracer(), new KafkaClientOptions()
        .setTracePeerAddress(bootstrapServers)
        .setTracingPolicy(TracingPolicy.PROPAGATE));
  }

  /**
   * Runs the work of one record, in its trace when there is one.
   *
   * @return the work's outcome
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  Future<Void> run(KafkaConsumerRecord<String, Buffer> record,
                   Function<KafkaConsumerRecord<String, Buffer>, Future<Void>> work) {
    if (tracer == null) {
      return work.apply(record);
    }
    ContextInternal traced = context.duplicate();
    Promise<Void> done = traced.promise();
    traced.runOnContext(v -> {
      ConsumerTracer.StartedSpan span = tracer.prepareMessageReceived(traced, record.record());
      Future.<Void>succeededFuture().compose(started -> work.apply(record))
          .onSuccess(ok -> span.finish(traced))
          .onFailure(failure -> span.fail(traced, failure))
          .onComplete(done);
    });
    return done.future();
  }
}
