package io.srs.sip.handler;

import io.srs.sip.siprec.InviteBodyDecoder;
import io.srs.sip.siprec.SiprecClassifier;
import java.util.List;
import java.util.Set;

/**
 * What we implement, as advertised in Allow, Accept and Supported (RFC 3261 §20.5, §20.1, §20.37).
 */
public final class SipCapabilities {
  private SipCapabilities() {}

  /** The methods we implement. */
  public static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE";

  /** The body types we read. */
  public static final String ACCEPT = InviteBodyDecoder.ACCEPT;

  /** RFC 4028 §3: session timers; we enforce expiry but never refresh ({@link SessionTimer}). */
  public static final String TIMER = "timer";

  /** The option tags we support (RFC 3261 §8.2.2.3), in the order Supported lists them. */
  public static final List<String> OPTION_TAGS = List.of(SiprecClassifier.OPTION_TAG, TIMER);

  public static final String SUPPORTED = String.join(", ", OPTION_TAGS);

  /** Methods we know but do not implement: 405 with Allow (RFC 3261 §8.2.1); others get 501. */
  public static final Set<String> KNOWN_UNSUPPORTED =
      Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "MESSAGE", "REFER", "PUBLISH", "INFO", "PRACK");

  /** Retry-After for a 503 to OPTIONS or an INVITE we have no thread for. */
  public static final int RETRY_AFTER_SECONDS = 5;
}
