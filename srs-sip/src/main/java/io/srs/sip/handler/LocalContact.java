package io.srs.sip.handler;

import io.srs.sip.SipSettings;
import io.srs.sip.SipTransport;

/**
 * Our Contact header value, per transport, with the {@code +sip.srs} feature tag that RFC 7866
 * §6.1.1 requires of an SRS in every dialog-creating response.
 */
public final class LocalContact {
  private final String host;
  private final int port;

  public LocalContact(SipSettings settings) {
    this(settings.advertisedHost(), settings.port());
  }

  public LocalContact(String host, int port) {
    this.host = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    this.port = port;
  }

  public String contact(SipTransport transport) {
    return "<sip:srs@" + host + ":" + port + ";transport=" + transport.wireName() + ">;+sip.srs";
  }

  /** The warn-agent of our Warning headers (RFC 3261 §20.43): our host and port. */
  public String warnAgent() {
    return host + ":" + port;
  }
}
