package io.srs.core.media;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code a=crypto} line of an offered m-line (RFC 4568 §9.1), checked by the SDP side: either
 * usable, with the sender's keys, or unusable with the reason. Never carries the line's text: the
 * key is a secret, and {@link SrtpKeys#toString()} redacts it.
 *
 * @param tag the line's tag (RFC 4568 §4.1): the answer echoes it
 * @param suiteName the crypto-suite as sent, for reasons and warnings
 * @param keys the master key, salt, MKI and session flags when the line is usable, else null
 * @param problem why the line cannot be used (RFC 4568 §6.3, §6.1), or null when usable
 */
public record OfferedCrypto(int tag, String suiteName, SrtpKeys keys, String problem) {

  public OfferedCrypto {
    Objects.requireNonNull(suiteName, "suiteName");
    if ((keys == null) == (problem == null)) {
      throw new IllegalArgumentException("a crypto line has either keys or a problem");
    }
  }

  public static OfferedCrypto usable(int tag, SrtpKeys keys) {
    return new OfferedCrypto(tag, keys.suite().sdesName(), keys, null);
  }

  public static OfferedCrypto unusable(int tag, String suiteName, String problem) {
    return new OfferedCrypto(tag, suiteName, null, problem);
  }

  public boolean isUsable() {
    return keys != null;
  }

  /** The suite, when it is one we know. */
  public Optional<SrtpSuite> suite() {
    return keys != null ? Optional.of(keys.suite()) : SrtpSuite.fromSdesName(suiteName);
  }

  /** {@code 1 AES_CM_128_HMAC_SHA1_80}: the line without its key, for decline reasons. */
  public String describe() {
    return tag + " " + suiteName;
  }
}
