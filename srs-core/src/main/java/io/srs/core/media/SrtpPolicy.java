package io.srs.core.media;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which media protection we accept (config keys {@code srtp.policy} and {@code srtp.suites}).
 *
 * @param mode whether plain RTP m-lines are recorded
 * @param suites the SDES crypto-suites accepted; the offerer's order decides among them (RFC 4568
 *     §7.1.2 lets the answerer take any acceptable line; taking the first keeps us predictable).
 *     Empty: no RTP/SAVP m-line is recorded (a media side that decrypts nothing)
 */
public record SrtpPolicy(Mode mode, List<SrtpSuite> suites) {

  /**
   * Every suite, strongest first: the order is documentation, the offer's order picks the line.
   * AES-GCM (RFC 7714) before AES-CM with an 80-bit tag before the 32-bit tags.
   */
  public static final List<SrtpSuite> ALL_SUITES =
      List.of(
          SrtpSuite.AEAD_AES_256_GCM,
          SrtpSuite.AEAD_AES_128_GCM,
          SrtpSuite.AES_256_CM_HMAC_SHA1_80,
          SrtpSuite.AES_CM_128_HMAC_SHA1_80,
          SrtpSuite.AES_256_CM_HMAC_SHA1_32,
          SrtpSuite.AES_CM_128_HMAC_SHA1_32);

  /** Record RTP or SRTP as offered, any of the six suites. */
  public static final SrtpPolicy DEFAULT = new SrtpPolicy(Mode.OPTIONAL, ALL_SUITES);

  public SrtpPolicy {
    Objects.requireNonNull(mode, "mode");
    suites = List.copyOf(suites);
  }

  /** What a plain RTP/AVP m-line gets. */
  public enum Mode {
    /** Plain RTP and SDES SRTP are both recorded, as offered (default). */
    OPTIONAL,
    /** Only SDES SRTP is recorded: plain RTP m-lines are declined, 488 when none is left. */
    REQUIRED
  }

  /** The same policy restricted to the suites {@code available} (what the media side decrypts). */
  public SrtpPolicy restrictedTo(Set<SrtpSuite> available) {
    return new SrtpPolicy(mode, suites.stream().filter(available::contains).toList());
  }

  public boolean accepts(SrtpSuite suite) {
    return suites.contains(suite);
  }
}
