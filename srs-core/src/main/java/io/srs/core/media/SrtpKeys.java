package io.srs.core.media;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The master key material one SRTP sender uses for a stream, as it arrived in an SDES {@code
 * a=crypto} line (RFC 4568 §6.1), with the session parameters that change packet processing.
 *
 * <p>Key bytes are secrets: {@link #toString()} never prints them, and nothing may log or store
 * them. Arrays are copied in and out so no caller can alter a policy after it was checked.
 *
 * @param suite the crypto-suite
 * @param masterKey the master key, {@link SrtpSuite#masterKeyBytes()} long
 * @param masterSalt the master salt, {@link SrtpSuite#masterSaltBytes()} long
 * @param mkiLength bytes of Master Key Identifier after each packet's payload (RFC 3711 §3.1), 0
 *     when the key parameter has no MKI
 * @param mkiValue the MKI value this key is identified by; ignored when {@code mkiLength} is 0
 * @param srtpEncrypted false under the UNENCRYPTED_SRTP session parameter (RFC 4568 §6.3.3)
 * @param srtcpEncrypted false under UNENCRYPTED_SRTCP (RFC 4568 §6.3.4)
 * @param srtpAuthenticated false under UNAUTHENTICATED_SRTP (RFC 4568 §6.3.5)
 */
public record SrtpKeys(
    SrtpSuite suite,
    byte[] masterKey,
    byte[] masterSalt,
    int mkiLength,
    long mkiValue,
    boolean srtpEncrypted,
    boolean srtcpEncrypted,
    boolean srtpAuthenticated) {

  /** RFC 4568 §6.1 allows an MKI of up to 128 bytes; libsrtp and every SBC we know use 1–4. */
  public static final int MAX_MKI_LENGTH = 4;

  public SrtpKeys {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(masterKey, "masterKey");
    Objects.requireNonNull(masterSalt, "masterSalt");
    if (masterKey.length != suite.masterKeyBytes()) {
      throw new IllegalArgumentException(
          suite.sdesName()
              + " needs a "
              + suite.masterKeyBytes()
              + "-byte master key, got "
              + masterKey.length);
    }
    if (masterSalt.length != suite.masterSaltBytes()) {
      throw new IllegalArgumentException(
          suite.sdesName()
              + " needs a "
              + suite.masterSaltBytes()
              + "-byte master salt, got "
              + masterSalt.length);
    }
    if (mkiLength < 0 || mkiLength > MAX_MKI_LENGTH) {
      throw new IllegalArgumentException(
          "MKI length must be 0.." + MAX_MKI_LENGTH + " bytes, got " + mkiLength);
    }
    masterKey = masterKey.clone();
    masterSalt = masterSalt.clone();
  }

  /** Keys with no MKI and every packet encrypted and authenticated: the usual case. */
  public static SrtpKeys of(SrtpSuite suite, byte[] masterKey, byte[] masterSalt) {
    return new SrtpKeys(suite, masterKey, masterSalt, 0, 0, true, true, true);
  }

  @Override
  public byte[] masterKey() {
    return masterKey.clone();
  }

  @Override
  public byte[] masterSalt() {
    return masterSalt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpKeys k
        && suite == k.suite
        && Arrays.equals(masterKey, k.masterKey)
        && Arrays.equals(masterSalt, k.masterSalt)
        && mkiLength == k.mkiLength
        && mkiValue == k.mkiValue
        && srtpEncrypted == k.srtpEncrypted
        && srtcpEncrypted == k.srtcpEncrypted
        && srtpAuthenticated == k.srtpAuthenticated;
  }

  @Override
  public int hashCode() {
    return Objects.hash(suite, Arrays.hashCode(masterKey), Arrays.hashCode(masterSalt), mkiValue);
  }

  /** The suite and flags only: key material never reaches a log. */
  @Override
  public String toString() {
    return "SrtpKeys["
        + suite.sdesName()
        + (mkiLength > 0
            ? ", mki=" + HexFormat.of().toHexDigits(mkiValue).substring(16 - 2 * mkiLength)
            : "")
        + (srtpEncrypted ? "" : ", UNENCRYPTED_SRTP")
        + (srtcpEncrypted ? "" : ", UNENCRYPTED_SRTCP")
        + (srtpAuthenticated ? "" : ", UNAUTHENTICATED_SRTP")
        + ", key=<redacted>]";
  }
}
