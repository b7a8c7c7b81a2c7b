package io.srs.sip.tls;

import io.srs.sip.TlsFailureReason;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names why a server-side handshake failed, from what JSSE threw. JSSE reports most causes only in
 * its messages, so this reads them (JDK 17's wording, pinned by tests); what it cannot place is
 * {@link TlsFailureReason#OTHER}, and the log line keeps the message either way.
 */
final class HandshakeFailures {
  private HandshakeFailures() {}

  /** RFC 8446 §6.2 / RFC 5246 §7.2.2 alerts by which a client refuses our certificate. */
  private static final Set<String> CERTIFICATE_ALERTS =
      Set.of(
          "bad_certificate",
          "unsupported_certificate",
          "certificate_revoked",
          "certificate_expired",
          "certificate_unknown",
          "unknown_ca",
          "bad_certificate_status_response");

  /** Alerts by which a client says we share no version, suite or parameters. */
  private static final Set<String> PROTOCOL_ALERTS =
      Set.of(
          "protocol_version",
          "handshake_failure",
          "insufficient_security",
          "inappropriate_fallback",
          "no_application_protocol");

  private static final Pattern ALERT = Pattern.compile("received fatal alert: ([a-z_]+)");

  /**
   * @param failure what {@code startHandshake} threw
   * @param deadlineReached the handshake timeout had (all but) run out when it threw: a socket
   *     closed then was closed by the watchdog, not by the peer
   */
  static TlsFailureReason classify(Throwable failure, boolean deadlineReached) {
    if (has(failure, SocketTimeoutException.class)) {
      return TlsFailureReason.TIMEOUT;
    }
    boolean closed = has(failure, EOFException.class) || has(failure, SocketException.class);
    if (closed && deadlineReached) {
      return TlsFailureReason.TIMEOUT;
    }
    if (has(failure, CertificateException.class)) {
      return TlsFailureReason.CLIENT_CERTIFICATE; // our trust manager refused the SRC's chain
    }
    String text = messages(failure);
    if (text.contains("unsupported or unrecognized ssl message")
        || text.contains("plaintext connection")) {
      return TlsFailureReason.NOT_TLS;
    }
    Matcher alert = ALERT.matcher(text);
    if (alert.find()) {
      String name = alert.group(1);
      if (CERTIFICATE_ALERTS.contains(name)) {
        return TlsFailureReason.CERTIFICATE_REJECTED;
      }
      if (PROTOCOL_ALERTS.contains(name)) {
        return TlsFailureReason.PROTOCOL;
      }
      return name.equals("close_notify") || name.equals("user_canceled")
          ? TlsFailureReason.CLOSED
          : TlsFailureReason.OTHER;
    }
    if (text.contains("empty client certificate chain") || text.contains("no client certificate")) {
      return TlsFailureReason.CLIENT_CERTIFICATE;
    }
    if (text.contains("protocol version")
        || text.contains("not accepted by server preferences")
        || text.contains("is not enabled or supported")
        || text.contains("no appropriate protocol")
        || text.contains("no cipher suites in common")
        || text.contains("no negotiable cipher suite")) {
      return TlsFailureReason.PROTOCOL;
    }
    if (closed || text.contains("remote host terminated the handshake")) {
      return TlsFailureReason.CLOSED;
    }
    return TlsFailureReason.OTHER;
  }

  /** The first message of the chain, for the log line. */
  static String detail(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        return t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return failure.getClass().getSimpleName();
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        text.append(t.getMessage()).append('\n');
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }
}
