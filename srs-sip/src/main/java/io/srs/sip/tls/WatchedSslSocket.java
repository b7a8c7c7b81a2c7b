package io.srs.sip.tls;

import io.srs.sip.TlsFailureListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An accepted TLS connection whose first handshake is bounded and watched. JAIN-SIP starts the
 * handshake on the connection's own thread; here it is timed (a read timeout of {@code
 * handshakeTimeout}, beside JAIN-SIP's own watchdog that closes the socket at the same limit), and
 * a failure is named ({@link HandshakeFailures}) and reported with the peer's address.
 *
 * <p>A failed handshake then closes the connection and returns normally instead of throwing: the RI
 * (1.3.0-91, {@code TLSMessageChannel.run}) skips its connection accounting when the handshake
 * throws, so every failure would hold one of its {@code MAX_CONNECTIONS} slots for good and a
 * thousand port scans would stop the listener. Returning lets the RI read end-of-stream from the
 * closed socket and release the slot the ordinary way (and spares a stack trace per failure in its
 * log). Everything else is the JSSE socket's own behaviour, delegated unchanged.
 */
final class WatchedSslSocket extends SSLSocket {
  private final SSLSocket delegate;
  private final Duration handshakeTimeout;
  private final TlsFailureListener listener;
  private volatile boolean handshaken;

  WatchedSslSocket(SSLSocket delegate, Duration handshakeTimeout, TlsFailureListener listener) {
    this.delegate = delegate;
    this.handshakeTimeout = handshakeTimeout;
    this.listener = listener;
  }

  @Override
  public void startHandshake() throws IOException {
    if (handshaken) {
      delegate.startHandshake(); // a later handshake (renegotiation, key update): not watched
      return;
    }
    long started = System.nanoTime();
    int previousTimeout = delegate.getSoTimeout();
    delegate.setSoTimeout((int) handshakeTimeout.toMillis());
    try {
      delegate.startHandshake();
      handshaken = true;
    } catch (IOException | RuntimeException e) {
      // Within a tenth of the limit: the watchdog closing the socket, not the peer.
      long elapsed = System.nanoTime() - started;
      boolean deadlineReached = elapsed >= handshakeTimeout.toNanos() * 9 / 10;
      InetSocketAddress peer = peer();
      closeQuietly();
      listener.handshakeFailed(
          HandshakeFailures.classify(e, deadlineReached), peer, HandshakeFailures.detail(e));
    } finally {
      if (!delegate.isClosed()) {
        try {
          delegate.setSoTimeout(previousTimeout);
        } catch (SocketException closedMeanwhile) {
          // nothing to restore on a closed socket
        }
      }
    }
  }

  private void closeQuietly() {
    try {
      delegate.close();
    } catch (IOException e) {
      // closing a connection that failed: nothing more to do
    }
  }

  private InetSocketAddress peer() {
    SocketAddress remote = delegate.getRemoteSocketAddress();
    return remote instanceof InetSocketAddress address
        ? address
        : new InetSocketAddress(delegate.getInetAddress(), delegate.getPort());
  }

  // ---- SSLSocket, delegated ----

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return delegate.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    delegate.setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return delegate.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return delegate.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    delegate.setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return delegate.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return delegate.getHandshakeSession();
  }

  @Override
  public void addHandshakeCompletedListener(HandshakeCompletedListener handshakeListener) {
    delegate.addHandshakeCompletedListener(handshakeListener);
  }

  @Override
  public void removeHandshakeCompletedListener(HandshakeCompletedListener handshakeListener) {
    delegate.removeHandshakeCompletedListener(handshakeListener);
  }

  @Override
  public void setUseClientMode(boolean mode) {
    delegate.setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return delegate.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    delegate.setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return delegate.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    delegate.setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return delegate.getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    delegate.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return delegate.getEnableSessionCreation();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return delegate.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters params) {
    delegate.setSSLParameters(params);
  }

  @Override
  public String getApplicationProtocol() {
    return delegate.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return delegate.getHandshakeApplicationProtocol();
  }

  @Override
  public void setHandshakeApplicationProtocolSelector(
      BiFunction<SSLSocket, List<String>, String> selector) {
    delegate.setHandshakeApplicationProtocolSelector(selector);
  }

  @Override
  public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return delegate.getHandshakeApplicationProtocolSelector();
  }

  // ---- Socket, delegated: this object's own socket state is never used ----

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    delegate.connect(endpoint);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    delegate.connect(endpoint, timeout);
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    delegate.bind(bindpoint);
  }

  @Override
  public InetAddress getInetAddress() {
    return delegate.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public int getPort() {
    return delegate.getPort();
  }

  @Override
  public int getLocalPort() {
    return delegate.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return delegate.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return delegate.getLocalSocketAddress();
  }

  @Override
  public SocketChannel getChannel() {
    return delegate.getChannel();
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return delegate.getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return delegate.getOutputStream();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    delegate.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return delegate.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    delegate.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return delegate.getSoLinger();
  }

  @Override
  public void sendUrgentData(int data) throws IOException {
    delegate.sendUrgentData(data);
  }

  @Override
  public void setOOBInline(boolean on) throws SocketException {
    delegate.setOOBInline(on);
  }

  @Override
  public boolean getOOBInline() throws SocketException {
    return delegate.getOOBInline();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    delegate.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return delegate.getSoTimeout();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    delegate.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return delegate.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    delegate.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return delegate.getReceiveBufferSize();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    delegate.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return delegate.getKeepAlive();
  }

  @Override
  public void setTrafficClass(int tc) throws SocketException {
    delegate.setTrafficClass(tc);
  }

  @Override
  public int getTrafficClass() throws SocketException {
    return delegate.getTrafficClass();
  }

  @Override
  public void setReuseAddress(boolean on) throws SocketException {
    delegate.setReuseAddress(on);
  }

  @Override
  public boolean getReuseAddress() throws SocketException {
    return delegate.getReuseAddress();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  @Override
  public void shutdownInput() throws IOException {
    delegate.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    delegate.shutdownOutput();
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public boolean isBound() {
    return delegate.isBound();
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return delegate.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return delegate.isOutputShutdown();
  }

  @Override
  public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
    delegate.setPerformancePreferences(connectionTime, latency, bandwidth);
  }

  @Override
  public <T> SSLSocket setOption(SocketOption<T> name, T value) throws IOException {
    delegate.setOption(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return delegate.getOption(name);
  }

  @Override
  public Set<SocketOption<?>> supportedOptions() {
    return delegate.supportedOptions();
  }

  @Override
  public String toString() {
    return "Watched" + delegate;
  }
}
