package io.srs.core.media;

import java.security.SecureRandom;

/**
 * Where our SDES master keys come from (RFC 4568 §7.1.1 wants them fresh and unpredictable; RFC
 * 3711 §8.1 a cryptographically strong random source). Injected so tests can be deterministic.
 */
@FunctionalInterface
public interface SrtpKeySource {

  /** Fills {@code into} with fresh secret bytes. */
  void nextBytes(byte[] into);

  /** A {@link SecureRandom}: what production uses. */
  static SrtpKeySource secure() {
    SecureRandom random = new SecureRandom();
    return random::nextBytes;
  }

  /** A fresh key and salt for {@code suite} with the session flags of {@code offered}. */
  default SrtpKeys answerKeys(SrtpSuite suite, SrtpKeys offered) {
    byte[] key = new byte[suite.masterKeyBytes()];
    byte[] salt = new byte[suite.masterSaltBytes()];
    nextBytes(key);
    nextBytes(salt);
    return new SrtpKeys(
        suite,
        key,
        salt,
        0,
        0,
        offered.srtpEncrypted(),
        offered.srtcpEncrypted(),
        offered.srtpAuthenticated());
  }
}
