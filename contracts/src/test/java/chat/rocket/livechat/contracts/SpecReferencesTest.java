package chat.rocket.livechat.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The references of code and docs resolve inside the repository: every {@code §N.M} cited in a module's sources
 * ({@code src/main} and {@code src/test}), the README or {@code docs/*.yaml} is a heading of
 * {@code docs/spec/rocketchat-behaviour.md}, and every {@code DECISIONS.md, <section>} / {@code DECISIONS.md
 * improvement N} names a heading / a numbered item of {@code docs/spec/DECISIONS.md}.
 */
class SpecReferencesTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)*)");
  private static final Pattern SPEC_HEADING = Pattern.compile("(?m)^#{2,4} (\\d+(?:\\.\\d+)*)\\.? ");
  private static final Pattern DECISIONS_SECTION = Pattern.compile("DECISIONS\\.md,? ([A-Z][A-Za-z]*(?: [a-z]+)*)");
  private static final Pattern DECISIONS_ITEMS =
      Pattern.compile("DECISIONS\\.md improvements? ((?:\\d+(?:, | and )?)+)");
  /** A heading without its parenthetical: {@code ## Endpoints (all under ...)} is cited as {@code Endpoints}. */
  private static final Pattern DECISIONS_HEADING = Pattern.compile("(?m)^## ([^(\\n]+)");
  private static final Pattern NUMBERED_ITEM = Pattern.compile("(?m)^(\\d+)\\. ");

  private static List<Path> citing;

  @BeforeAll
  static void findCitingFiles() throws IOException {
    citing = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".yaml")).forEach(citing::add);
    }
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path src : modules.map(m -> m.resolve("src")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(src)) {
          files.filter(p -> p.toString().endsWith(".java")).forEach(citing::add);
        }
      }
    }
  }

  @Test
  @DisplayName("every spec § section cited in sources and docs is a heading of docs/spec/rocketchat-behaviour.md")
  void specSectionsResolve() {
    Set<String> headings = matches(SPEC_HEADING, read(ROOT.resolve("docs/spec/rocketchat-behaviour.md")));

    assertThat(headings).contains("1.6", "3.2", "7.3");
    assertThat(unresolved(SECTION, headings)).as("§ references without a heading").isEmpty();
  }

  @Test
  @DisplayName("every DECISIONS.md section cited in sources and docs is a heading of docs/spec/DECISIONS.md")
  void decisionSectionsResolve() {
    Set<String> headings = matches(DECISIONS_HEADING, read(ROOT.resolve("docs/spec/DECISIONS.md")));

    assertThat(headings).contains("Bodies and codes");
    assertThat(unresolved(DECISIONS_SECTION, headings)).as("DECISIONS.md sections without a heading").isEmpty();
  }

  @Test
  @DisplayName("every DECISIONS.md improvement cited by number is an item of its deliberate-deviations list")
  void decisionImprovementsResolve() {
    String decisions = read(ROOT.resolve("docs/spec/DECISIONS.md"));
    Set<String> items = matches(NUMBERED_ITEM, decisions.substring(decisions.indexOf("## Where this project")));
    Set<String> missing = new TreeSet<>();
    for (Path file : citing) {
      Matcher cited = DECISIONS_ITEMS.matcher(read(file));
      while (cited.find()) {
        matches(Pattern.compile("(\\d+)"), cited.group(1)).stream().filter(n -> !items.contains(n))
            .forEach(n -> missing.add(ROOT.relativize(file) + ": improvement " + n));
      }
    }

    assertThat(items).contains("1", "5");
    assertThat(missing).as("DECISIONS.md improvements that are not listed").isEmpty();
  }

  private static Set<String> unresolved(Pattern reference, Set<String> headings) {
    return citing.stream()
        .flatMap(file -> matches(reference, read(file)).stream().filter(ref -> !headings.contains(ref))
            .map(ref -> ROOT.relativize(file) + ": " + ref))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1).trim());
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
