package io.srs.daemon.simulate;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One stream's SDES offer (RFC 4568 §9.1): a fresh master key and salt for the suite, and the
 * {@code a=crypto} attribute that carries them. Each stream of each call gets its own key (RFC 4568
 * §6.1: a key must not be shared between streams, or two SSRCs would reuse one keystream). The key
 * stays the same for the whole call, so a re-INVITE repeats the same line and the recorder keeps
 * its context (RFC 4568 §7.1.4).
 */
final class SdesOffer {
  /** The tag of the one crypto line each m-line offers (RFC 4568 §9.1). */
  static final int TAG = 1;

  private final SrtpKeys keys;
  private final String attribute;

  private SdesOffer(SrtpKeys keys) {
    this.keys = keys;
    byte[] keyAndSalt = new byte[keys.masterKey().length + keys.masterSalt().length];
    System.arraycopy(keys.masterKey(), 0, keyAndSalt, 0, keys.masterKey().length);
    System.arraycopy(
        keys.masterSalt(), 0, keyAndSalt, keys.masterKey().length, keys.masterSalt().length);
    this.attribute =
        "crypto:"
            + TAG
            + ' '
            + keys.suite().sdesName()
            + " inline:"
            + Base64.getEncoder().encodeToString(keyAndSalt);
  }

  /** A new key and salt from {@code random}, which must be a cryptographic generator. */
  static SdesOffer generate(SrtpSuite suite, SecureRandom random) {
    byte[] key = new byte[suite.masterKeyBytes()];
    byte[] salt = new byte[suite.masterSaltBytes()];
    random.nextBytes(key);
    random.nextBytes(salt);
    return new SdesOffer(SrtpKeys.of(suite, key, salt));
  }

  SrtpKeys keys() {
    return keys;
  }

  SrtpSuite suite() {
    return keys.suite();
  }

  /** {@code crypto:1 SUITE inline:KEY||SALT}, without the {@code a=}; holds the secret. */
  String attribute() {
    return attribute;
  }

  /** The suite only: the key never reaches a log by accident. */
  @Override
  public String toString() {
    return "SdesOffer[" + keys.suite().sdesName() + ", key=<redacted>]";
  }
}
