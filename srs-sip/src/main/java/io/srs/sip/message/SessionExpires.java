package io.srs.sip.message;

import java.util.Locale;

/**
 * A {@code Session-Expires} header value (RFC 4028 §4): the session interval in seconds and who
 * refreshes, when the sender said.
 *
 * @param seconds the session interval, delta-seconds as sent (RFC 3261 §25.1 allows up to 2^32-1)
 * @param refresher who refreshes, or null when the {@code refresher} parameter is absent
 */
public record SessionExpires(long seconds, Refresher refresher) {

  /** The {@code refresher} parameter's values (RFC 4028 §4): "uac" or "uas", nothing else. */
  public enum Refresher {
    UAC("uac"),
    UAS("uas");

    private final String wire;

    Refresher(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The refresher named by {@code value}, case-insensitively; null when it names neither. */
    static Refresher of(String value) {
      String lower = value.toLowerCase(Locale.ROOT);
      for (Refresher refresher : values()) {
        if (refresher.wire.equals(lower)) {
          return refresher;
        }
      }
      return null;
    }
  }

  public SessionExpires {
    if (seconds < 0) {
      throw new IllegalArgumentException("session interval must be >= 0, was " + seconds);
    }
  }

  /** The header value we send: {@code 1800;refresher=uac}. */
  public String toHeaderValue() {
    return refresher == null ? Long.toString(seconds) : seconds + ";refresher=" + refresher.wire;
  }

  @Override
  public String toString() {
    return toHeaderValue();
  }
}
