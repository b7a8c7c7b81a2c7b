package io.srs.daemon.simulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** One call's SIP connection to the recorder: whole messages out, whole messages in. */
public interface SipTransport extends AutoCloseable {
  /** Largest SIP message read or written (RFC 3261 §18.1.1 leaves it to us; SRS's own bound). */
  int MAX_MESSAGE_BYTES = 64 * 1024;

  /** The transport token of the Via header: {@code UDP}, {@code TCP} or {@code TLS}. */
  String viaName();

  /** Reliable transports need no retransmission (RFC 3261 §17.1.1.2). */
  boolean reliable();

  /**
   * The {@code ;transport=} URI parameter naming this transport, or nothing for UDP (the default of
   * a {@code sip:} URI, RFC 3261 §19.1.1).
   */
  default String uriParameter() {
    return reliable() ? ";transport=" + viaName().toLowerCase(java.util.Locale.ROOT) : "";
  }

  InetSocketAddress localAddress();

  void send(String message) throws IOException;

  /** The next whole message, or null when none arrived within {@code timeout}. */
  String receive(Duration timeout) throws IOException;

  @Override
  void close();
}
