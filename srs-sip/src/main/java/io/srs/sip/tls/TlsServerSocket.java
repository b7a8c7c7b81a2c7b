package io.srs.sip.tls;

import io.srs.sip.TlsFailureListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The TLS listener JAIN-SIP accepts from: a plain TCP listener that layers TLS over each accepted
 * connection ({@link ServerTls#serverSocketOver}) and hands it out as a {@link WatchedSslSocket},
 * so the handshake, which JAIN-SIP runs on the connection's own thread, is bounded and its failures
 * reported. Accepting does no TLS I/O: a silent peer never blocks the accept loop.
 *
 * <p>The settings JAIN-SIP applies here (versions, suites, client auth) come from our own stack
 * properties ({@code JainStackProperties}); they are kept and applied to every connection.
 */
public final class TlsServerSocket extends SSLServerSocket {
  private final ServerTls tls;
  private final TlsFailureListener listener;
  private volatile String[] protocols;
  private volatile String[] cipherSuites;
  private volatile boolean needClientAuth;
  private volatile boolean wantClientAuth;
  private volatile boolean sessionCreation = true;

  /** Binds {@code address:port} for TCP now. */
  public TlsServerSocket(
      int port, int backlog, InetAddress address, ServerTls tls, TlsFailureListener listener)
      throws IOException {
    super(port, backlog, address);
    this.tls = tls;
    this.listener = listener;
    this.protocols = tls.protocols().toArray(String[]::new);
    this.cipherSuites = tls.cipherSuites().toArray(String[]::new);
    this.needClientAuth = tls.clientAuth() == io.srs.sip.TlsClientAuth.NEED;
    this.wantClientAuth = tls.clientAuth() == io.srs.sip.TlsClientAuth.WANT;
  }

  @Override
  public Socket accept() throws IOException {
    Socket accepted = super.accept(); // plain TCP: ServerSocket.accept makes a plain Socket
    SSLSocket layered = tls.serverSocketOver(accepted);
    try {
      layered.setEnabledProtocols(protocols);
      layered.setEnabledCipherSuites(cipherSuites);
      if (needClientAuth) {
        layered.setNeedClientAuth(true);
      } else {
        layered.setWantClientAuth(wantClientAuth);
      }
      layered.setEnableSessionCreation(sessionCreation);
    } catch (RuntimeException e) {
      layered.close();
      throw e;
    }
    return new WatchedSslSocket(layered, tls.handshakeTimeout(), listener);
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return cipherSuites.clone();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    cipherSuites = suites.clone();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.context().getSupportedSSLParameters().getCipherSuites();
  }

  @Override
  public String[] getSupportedProtocols() {
    return tls.context().getSupportedSSLParameters().getProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return protocols.clone();
  }

  @Override
  public void setEnabledProtocols(String[] enabled) {
    protocols = enabled.clone();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    needClientAuth = need;
    if (need) {
      wantClientAuth = false;
    }
  }

  @Override
  public boolean getNeedClientAuth() {
    return needClientAuth;
  }

  @Override
  public void setWantClientAuth(boolean want) {
    wantClientAuth = want;
    if (want) {
      needClientAuth = false;
    }
  }

  @Override
  public boolean getWantClientAuth() {
    return wantClientAuth;
  }

  @Override
  public void setUseClientMode(boolean mode) {
    if (mode) {
      throw new IllegalArgumentException("the SIP TLS listener is a server");
    }
  }

  @Override
  public boolean getUseClientMode() {
    return false;
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    sessionCreation = flag;
  }

  @Override
  public boolean getEnableSessionCreation() {
    return sessionCreation;
  }

  @Override
  public String toString() {
    return "TlsServerSocket[" + getLocalSocketAddress() + "]";
  }
}
