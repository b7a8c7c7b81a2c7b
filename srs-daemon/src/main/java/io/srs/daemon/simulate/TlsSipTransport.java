package io.srs.daemon.simulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * SIP over TLS (RFC 3261 §26.2.1): a TCP connection per call, TLS over it, then the same framing as
 * {@link TcpSipTransport}. The handshake is finished (and the recorder's certificate checked)
 * before the INVITE is written, so a refused certificate fails the call up front.
 */
final class TlsSipTransport {
  private TlsSipTransport() {}

  static SipTransport open(
      InetSocketAddress bind, InetSocketAddress target, Duration timeout, TlsClient tls)
      throws IOException {
    Socket tcp = TcpSipTransport.connect(bind, target, timeout);
    SSLSocket socket;
    try {
      // The layering overload names the peer: SNI and the certificate's names are checked against
      // the --target host as given (an IP address or a host name).
      socket =
          (SSLSocket)
              tls.socketFactory().createSocket(tcp, target.getHostString(), target.getPort(), true);
    } catch (IOException e) {
      tcp.close();
      throw e;
    }
    try {
      if (tls.verifyHostname()) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
      }
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      socket.startHandshake();
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return new TcpSipTransport(socket, "TLS");
  }
}
