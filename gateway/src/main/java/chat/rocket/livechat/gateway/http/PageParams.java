package chat.rocket.livechat.gateway.http;

/**
 * The page parameters of Rocket.Chat's list endpoints ({@code getPaginationItems}): {@code offset} and {@code count},
 * read as JavaScript's {@code parseInt} reads them.
 */
final class PageParams {

  /** Rocket.Chat's {@code API_Default_Count} default: the page size without {@code count}. */
  static final int DEFAULT_COUNT = 50;
  /** Rocket.Chat's {@code API_Upper_Count_Limit} default: the largest page. */
  static final int MAX_COUNT = 100;

  private PageParams() {
  }

  /** @return the {@code offset} query value; 0 when absent, unparsable or negative */
  static int offset(String text) {
    return number(text, 0);
  }

  /** @return the {@code count} query value, at most {@link #MAX_COUNT}; {@link #DEFAULT_COUNT} when unusable */
  static int count(String text) {
    return Math.min(number(text, DEFAULT_COUNT), MAX_COUNT);
  }

  private static int number(String text, int fallback) {
    try {
      int value = text == null ? fallback : Integer.parseInt(text.trim());
      return value < 0 ? fallback : value;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
