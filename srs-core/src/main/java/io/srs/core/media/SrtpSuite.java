package io.srs.core.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The SRTP crypto-suites we can receive, by their SDES names (RFC 4568 §6.2, RFC 6188 §7.1, RFC
 * 7714 §14.2). Each fixes the master key and salt lengths the {@code inline:} key parameter must
 * carry and the length of the authentication tag on every packet.
 */
public enum SrtpSuite {
  /** RFC 4568 §6.2.1: the default suite of RFC 3711, AES-128 counter mode, 80-bit HMAC-SHA1. */
  AES_CM_128_HMAC_SHA1_80("AES_CM_128_HMAC_SHA1_80", SrtpCipher.AES_CM, 16, 14, 10, 10),
  /** RFC 4568 §6.2.2: as above with a 32-bit SRTP tag; SRTCP keeps its 80-bit tag. */
  AES_CM_128_HMAC_SHA1_32("AES_CM_128_HMAC_SHA1_32", SrtpCipher.AES_CM, 16, 14, 4, 10),
  /** RFC 6188 §7.1: AES-256 counter mode, 80-bit HMAC-SHA1. */
  AES_256_CM_HMAC_SHA1_80("AES_256_CM_HMAC_SHA1_80", SrtpCipher.AES_CM, 32, 14, 10, 10),
  /** RFC 6188 §7.1: AES-256 counter mode, 32-bit SRTP tag, 80-bit SRTCP tag. */
  AES_256_CM_HMAC_SHA1_32("AES_256_CM_HMAC_SHA1_32", SrtpCipher.AES_CM, 32, 14, 4, 10),
  /** RFC 7714 §14.2: AES-128 GCM AEAD, 96-bit salt, 128-bit tag on SRTP and SRTCP. */
  AEAD_AES_128_GCM("AEAD_AES_128_GCM", SrtpCipher.AES_GCM, 16, 12, 16, 16),
  /** RFC 7714 §14.2: AES-256 GCM AEAD. */
  AEAD_AES_256_GCM("AEAD_AES_256_GCM", SrtpCipher.AES_GCM, 32, 12, 16, 16);

  /** How the payload is encrypted and authenticated. */
  public enum SrtpCipher {
    /** AES in counter mode plus HMAC-SHA1 (RFC 3711 §4.1.1, §4.2.1). */
    AES_CM,
    /** AES-GCM authenticated encryption (RFC 7714). */
    AES_GCM
  }

  private final String sdesName;
  private final SrtpCipher cipher;
  private final int masterKeyBytes;
  private final int masterSaltBytes;
  private final int srtpTagBytes;
  private final int srtcpTagBytes;

  SrtpSuite(
      String sdesName,
      SrtpCipher cipher,
      int masterKeyBytes,
      int masterSaltBytes,
      int srtpTagBytes,
      int srtcpTagBytes) {
    this.sdesName = sdesName;
    this.cipher = cipher;
    this.masterKeyBytes = masterKeyBytes;
    this.masterSaltBytes = masterSaltBytes;
    this.srtpTagBytes = srtpTagBytes;
    this.srtcpTagBytes = srtcpTagBytes;
  }

  /** The name in {@code a=crypto:<tag> <suite> ...} (RFC 4568 §9.1). */
  public String sdesName() {
    return sdesName;
  }

  public SrtpCipher cipher() {
    return cipher;
  }

  public int masterKeyBytes() {
    return masterKeyBytes;
  }

  public int masterSaltBytes() {
    return masterSaltBytes;
  }

  /** Length of the authentication tag on each SRTP packet. */
  public int srtpTagBytes() {
    return srtpTagBytes;
  }

  /** Length of the authentication tag on each SRTCP packet. */
  public int srtcpTagBytes() {
    return srtcpTagBytes;
  }

  /**
   * Suite names are case-sensitive in RFC 4568 §9.1's grammar; we accept any case, as SBCs vary.
   */
  public static Optional<SrtpSuite> fromSdesName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (SrtpSuite suite : values()) {
      if (suite.sdesName.equals(upper)) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }
}
