package chat.rocket.livechat.standalone;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;

/**
 * A Rocket.Chat REST client for tests: real HTTP to the gateway, answers awaited on the calling (JUnit) thread.
 * Paths are relative to {@code /api/v1/} and are sent as given (query strings included, unencoded). Every call fails
 * instead of hanging when no complete response came within {@link #TIMEOUT_MS}.
 */
public final class Api {

  /** Longest wait for one response, in ms: far over the gateway's reply timeout, so only a hang reaches it. */
  public static final long TIMEOUT_MS = 30_000;

  private final WebClient client;

  Api(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(64));
  }

  /** {@code GET /api/v1/<path>}. */
  public Response get(String path, Map<String, String> headers) {
    return send(HttpMethod.GET, path, headers, null);
  }

  /** {@code GET /api/v1/<path>} without headers. */
  public Response get(String path) {
    return get(path, Map.of());
  }

  /** {@code POST /api/v1/<path>} with a JSON body (null: no body). */
  public Response post(String path, Map<String, String> headers, Object body) {
    return send(HttpMethod.POST, path, headers, body);
  }

  /** {@code PUT /api/v1/<path>} with a JSON body. */
  public Response put(String path, Map<String, String> headers, Object body) {
    return send(HttpMethod.PUT, path, headers, body);
  }

  /**
   * Logs in with {@code POST login}.
   *
   * @return the {@code X-User-Id} and {@code X-Auth-Token} headers of the new session
   */
  public Map<String, String> login(String user, String password) {
    Response response = post("login", Map.of(), new JsonObject().put("user", user).put("password", password));
    if (response.status() != 200) {
      throw new IllegalStateException("login of " + user + " failed: " + response.body());
    }
    JsonObject data = response.json().getJsonObject("data");
    return Map.of("X-User-Id", data.getString("userId"), "X-Auth-Token", data.getString("authToken"));
  }

  /** {@code GET <absolutePath>} outside {@code /api/v1/}, e.g. {@code /metrics}. */
  public Response getAbsolute(String absolutePath, Map<String, String> headers) {
    return sendAbsolute(HttpMethod.GET, absolutePath, headers, null);
  }

  /**
   * Sends exactly these headers and bytes (no {@code Content-Type} is added) and waits for the whole response.
   *
   * @param body      the raw body, or null for none
   * @param timeoutMs longest wait for the response, in ms
   * @throws RuntimeException (a Vert.x timeout) when no response came in time
   */
  public Response raw(HttpMethod method, String path, Map<String, String> headers, Buffer body, long timeoutMs) {
    HttpRequest<Buffer> request = client.request(method, "/api/v1/" + path).timeout(timeoutMs);
    headers.forEach(request::putHeader);
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(body)).await();
    return new Response(response.statusCode(), response.headers(), response.bodyAsString());
  }

  /** Sends a request and waits for the whole response. */
  public Response send(HttpMethod method, String path, Map<String, String> headers, Object body) {
    return sendAbsolute(method, "/api/v1/" + path, headers, body);
  }

  /** Sends a request to {@code absolutePath} and waits for the whole response. */
  public Response sendAbsolute(HttpMethod method, String absolutePath, Map<String, String> headers, Object body) {
    HttpRequest<Buffer> request = client.request(method, absolutePath).timeout(TIMEOUT_MS);
    headers.forEach(request::putHeader);
    HttpResponse<Buffer> response;
    if (body == null) {
      response = request.send().await();
    } else {
      Buffer payload = body instanceof Buffer raw ? raw
          : body instanceof String text ? Buffer.buffer(text) : ((JsonObject) body).toBuffer();
      request.putHeader("Content-Type", "application/json");
      response = request.sendBuffer(payload).await();
    }
    return new Response(response.statusCode(), response.headers(), response.bodyAsString());
  }

  /**
   * A complete HTTP response.
   *
   * @param status  status code
   * @param headers response headers
   * @param body    body text
   */
  public record Response(int status, MultiMap headers, String body) {

    /** @return the body as a JSON object */
    public JsonObject json() {
      return new JsonObject(body);
    }

    /** @return the {@code Content-Type} header */
    public String contentType() {
      return headers.get("Content-Type");
    }
  }
}
