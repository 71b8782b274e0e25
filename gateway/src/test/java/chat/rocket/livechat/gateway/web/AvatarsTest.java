package chat.rocket.livechat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rocket.Chat's letters avatar ({@code apps/meteor/server/routes/avatar/utils.ts}, {@code renderSVGLetters}). */
class AvatarsTest {

  @Test
  @DisplayName("the avatar is the first letter or digit, upper-cased, on the colour of the name's length")
  void letterAndColour() {
    String svg = Avatars.svg("rocket.cat", 200);

    // 10 characters: colour 10 % 6 = 4 (#10529E); font size 200 / 1.6 = 125.
    assertThat(svg).isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 200\">\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#10529E\"/>\n"
        + "<text x=\"50%\" y=\"50%\" dy=\"0.36em\" text-anchor=\"middle\" pointer-events=\"none\" fill=\"#ffffff\" "
        + "font-family=\"'Helvetica', 'Arial', 'Lucida Grande', 'sans-serif'\" font-size=\"125\">\nR\n</text>\n</svg>");
  }

  @Test
  @DisplayName("characters other than ASCII letters and digits are skipped, so no markup reaches the SVG")
  void markupIsSkipped() {
    assertThat(Avatars.firstLetter("<script>")).isEqualTo("S");
    assertThat(Avatars.firstLetter("_-9lives")).isEqualTo("9");
    assertThat(Avatars.firstLetter("ñ<>")).isEmpty();
  }

  @Test
  @DisplayName("the size query is clamped to 16..1024 and defaults to 200 when absent, 0 or not a number")
  void sizeIsClamped() {
    assertThat(Avatars.size(null)).isEqualTo(200);
    assertThat(Avatars.size("abc")).isEqualTo(200);
    assertThat(Avatars.size("0")).isEqualTo(200);
    assertThat(Avatars.size("8")).isEqualTo(16);
    assertThat(Avatars.size("-5")).isEqualTo(16);
    assertThat(Avatars.size("4096")).isEqualTo(1024);
    assertThat(Avatars.size("50")).isEqualTo(50);
    assertThat(Avatars.svg("ab", 50)).contains("font-size=\"31.25\"");
  }
}
