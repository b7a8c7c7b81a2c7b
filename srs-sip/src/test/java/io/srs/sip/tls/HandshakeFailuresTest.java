package io.srs.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.TlsFailureReason;
import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What JSSE (JDK 17) throws on the server side, and the reason each becomes. */
class HandshakeFailuresTest {

  private static SSLHandshakeException handshake(String message, Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException(message);
    e.initCause(cause);
    return e;
  }

  @Test
  void plainTextOnTheTlsPortIsNotTls() {
    assertThat(
            HandshakeFailures.classify(
                new SSLException("Unsupported or unrecognized SSL message"), false))
        .isEqualTo(TlsFailureReason.NOT_TLS);
  }

  @Test
  void aReadTimeoutIsATimeout() {
    assertThat(
            HandshakeFailures.classify(
                new SSLException("read", new SocketTimeoutException("Read timed out")), false))
        .isEqualTo(TlsFailureReason.TIMEOUT);
  }

  @Test
  void aSocketClosedAtTheDeadlineIsTheWatchdogsTimeoutNotThePeer() {
    SocketException closed = new SocketException("Socket closed");
    assertThat(HandshakeFailures.classify(closed, true)).isEqualTo(TlsFailureReason.TIMEOUT);
    assertThat(HandshakeFailures.classify(closed, false)).isEqualTo(TlsFailureReason.CLOSED);
  }

  @Test
  void anUntrustedClientChainIsAClientCertificateFailure() {
    assertThat(
            HandshakeFailures.classify(
                handshake(
                    "PKIX path building failed",
                    new CertificateException("unable to find valid certification path")),
                false))
        .isEqualTo(TlsFailureReason.CLIENT_CERTIFICATE);
  }

  @Test
  void noClientCertificateUnderNeedIsAClientCertificateFailure() {
    assertThat(
            HandshakeFailures.classify(
                new SSLHandshakeException("Empty client certificate chain"), false))
        .isEqualTo(TlsFailureReason.CLIENT_CERTIFICATE);
  }

  @Test
  void anAlertAboutOurCertificateMeansThePeerRejectedIt() {
    for (String alert : new String[] {"certificate_unknown", "unknown_ca", "bad_certificate"}) {
      assertThat(
              HandshakeFailures.classify(
                  new SSLHandshakeException("Received fatal alert: " + alert), false))
          .as(alert)
          .isEqualTo(TlsFailureReason.CERTIFICATE_REJECTED);
    }
  }

  @Test
  void noCommonVersionOrSuiteIsAProtocolFailure() {
    for (String message :
        new String[] {
          "The client supported protocol versions [TLSv1.2] are not accepted by server preferences"
              + " [TLS13]",
          "Client requested protocol TLSv1.1 is not enabled or supported in server context",
          "no cipher suites in common",
          "Received fatal alert: protocol_version",
          "Received fatal alert: handshake_failure"
        }) {
      assertThat(HandshakeFailures.classify(new SSLHandshakeException(message), false))
          .as(message)
          .isEqualTo(TlsFailureReason.PROTOCOL);
    }
  }

  @Test
  void thePeerHangingUpMidHandshakeIsClosed() {
    assertThat(
            HandshakeFailures.classify(
                handshake(
                    "Remote host terminated the handshake",
                    new EOFException("SSL peer shut down incorrectly")),
                false))
        .isEqualTo(TlsFailureReason.CLOSED);
  }

  @Test
  void anythingElseIsOtherAndKeepsItsMessageForTheLog() {
    SSLException odd = new SSLException("something new in JDK 99");
    assertThat(HandshakeFailures.classify(odd, false)).isEqualTo(TlsFailureReason.OTHER);
    assertThat(HandshakeFailures.detail(odd)).isEqualTo("something new in JDK 99");
  }
}
