package chat.rocket.livechat.platform.rocketchat;

import java.util.regex.Pattern;

/** Rocket.Chat's {@code validateEmail}: the one email check of visitor registration, transcripts and offline forms. */
public final class Emails {

  /** Rocket.Chat's {@code validateEmail} pattern. */
  private static final Pattern EMAIL = Pattern.compile("^(([^<>()\\[\\]\\\\.,;:\\s@\"]+"
      + "(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*)|(\".+\"))@"
      + "((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))$");

  private Emails() {
  }

  /**
   * @param address an email address as given (not trimmed here)
   * @return whether Rocket.Chat accepts it, e.g. true for {@code mary@example.com}, false for {@code test} or null
   */
  public static boolean isValid(String address) {
    return address != null && EMAIL.matcher(address).matches();
  }
}
