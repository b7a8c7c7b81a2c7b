package io.srs.sip.sdp;

import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the value of one {@code a=crypto} attribute (RFC 4568 §9.1) into an {@link OfferedCrypto}.
 * Pure and total: whatever the text, the result is a value, usable or with the reason it is not —
 * never an exception, so one bad line cannot cost the call its other lines. Reasons never quote the
 * key.
 *
 * <pre>
 * a=crypto:&lt;tag&gt; &lt;crypto-suite&gt; &lt;key-params&gt; [&lt;session-params&gt;]
 *   tag            = 1*9DIGIT
 *   key-params     = key-param *(";" key-param)
 *   key-param      = "inline:" key||salt ["|" lifetime] ["|" MKI ":" length]
 *   lifetime       = ["2^"] 1*DIGIT
 *   session-param  = "KDR=" n | "UNENCRYPTED_SRTP" | "UNENCRYPTED_SRTCP" | "UNAUTHENTICATED_SRTP"
 *                  | "FEC_ORDER=" order | "FEC_KEY=" key-params | "WSH=" n | ["-"] extension
 * </pre>
 *
 * <p>Decisions where the RFC leaves room:
 *
 * <ul>
 *   <li>Several key-params (§6.1): without MKIs the sender uses them in order, each for its
 *       lifetime, so the first is the one in use and we take it (lifetimes are 2^31 packets or
 *       more: far beyond a call). With MKIs the sender may switch to any of them at any packet; we
 *       hold one key per stream, so the line is unusable.
 *   <li>KDR (§6.3.1): our unprotect side derives session keys once (RFC 3711 §4.3.1, rate 0), so
 *       {@code KDR=0} is accepted and any other rate makes the line unusable.
 *   <li>FEC_ORDER, FEC_KEY (§6.3.5, §6.3.6) only matter for an RFC 2733 FEC stream, which we never
 *       receive; WSH (§6.3.7) is a hint. They are checked and ignored.
 *   <li>An unknown session parameter makes the line unusable (§6.3: its meaning might change how
 *       packets are protected), unless it starts with {@code -}, which §9.1 marks as ignorable.
 *   <li>Suite names and {@code inline} are matched in any case; SBCs vary.
 * </ul>
 */
public final class CryptoAttributeParser {

  /** Longest {@code a=crypto} value read: two AES-256 keys with lifetimes and MKIs fit easily. */
  public static final int MAX_VALUE_LENGTH = 1024;

  /** Most key-params in one line; SBCs send one. */
  public static final int MAX_KEY_PARAMS = 16;

  /** Most session parameters in one line; RFC 4568 defines seven. */
  public static final int MAX_SESSION_PARAMS = 16;

  /** RFC 4568 §9.1: {@code tag = 1*9DIGIT}. */
  static final int MAX_TAG_DIGITS = 9;

  /** RFC 4568 §6.1: {@code mki-length = 1*3DIGIT}, 1 to 128 bytes. */
  static final int MAX_MKI_LENGTH_RFC = 128;

  /** RFC 4568 §6.3.7: a window size hint below 64 is invalid. */
  static final int MIN_WSH = 64;

  /** RFC 4568 §6.3.1: {@code KDR=n} with n in 0..24 (a rate of 2^n). */
  static final int MAX_KDR = 24;

  /** Largest lifetime exponent or decimal digits accepted before calling it garbage. */
  private static final int MAX_LIFETIME_EXPONENT = 64;

  private static final int MAX_LIFETIME_DIGITS = 20;

  /** What a line is called when its suite cannot even be read. */
  static final String UNREADABLE = "?";

  private CryptoAttributeParser() {}

  /** Parses the text after {@code a=crypto:}. */
  public static OfferedCrypto parse(String value) {
    if (value == null || value.isBlank()) {
      return OfferedCrypto.unusable(-1, UNREADABLE, "empty a=crypto");
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      return OfferedCrypto.unusable(
          -1, UNREADABLE, "a=crypto longer than " + MAX_VALUE_LENGTH + " characters");
    }
    String[] fields = value.trim().split("[ \t]+");
    int tag = tag(fields[0]);
    if (tag < 0) {
      return OfferedCrypto.unusable(
          -1, UNREADABLE, "tag is not 1 to " + MAX_TAG_DIGITS + " digits (RFC 4568 §9.1)");
    }
    if (fields.length < 3) {
      return OfferedCrypto.unusable(
          tag,
          fields.length > 1 ? suiteName(fields[1]) : UNREADABLE,
          "expected <tag> <crypto-suite> <key-params> (RFC 4568 §9.1)");
    }
    String suiteName = suiteName(fields[1]);
    Optional<SrtpSuite> suite = SrtpSuite.fromSdesName(fields[1]);
    if (suite.isEmpty()) {
      return OfferedCrypto.unusable(tag, suiteName, "crypto-suite not supported");
    }
    if (fields.length - 3 > MAX_SESSION_PARAMS) {
      return OfferedCrypto.unusable(
          tag, suiteName, "more than " + MAX_SESSION_PARAMS + " session parameters");
    }
    try {
      SessionParams params = sessionParams(fields);
      KeyParam key = keyParams(fields[2], suite.get());
      return OfferedCrypto.usable(
          tag,
          new SrtpKeys(
              suite.get(),
              key.key,
              key.salt,
              key.mkiLength,
              key.mkiValue,
              !params.unencryptedSrtp,
              !params.unencryptedSrtcp,
              !params.unauthenticatedSrtp));
    } catch (Unusable e) {
      return OfferedCrypto.unusable(tag, suiteName, e.getMessage());
    }
  }

  private static int tag(String text) {
    if (text.isEmpty()
        || text.length() > MAX_TAG_DIGITS
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Integer.parseInt(text);
  }

  /**
   * The suite as sent, or a placeholder when it does not look like one (it reaches warnings). Suite
   * names always have an underscore, which standard base64 never has: a key sent where the suite
   * belongs is not quoted.
   */
  private static String suiteName(String text) {
    return looksLikeName(text) ? text : UNREADABLE;
  }

  private static boolean looksLikeName(String text) {
    return text.length() <= 40 && text.matches("[A-Za-z0-9_]*_[A-Za-z0-9_]*");
  }

  private record KeyParam(byte[] key, byte[] salt, int mkiLength, long mkiValue) {}

  private static KeyParam keyParams(String text, SrtpSuite suite) throws Unusable {
    String[] params = text.split(";", -1);
    if (params.length > MAX_KEY_PARAMS) {
      throw new Unusable("more than " + MAX_KEY_PARAMS + " key-params");
    }
    List<KeyParam> keys = new ArrayList<>();
    for (String param : params) {
      keys.add(keyParam(param, suite));
    }
    if (keys.size() > 1 && keys.stream().anyMatch(k -> k.mkiLength > 0)) {
      throw new Unusable(
          keys.size()
              + " master keys with MKIs (RFC 4568 §6.1): the sender may switch between them;"
              + " one key per line is supported");
    }
    return keys.get(0);
  }

  private static KeyParam keyParam(String param, SrtpSuite suite) throws Unusable {
    int colon = param.indexOf(':');
    if (colon < 0 || !param.substring(0, colon).equalsIgnoreCase("inline")) {
      throw new Unusable("key method is not inline (RFC 4568 §6.1)");
    }
    String[] parts = param.substring(colon + 1).split("\\|", -1);
    if (parts.length > 3) {
      throw new Unusable("key-param has more than key, lifetime and MKI (RFC 4568 §9.2)");
    }
    byte[] keySalt = base64(parts[0], suite);
    int mkiLength = 0;
    long mkiValue = 0;
    boolean sawLifetime = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.indexOf(':') >= 0) {
        if (i != parts.length - 1 || mkiLength > 0) {
          throw new Unusable("MKI must be the last part of the key-param (RFC 4568 §9.2)");
        }
        long[] mki = mki(part);
        mkiValue = mki[0];
        mkiLength = (int) mki[1];
      } else {
        if (sawLifetime || i != 1) {
          throw new Unusable("lifetime must follow the key (RFC 4568 §9.2)");
        }
        lifetime(part);
        sawLifetime = true;
      }
    }
    int keyBytes = suite.masterKeyBytes();
    byte[] key = new byte[keyBytes];
    byte[] salt = new byte[suite.masterSaltBytes()];
    System.arraycopy(keySalt, 0, key, 0, keyBytes);
    System.arraycopy(keySalt, keyBytes, salt, 0, salt.length);
    java.util.Arrays.fill(keySalt, (byte) 0);
    return new KeyParam(key, salt, mkiLength, mkiValue);
  }

  /** RFC 4568 §6.1: base64 (RFC 4648) of key||salt, of exactly the suite's lengths. */
  private static byte[] base64(String text, SrtpSuite suite) throws Unusable {
    int expected = suite.masterKeyBytes() + suite.masterSaltBytes();
    byte[] decoded;
    try {
      // The basic decoder rejects characters outside the alphabet and accepts missing padding.
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new Unusable("key||salt is not valid base64 (RFC 4568 §6.1)");
    }
    if (decoded.length != expected) {
      int got = decoded.length;
      java.util.Arrays.fill(decoded, (byte) 0);
      throw new Unusable(
          "key||salt is "
              + got
              + " bytes; "
              + suite.sdesName()
              + " needs "
              + expected
              + " ("
              + suite.masterKeyBytes()
              + "-byte key, "
              + suite.masterSaltBytes()
              + "-byte salt)");
    }
    return decoded;
  }

  /** {@code ["2^"] 1*DIGIT}: checked, not used (we never run a key to its end). */
  private static void lifetime(String text) throws Unusable {
    boolean power = text.startsWith("2^");
    String digits = power ? text.substring(2) : text;
    if (digits.isEmpty()
        || digits.length() > MAX_LIFETIME_DIGITS
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Unusable("lifetime is not [2^]digits (RFC 4568 §6.1)");
    }
    if (power && Integer.parseInt(digits) > MAX_LIFETIME_EXPONENT) {
      throw new Unusable("lifetime exponent over " + MAX_LIFETIME_EXPONENT);
    }
  }

  /** {@code MKI-value ":" MKI-length}, both decimal; returns {value, length}. */
  private static long[] mki(String text) throws Unusable {
    int colon = text.indexOf(':');
    String value = text.substring(0, colon);
    String length = text.substring(colon + 1);
    if (value.isEmpty()
        || value.length() > 19
        || length.isEmpty()
        || length.length() > 3
        || !(value + length).chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Unusable("MKI is not <value>:<length> in decimal (RFC 4568 §9.2)");
    }
    int bytes = Integer.parseInt(length);
    if (bytes < 1 || bytes > MAX_MKI_LENGTH_RFC) {
      throw new Unusable("MKI length " + bytes + " is out of range 1..128 (RFC 4568 §6.1)");
    }
    if (bytes > SrtpKeys.MAX_MKI_LENGTH) {
      throw new Unusable(
          "MKI of " + bytes + " bytes; at most " + SrtpKeys.MAX_MKI_LENGTH + " supported");
    }
    long mki = Long.parseLong(value);
    if (mki >= 1L << (8 * bytes)) {
      throw new Unusable("MKI value does not fit in " + bytes + " bytes");
    }
    return new long[] {mki, bytes};
  }

  private static final class SessionParams {
    boolean unencryptedSrtp;
    boolean unencryptedSrtcp;
    boolean unauthenticatedSrtp;
  }

  private static SessionParams sessionParams(String[] fields) throws Unusable {
    SessionParams params = new SessionParams();
    for (int i = 3; i < fields.length; i++) {
      String param = fields[i];
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
      String value = eq < 0 ? null : param.substring(eq + 1);
      switch (name) {
        case "UNENCRYPTED_SRTP" -> params.unencryptedSrtp = flag(name, value);
        case "UNENCRYPTED_SRTCP" -> params.unencryptedSrtcp = flag(name, value);
        case "UNAUTHENTICATED_SRTP" -> params.unauthenticatedSrtp = flag(name, value);
        case "KDR" -> kdr(value);
        case "WSH" -> wsh(value);
        case "FEC_ORDER" -> {
          if (!"FEC_SRTP".equalsIgnoreCase(value) && !"SRTP_FEC".equalsIgnoreCase(value)) {
            throw new Unusable("FEC_ORDER is not FEC_SRTP or SRTP_FEC (RFC 4568 §6.3.5)");
          }
        }
        case "FEC_KEY" -> {
          // RFC 4568 §6.3.6: keys of the FEC stream, which we never receive. Never quoted.
          if (value == null || !value.regionMatches(true, 0, "inline:", 0, 7)) {
            throw new Unusable("FEC_KEY is not inline key-params (RFC 4568 §6.3.6)");
          }
        }
        default -> {
          if (!param.startsWith("-")) {
            throw new Unusable(
                "unknown session parameter "
                    + (looksLikeName(name) ? name : UNREADABLE)
                    + " (RFC 4568 §6.3)");
          }
          // §9.1: a leading "-" marks an extension the receiver may ignore.
        }
      }
    }
    return params;
  }

  private static boolean flag(String name, String value) throws Unusable {
    if (value != null) {
      throw new Unusable(name + " takes no value (RFC 4568 §6.3)");
    }
    return true;
  }

  private static void kdr(String value) throws Unusable {
    if (value == null || value.isEmpty() || value.length() > 2 || !value.matches("\\d+")) {
      throw new Unusable("KDR is not 0.." + MAX_KDR + " (RFC 4568 §6.3.1)");
    }
    int rate = Integer.parseInt(value);
    if (rate > MAX_KDR) {
      throw new Unusable("KDR is not 0.." + MAX_KDR + " (RFC 4568 §6.3.1)");
    }
    if (rate != 0) {
      throw new Unusable("KDR=" + rate + ": periodic session key derivation is not supported");
    }
  }

  private static void wsh(String value) throws Unusable {
    if (value == null
        || value.isEmpty()
        || value.length() > 9
        || !value.matches("\\d+")
        || Integer.parseInt(value) < MIN_WSH) {
      throw new Unusable("WSH is not a number of at least " + MIN_WSH + " (RFC 4568 §6.3.7)");
    }
  }

  /** A line we cannot use; the message is the reason, free of key material. */
  private static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String reason) {
      super(reason, null, false, false);
    }
  }
}
