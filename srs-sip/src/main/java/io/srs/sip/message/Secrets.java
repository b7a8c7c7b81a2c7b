package io.srs.sip.message;

import java.util.regex.Pattern;

/**
 * Hides SDES key material (RFC 4568 §6.1 {@code inline:<key||salt>}) in text that may reach a log,
 * a reason phrase or a stored file. The key of an {@code a=crypto} line decrypts the call: it must
 * never leave the process except in the SDP it came in.
 */
public final class Secrets {
  /** {@code inline:} and the key||salt after it, up to the lifetime, MKI, next key or a space. */
  private static final Pattern INLINE_KEY = Pattern.compile("(?i)(inline:)[^|;\\s\"]*");

  public static final String REDACTED = "<redacted>";

  private Secrets() {}

  /** {@code 1 AES_CM_128_HMAC_SHA1_80 inline:<redacted>|2^31}. */
  public static String redact(String text) {
    if (text == null || text.length() < 7) {
      return text;
    }
    return INLINE_KEY.matcher(text).replaceAll("$1" + REDACTED);
  }
}
