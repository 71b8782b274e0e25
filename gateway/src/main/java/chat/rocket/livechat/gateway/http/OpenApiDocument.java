package chat.rocket.livechat.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * This API's OpenAPI 3.1 document: {@code docs/openapi.yaml}, packed into the gateway jar as the classpath resource
 * {@link #RESOURCE} at build time, converted to JSON (Jackson's YAML reader) once per HTTP verticle at start and
 * served on {@link Endpoint#OPENAPI}.
 */
public final class OpenApiDocument {

  /** Classpath resource of the YAML document. */
  public static final String RESOURCE = "openapi.yaml";

  private OpenApiDocument() {
  }

  /**
   * Reads and converts the document on a worker thread.
   *
   * @return the document as JSON; fails when the resource is missing or is not YAML
   */
  public static Future<Buffer> load(Vertx vertx) {
    return vertx.executeBlocking(OpenApiDocument::readAsJson);
  }

  private static Buffer readAsJson() {
    try (InputStream yaml = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (yaml == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing from the gateway jar");
      }
      JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      return Buffer.buffer(new ObjectMapper().writeValueAsBytes(document));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
