package chat.rocket.livechat.gateway.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Meteor accounts-password hashing (spec §7.3): the stored hash is {@code bcrypt(sha256_hex(password))}, cost 10,
 * in {@code users.services.password.bcrypt}. bcrypt runs on a worker thread, never on an event loop.
 */
public final class Passwords {

  /** bcrypt cost factor of Meteor accounts-password. */
  public static final int BCRYPT_COST = 10;

  private Passwords() {
  }

  /** @return the lower-case hex SHA-256 of the password: what a Meteor client sends as {@code {digest}} */
  public static String sha256Hex(String password) {
    return HexFormat.of().formatHex(sha256(password));
  }

  /** @return the SHA-256 of the text's UTF-8 bytes (passwords here, login tokens in {@link Authenticator}) */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }


  /** @return completes with {@code bcrypt(digest)} */
  public static Future<String> hash(Vertx vertx, String sha256Hex) {
    return vertx.executeBlocking(() -> BCrypt.with(BCrypt.Version.VERSION_2B)
        .hashToString(BCRYPT_COST, sha256Hex.toCharArray()));
  }

  /** @return completes with true when {@code sha256Hex} matches the stored bcrypt hash */
  public static Future<Boolean> verify(Vertx vertx, String sha256Hex, String bcryptHash) {
    return vertx.executeBlocking(() -> BCrypt.verifyer()
        .verify(sha256Hex.getBytes(StandardCharsets.UTF_8), bcryptHash.getBytes(StandardCharsets.UTF_8)).verified);
  }
}
