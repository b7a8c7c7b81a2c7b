package io.srs.sip.tls;

import io.srs.sip.TlsClientAuth;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The TLS side of the SIP listener once loaded and checked ({@link ServerTlsLoader}): a private
 * {@link SSLContext} built from our own key and trust stores, never from the JVM-wide {@code
 * javax.net.ssl.*} properties, with the versions and suites to enable.
 *
 * @param context key managers from {@code sip.tls.key-store}, trust managers from {@code
 *     sip.tls.trust-store} (or the JVM's CAs)
 * @param protocols the TLS versions enabled on every connection
 * @param cipherSuites the suites enabled on every connection, never empty
 * @param clientAuth whether a client certificate is requested or required
 * @param handshakeTimeout the most one handshake may take
 * @param certificate the server certificate presented (the first private key's leaf)
 */
public record ServerTls(
    SSLContext context,
    List<String> protocols,
    List<String> cipherSuites,
    TlsClientAuth clientAuth,
    Duration handshakeTimeout,
    X509Certificate certificate) {

  public ServerTls {
    Objects.requireNonNull(context, "context");
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
    Objects.requireNonNull(clientAuth, "clientAuth");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(certificate, "certificate");
  }

  /**
   * TLS in server mode over a TCP connection just accepted; the handshake has not started. Closes
   * {@code accepted} when it cannot.
   */
  public SSLSocket serverSocketOver(Socket accepted) throws IOException {
    try {
      // This overload layers a server-mode socket over a connection we accepted ourselves.
      SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(accepted, null, true);
      tls.setEnabledProtocols(protocols.toArray(String[]::new));
      tls.setEnabledCipherSuites(cipherSuites.toArray(String[]::new));
      switch (clientAuth) {
        case NEED -> tls.setNeedClientAuth(true);
        case WANT -> tls.setWantClientAuth(true);
        case NONE -> tls.setWantClientAuth(false);
      }
      return tls;
    } catch (IOException | RuntimeException e) {
      accepted.close();
      throw e;
    }
  }

  /**
   * A client-mode connection from us to an SRC (only when we must send a request, e.g. a BYE, and
   * the SRC's connection is gone): our certificate is offered, the SRC's checked against the trust
   * store.
   */
  public SSLSocket clientSocket(InetAddress address, int port, InetAddress local)
      throws IOException {
    SSLSocket tls =
        (SSLSocket)
            (local == null
                ? context.getSocketFactory().createSocket(address, port)
                : context.getSocketFactory().createSocket(address, port, local, 0));
    tls.setEnabledProtocols(protocols.toArray(String[]::new));
    tls.setEnabledCipherSuites(cipherSuites.toArray(String[]::new));
    return tls;
  }
}
