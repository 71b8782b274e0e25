package chat.rocket.livechat.platform.runtime;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.Locale;

/**
 * The Vert.x instance of one process, observable: Micrometer metrics kept in a Prometheus registry (HTTP server
 * requests labelled by route, method, status code and local address (the gateway's port or the ops port); JVM metrics;
 * the {@link Meters} of our own code) and, when
 * {@link ConfigKey#TRACING} is {@code otlp}, OpenTelemetry tracing through Vert.x's tracing SPI: every HTTP request
 * gets a server span (continuing an incoming W3C {@code traceparent}), every Kafka send a producer span whose
 * {@code traceparent} header travels with the record, and the spans go in batches to
 * {@link ConfigKey#OTLP_ENDPOINT}{@code /v1/traces} (OTLP/HTTP, protobuf). {@link #close()} stops Vert.x, then flushes
 * and stops the tracer.
 */
public final class ServiceRuntime {

  /** Value of {@link ConfigKey#TRACING} that turns tracing on. */
  public static final String TRACING_OTLP = "otlp";
  /** Value of {@link ConfigKey#TRACING} that leaves tracing off (the default). */
  public static final String TRACING_OFF = "off";

  private final Vertx vertx;
  private final OpenTelemetrySdk tracing;

  private ServiceRuntime(Vertx vertx, OpenTelemetrySdk tracing) {
    this.vertx = vertx;
    this.tracing = tracing;
  }

  /**
   * @param serviceName the {@code service.name} of the spans, e.g. {@code gateway}
   * @param config      supplies {@link ConfigKey#TRACING} and {@link ConfigKey#OTLP_ENDPOINT}
   * @return a started runtime
   * @throws IllegalArgumentException when {@code TRACING} is neither {@code off} nor {@code otlp}
   */
  public static ServiceRuntime create(String serviceName, JsonObject config) {
    String mode = ConfigKey.TRACING.get(config).trim().toLowerCase(Locale.ROOT);
    if (!mode.equals(TRACING_OFF) && !mode.equals(TRACING_OTLP)) {
      throw new IllegalArgumentException("TRACING must be off or otlp, got '" + mode + "'");
    }
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .addLabels(Label.HTTP_ROUTE, Label.LOCAL)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    VertxOptions options = new VertxOptions().setMetricsOptions(metrics);
    VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory());
    OpenTelemetrySdk tracing = null;
    if (mode.equals(TRACING_OTLP)) {
      tracing = openTelemetry(serviceName, ConfigKey.OTLP_ENDPOINT.get(config));
      options.setTracingOptions(new OpenTelemetryOptions());
      builder.withTracer(new OpenTelemetryTracingFactory(tracing));
    }
    return new ServiceRuntime(builder.with(options).build(), tracing);
  }

  /** @return the Vert.x instance every verticle of this process runs on */
  public Vertx vertx() {
    return vertx;
  }

  /** @return completes when Vert.x has stopped and the spans still buffered were exported (or dropped) */
  public Future<Void> close() {
    return vertx.close().eventually(() -> {
      if (tracing == null) {
        return Future.succeededFuture();
      }
      Promise<Void> flushed = Promise.promise();
      tracing.shutdown().whenComplete(flushed::tryComplete);
      return flushed.future();
    });
  }

  private static OpenTelemetrySdk openTelemetry(String serviceName, String endpoint) {
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build();
    Resource resource = Resource.getDefault()
        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName)));
    SdkTracerProvider traces = SdkTracerProvider.builder()
        .setResource(resource)
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
        .build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(traces)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
