package chat.rocket.livechat.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /avatar/:username}: Rocket.Chat's default avatar, an SVG of the name's first letter on a colour chosen
 * by the name's length ({@code apps/meteor/server/routes/avatar/user.ts} and {@code utils.ts}, without uploaded
 * avatars or an external provider: every name, known or not, gets its letter). The Livechat widget shows agents'
 * avatars from here.
 * <ul>
 *   <li>{@code /avatar/@name} is the same as {@code /avatar/name}; query {@code size} sets the SVG's view box
 *       (16..1024, default 200); other query parameters ({@code format}) are ignored, the answer is always SVG.</li>
 *   <li>200 {@code image/svg+xml}, {@code Cache-Control: public, max-age=3600} (Rocket.Chat's
 *       {@code Accounts_AvatarCacheTime} default, in s), {@code Content-Disposition: inline},
 *       {@code Last-Modified: Thu, 01 Jan 2015 00:00:00 GMT}, {@code Access-Control-Allow-Origin: *};
 *       304 when {@code If-Modified-Since} is that date.</li>
 * </ul>
 */
public final class Avatars {

  /** The route's path template. */
  public static final String PATH = "/avatar/:username";
  /** Rocket.Chat's fixed {@code Last-Modified} of a letters avatar. */
  public static final String LAST_MODIFIED = "Thu, 01 Jan 2015 00:00:00 GMT";
  private static final List<String> COLORS = List.of("#158D65", "#7F1B9F", "#B68D00", "#E26D0E", "#10529E",
      "#6C727A");
  private static final int DEFAULT_SIZE = 200;
  private static final int MIN_SIZE = 16;
  private static final int MAX_SIZE = 1024;

  private Avatars() {
  }

  /** Answers {@code GET /avatar/:username} (the path parameter arrives URL-decoded). */
  public static void handle(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    String name = username.startsWith("@") ? username.substring(1) : username;
    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
        .putHeader("Content-Disposition", "inline")
        .putHeader(HttpHeaders.LAST_MODIFIED, LAST_MODIFIED)
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (LAST_MODIFIED.equals(ctx.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml")
        .end(svg(name, size(ctx.request().getParam("size"))));
  }

  /**
   * @param name     the username
   * @param viewSize the view box's side, in SVG units
   * @return Rocket.Chat's letters avatar: the first ASCII letter or digit of {@code name}, upper-cased, on the colour
   *     {@code COLORS[name.length % 6]}, at font size viewSize / 1.6
   */
  public static String svg(String name, int viewSize) {
    String color = COLORS.get(name.length() % COLORS.size());
    String initial = firstLetter(name);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + viewSize + " " + viewSize + "\">\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"" + color + "\"/>\n"
        + "<text x=\"50%\" y=\"50%\" dy=\"0.36em\" text-anchor=\"middle\" pointer-events=\"none\" fill=\"#ffffff\" "
        + "font-family=\"'Helvetica', 'Arial', 'Lucida Grande', 'sans-serif'\" font-size=\""
        + jsNumber(viewSize / 1.6) + "\">\n" + initial + "\n</text>\n</svg>";
  }

  /** @return the first character of {@code name} in [A-Za-z0-9], upper-cased, or "" (never markup) */
  static String firstLetter(String name) {
    String letters = name.replaceAll("[^A-Za-z0-9]", "");
    return letters.isEmpty() ? "" : letters.substring(0, 1).toUpperCase(Locale.ROOT);
  }

  /**
   * @return the {@code size} query clamped to 16..1024, or 200 when absent, 0 or not a number (Rocket.Chat's
   *     {@code parseInt} check)
   */
  static int size(String query) {
    int requested;
    try {
      requested = query == null ? 0 : Integer.parseInt(query.trim());
    } catch (NumberFormatException notANumber) {
      requested = 0;
    }
    return requested == 0 ? DEFAULT_SIZE : Math.min(Math.max(requested, MIN_SIZE), MAX_SIZE);
  }

  /** @return the number as JavaScript prints it: {@code 125}, not {@code 125.0} */
  private static String jsNumber(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
