package io.srs.sip.message;

/**
 * Parses the session-timer headers of RFC 4028 in pure code:
 *
 * <pre>
 * Session-Expires  = ("Session-Expires" / "x") HCOLON delta-seconds *(SEMI se-params)   ; §4
 * se-params        = refresher-param / generic-param
 * refresher-param  = "refresher" EQUAL ("uas" / "uac")
 * Min-SE           = "Min-SE" HCOLON delta-seconds *(SEMI generic-param)                ; §5
 * delta-seconds    = 1*DIGIT                                                          ; RFC 3261 §25.1
 * </pre>
 *
 * Generic parameters are ignored (RFC 3261 §7.3.1: unknown parameters are not errors). A value that
 * does not match the grammar throws {@link IllegalArgumentException} whose message names the
 * header, what was seen and what was expected, for a 400 reason phrase.
 */
public final class SessionTimerParser {
  private SessionTimerParser() {}

  /** Digits kept in delta-seconds: 2^32-1 (RFC 3261 §25.1's largest) has ten. */
  public static final int MAX_DELTA_DIGITS = 10;

  /** Parameters read per header; a real one carries one or two. */
  public static final int MAX_PARAMETERS = 16;

  public static SessionExpires parseSessionExpires(String value) {
    String[] parts = split("Session-Expires", value);
    long seconds = deltaSeconds("Session-Expires", parts[0]);
    SessionExpires.Refresher refresher = null;
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).trim();
      if (name.isEmpty()) {
        throw bad("Session-Expires", value, "a parameter name after ';'");
      }
      if (!name.equalsIgnoreCase("refresher")) {
        continue;
      }
      String given = eq < 0 ? "" : param.substring(eq + 1).trim();
      SessionExpires.Refresher named = SessionExpires.Refresher.of(given);
      if (named == null || refresher != null) {
        throw bad("Session-Expires", value, "one refresher=uac or refresher=uas");
      }
      refresher = named;
    }
    return new SessionExpires(seconds, refresher);
  }

  /** The Min-SE delta-seconds (RFC 4028 §5); parameters are ignored. */
  public static long parseMinSe(String value) {
    return deltaSeconds("Min-SE", split("Min-SE", value)[0]);
  }

  private static String[] split(String header, String value) {
    if (value == null || value.isBlank()) {
      throw bad(header, value, "delta-seconds");
    }
    String[] parts = value.split(";", -1);
    if (parts.length > MAX_PARAMETERS + 1) {
      throw new IllegalArgumentException(
          header + " has " + (parts.length - 1) + " parameters; at most " + MAX_PARAMETERS);
    }
    return parts;
  }

  private static long deltaSeconds(String header, String text) {
    String digits = text.trim();
    if (digits.isEmpty() || digits.length() > MAX_DELTA_DIGITS) {
      throw bad(header, text, "delta-seconds of 1.." + MAX_DELTA_DIGITS + " digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw bad(header, text, "delta-seconds (digits only)");
      }
    }
    return Long.parseLong(digits);
  }

  private static IllegalArgumentException bad(String header, String seen, String expected) {
    String shown = seen == null ? "" : seen.length() > 40 ? seen.substring(0, 40) + "…" : seen;
    return new IllegalArgumentException(
        header + " \"" + shown.strip() + "\" is malformed; expected " + expected);
  }
}
