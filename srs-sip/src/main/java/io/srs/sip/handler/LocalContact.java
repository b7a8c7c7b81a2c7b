package io.srs.sip.handler;

import io.srs.sip.SipSettings;
import io.srs.sip.SipTransport;
import io.srs.sip.message.InboundRequest;
import java.util.List;
import java.util.Locale;

/**
 * Our Contact header value, per transport, with the {@code +sip.srs} feature tag that RFC 7866
 * §6.1.1 requires of an SRS in every dialog-creating response. The Contact is where in-dialog
 * requests (re-INVITE, UPDATE, BYE) come back to, so it names the transport and port the request
 * came in on: a dialog set up over TLS stays on the TLS port, over TLS.
 */
public final class LocalContact {
  private final String host;
  private final int port;
  private final int tlsPort;

  public LocalContact(SipSettings settings) {
    this(settings.advertisedHost(), settings.port(), settings.port(SipTransport.TLS));
  }

  public LocalContact(String host, int port) {
    this(host, port, port);
  }

  /**
   * @param port the UDP and TCP port
   * @param tlsPort the TLS port
   */
  public LocalContact(String host, int port, int tlsPort) {
    this.host = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    this.port = port;
    this.tlsPort = tlsPort;
  }

  public String contact(SipTransport transport) {
    int at = transport == SipTransport.TLS ? tlsPort : port;
    return "<sip:srs@" + host + ":" + at + ";transport=" + transport.wireName() + ">;+sip.srs";
  }

  /**
   * The Contact for a response to {@code request}. RFC 3261 §12.1.1: when the dialog was set up
   * with a SIPS URI (Request-URI, else the top Record-Route, else the Contact), our Contact MUST be
   * a SIPS URI too; otherwise {@code transport=tls} keeps a plain-{@code sip:} dialog on TLS.
   */
  public String contact(InboundRequest request) {
    if (request.transport() == SipTransport.TLS && isSips(request)) {
      return "<sips:srs@" + host + ":" + tlsPort + ">;+sip.srs";
    }
    return contact(request.transport());
  }

  private static boolean isSips(InboundRequest request) {
    if (startsWithSips(request.requestUri())) {
      return true;
    }
    List<String> routes = request.headers().all("Record-Route");
    if (!routes.isEmpty()) {
      return startsWithSips(uriOf(routes.get(0)));
    }
    return request.headers().first("Contact").map(c -> startsWithSips(uriOf(c))).orElse(false);
  }

  /** The URI of a name-addr ({@code "A" <sips:a@b>;p}) or addr-spec header value. */
  private static String uriOf(String value) {
    int open = value.indexOf('<');
    return open >= 0 ? value.substring(open + 1).strip() : value.strip();
  }

  private static boolean startsWithSips(String uri) {
    return uri != null && uri.toLowerCase(Locale.ROOT).startsWith("sips:");
  }

  /** The warn-agent of our Warning headers (RFC 3261 §20.43): our host and port. */
  public String warnAgent() {
    return host + ":" + port;
  }
}
