package io.srs.sip.handler;

import io.srs.sip.message.SessionExpires;
import io.srs.sip.message.SessionTimerParser;
import io.srs.sip.message.SipHeaders;
import java.time.Duration;
import java.util.List;

/**
 * Our side of RFC 4028 session-timer negotiation, as a UAS that never refreshes: pure, from the
 * request's headers to the interval we agree to, or no timer, or a refusal.
 *
 * <p>RFC 4028 §9, Table 2, fixes the refresher of our 2xx: a UAC without {@code timer} support
 * makes the UAS the refresher, and a request with {@code refresher=uas} must be answered {@code
 * uas}. We never send refreshes, so in both cases we run no timer and leave Session-Expires out of
 * the 2xx (§7.2: the UAC then sees no session expiration). Otherwise we answer {@code
 * refresher=uac} with {@code Require: timer} (§9) and end the session if no refresh arrives (§10).
 *
 * @param minSeconds our Min-SE: a smaller Session-Expires gets 422 (RFC 4028 §6, §9)
 * @param maxSeconds larger intervals are reduced to it (§9: the UAS MAY reduce, never increase)
 * @param defaultSeconds the interval we ask for when the UAC supports timers and proposed none
 */
public record SessionTimerPolicy(long minSeconds, long maxSeconds, long defaultSeconds) {

  /**
   * RFC 4028 §4 and §5: the Min-SE floor; smaller intervals would load the network with refreshes.
   */
  public static final long MIN_SE_SECONDS = 90;

  /** A day: a SIPREC session refreshed less often than that is not being watched at all. */
  public static final long MAX_SESSION_EXPIRES_SECONDS = 86_400;

  /** RFC 4028 §4 recommends 1800 s (30 minutes). */
  public static final long DEFAULT_SESSION_EXPIRES_SECONDS = 1_800;

  /** The production policy. */
  public static final SessionTimerPolicy STANDARD =
      new SessionTimerPolicy(
          MIN_SE_SECONDS, MAX_SESSION_EXPIRES_SECONDS, DEFAULT_SESSION_EXPIRES_SECONDS);

  /** RFC 4028 §10: the non-refresher ends the session min(32 s, interval/3) before it expires. */
  static final Duration MAX_EXPIRY_MARGIN = Duration.ofSeconds(32);

  /** The interval agreed for a dialog; {@link #NONE} runs no timer. */
  public record Agreement(long seconds) {
    public static final Agreement NONE = new Agreement(0);

    public boolean runs() {
      return seconds > 0;
    }

    /** The 2xx's header: we never refresh, so always {@code refresher=uac}. */
    public SessionExpires header() {
      return new SessionExpires(seconds, SessionExpires.Refresher.UAC);
    }

    /** When to give up without a refresh: interval − min(32, interval/3) (RFC 4028 §10). */
    public Duration expiry() {
      Duration interval = Duration.ofSeconds(seconds);
      Duration third = interval.dividedBy(3);
      return interval.minus(third.compareTo(MAX_EXPIRY_MARGIN) < 0 ? third : MAX_EXPIRY_MARGIN);
    }
  }

  public SessionTimerPolicy {
    if (minSeconds < 1 || maxSeconds < minSeconds) {
      throw new IllegalArgumentException(
          "session timer bounds must satisfy 1 <= min <= max, were "
              + minSeconds
              + ", "
              + maxSeconds);
    }
    if (defaultSeconds < minSeconds || defaultSeconds > maxSeconds) {
      throw new IllegalArgumentException(
          "default session interval must be within "
              + minSeconds
              + ".."
              + maxSeconds
              + ", was "
              + defaultSeconds);
    }
  }

  /**
   * What to agree to for a request that can refresh a session (INVITE, re-INVITE, UPDATE).
   *
   * @throws Refusal 400 when Session-Expires or Min-SE is malformed or repeated, 422 with our
   *     Min-SE when the proposed interval is below it (RFC 4028 §9)
   */
  Agreement negotiate(SipHeaders headers) throws Refusal {
    SessionExpires proposed = single(headers, "Session-Expires");
    long requestMin = 0;
    String minSe = text(headers, "Min-SE");
    if (minSe != null) {
      requestMin = parse(() -> SessionTimerParser.parseMinSe(minSe));
    }
    boolean uacSupports =
        headers.tokens("Supported").contains("timer")
            || headers.tokens("Require").contains("timer");
    if (!uacSupports) {
      return Agreement.NONE; // Table 2: we would be the refresher
    }
    if (proposed == null) {
      long seconds = Math.max(defaultSeconds, requestMin);
      return seconds > maxSeconds ? Agreement.NONE : new Agreement(seconds);
    }
    if (proposed.seconds() < minSeconds) {
      throw new Refusal(
          Replies.error(
                  422,
                  "Session-Expires " + proposed.seconds() + " is below our Min-SE " + minSeconds)
              .withHeader("Min-SE", Long.toString(minSeconds)));
    }
    if (proposed.refresher() == SessionExpires.Refresher.UAS) {
      return Agreement.NONE; // Table 2: we would have to answer uas, and we never refresh
    }
    // §9: we MAY reduce the interval, never below the request's Min-SE, never increase it.
    return new Agreement(Math.min(proposed.seconds(), Math.max(maxSeconds, requestMin)));
  }

  private static SessionExpires single(SipHeaders headers, String name) throws Refusal {
    String value = text(headers, name);
    return value == null ? null : parse(() -> SessionTimerParser.parseSessionExpires(value));
  }

  private static String text(SipHeaders headers, String name) throws Refusal {
    List<String> values = headers.all(name);
    if (values.size() > 1) {
      throw new Refusal(
          Replies.error(400, name + " appears " + values.size() + " times; expected once"));
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(Parse<T> parse) throws Refusal {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new Refusal(Replies.error(400, e.getMessage()));
    }
  }
}
