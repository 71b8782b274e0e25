package chat.rocket.livechat.platform.rocketchat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bson.types.ObjectId;

/** New identifiers in Rocket.Chat's formats (DECISIONS.md, Bodies and codes). */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Meteor {@code Random.id()} alphabet: no look-alike characters. */
  private static final String UNMISTAKABLE = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
  /** Meteor {@code Random.secret()} alphabet (base64url). */
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private Ids() {
  }

  /** @return a 17-character Meteor {@code Random.id()}, used for rooms, inquiries, subscriptions and users */
  public static String randomId() {
    return random(UNMISTAKABLE, 17);
  }

  /** @return a 24-hex-character ObjectId string, used for new visitors */
  public static String objectIdHex() {
    return new ObjectId().toHexString();
  }

  /** @return a 43-character Meteor {@code Random.secret()}, used for login tokens */
  public static String secret() {
    return random(BASE64URL, 43);
  }

  /**
   * An id in {@link #randomId()}'s format that is the same for the same seed: for a document written at most once per
   * seed (a room's {@code livechat-close} message), so that a redelivered command finds the one it wrote.
   *
   * @param seed what the document is unique for, e.g. {@code <rid>:livechat-close}
   * @return 17 characters of the {@code Random.id()} alphabet taken from the seed's SHA-256
   */
  public static String derivedId(String seed) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    StringBuilder id = new StringBuilder(17);
    for (int i = 0; i < 17; i++) {
      id.append(UNMISTAKABLE.charAt((hash[i] & 0xff) % UNMISTAKABLE.length()));
    }
    return id.toString();
  }

  private static String random(String alphabet, int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
