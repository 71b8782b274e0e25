package chat.rocket.livechat.standalone;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/** A Prometheus text-format scrape ({@code /metrics}), read by metric name and labels. */
final class Scrape {

  private final List<String> lines;

  private Scrape(List<String> lines) {
    this.lines = lines;
  }

  /** @return the scrape of {@code api}'s {@code /metrics}, which must answer 200 */
  static Scrape of(Api api) {
    Api.Response response = api.getAbsolute("/metrics", java.util.Map.of());
    if (response.status() != 200) {
      throw new AssertionError("/metrics answered " + response.status() + ": " + response.body());
    }
    return new Scrape(Arrays.asList(response.body().split("\n")));
  }

  /**
   * @param name   the sample name, e.g. {@code livechat_events_published_total}
   * @param labels label pairs the sample must carry, e.g. {@code type="chat.rocket.livechat.room.created"}
   * @return the value of the first sample with that name and those labels, or empty
   */
  OptionalDouble value(String name, String... labels) {
    for (String line : lines) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        String labelPart = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
        if (Arrays.stream(labels).allMatch(labelPart::contains)) {
          return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        }
      }
    }
    return OptionalDouble.empty();
  }

  /** @return every line of the scrape, for failure messages */
  String text() {
    return String.join("\n", lines);
  }
}
