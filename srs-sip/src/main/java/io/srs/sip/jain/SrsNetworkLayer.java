package io.srs.sip.jain;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import io.srs.sip.TlsFailureListener;
import io.srs.sip.tls.ServerTls;
import io.srs.sip.tls.TlsServerSocket;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The sockets the RI opens: plain ones exactly as its {@link DefaultNetworkLayer} makes them, TLS
 * ones from our own {@link ServerTls} (never from the JVM-wide {@code javax.net.ssl.*} properties,
 * which would reach every other TLS user in the process). Installed by {@link SrsSipStack}.
 */
final class SrsNetworkLayer implements NetworkLayer {
  private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
  private final ServerTls tls;
  private final TlsFailureListener failures;

  /**
   * @param tls the TLS side, or null when the listener has no TLS
   * @param failures told about every failed handshake on the TLS listener
   */
  SrsNetworkLayer(ServerTls tls, TlsFailureListener failures) {
    this.tls = tls;
    this.failures = failures;
  }

  @Override
  public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    return new TlsServerSocket(port, backlog, address, requireTls(), failures);
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
    return requireTls().clientSocket(address, port, null);
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress local)
      throws IOException {
    return requireTls().clientSocket(address, port, local);
  }

  private ServerTls requireTls() throws IOException {
    if (tls == null) {
      throw new IOException("TLS is not configured (sip.transports has no tls)");
    }
    return tls;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    return plain.createServerSocket(port, backlog, address);
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    return plain.createSocket(address, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local) throws IOException {
    return plain.createSocket(address, port, local);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
      throws IOException {
    return plain.createSocket(address, port, local, localPort);
  }

  @Override
  public DatagramSocket createDatagramSocket() throws SocketException {
    return plain.createDatagramSocket();
  }

  @Override
  public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
    return plain.createDatagramSocket(port, address);
  }

  @Override
  public void setSipStack(SipStackImpl stack) {
    // Nothing of the stack is needed: the TLS material came in through the constructor.
  }
}
