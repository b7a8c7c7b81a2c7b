package io.srs.sip.message;

import io.srs.sip.SipTransport;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A SIP request as the handlers see it: immutable, free of JAIN-SIP types.
 *
 * @param method the method, exactly as received (methods are case-sensitive, RFC 3261 §7.1)
 * @param requestUri the Request-URI
 * @param callId the Call-ID
 * @param fromUri the From URI, without display name or tag
 * @param toUri the To URI, without display name or tag
 * @param headers every header line
 * @param body the body bytes; empty when none
 * @param transport the transport the request arrived on
 * @param remote the address the request came from
 * @param receivedAt when it arrived
 * @param dialogKey the dialog it names (local tag null outside a dialog)
 * @param transactionKey the server transaction it belongs to
 */
public record InboundRequest(
    String method,
    String requestUri,
    String callId,
    String fromUri,
    String toUri,
    SipHeaders headers,
    byte[] body,
    SipTransport transport,
    InetSocketAddress remote,
    Instant receivedAt,
    DialogKey dialogKey,
    TransactionKey transactionKey) {

  public InboundRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(dialogKey, "dialogKey");
    Objects.requireNonNull(transactionKey, "transactionKey");
    body = body == null ? new byte[0] : body.clone();
  }

  /** A copy of the body: callers cannot change this request. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  public int bodyLength() {
    return body.length;
  }

  /** {@code 192.0.2.1:5060/UDP}: the source as logs and {@code RecordingOffer} want it. */
  public String source() {
    String host = remote == null ? "unknown" : remote.getAddress().getHostAddress();
    int port = remote == null ? 0 : remote.getPort();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/" + transport;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return method + " " + requestUri + " (" + callId + " from " + source() + ")";
  }
}
