package io.srs.daemon.simulate;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * SIP over TCP (RFC 3261 §18.3): a connection per call, messages framed by Content-Length, which is
 * mandatory on stream transports. CRLF keep-alives between messages (RFC 5626 §3.5.1) are skipped.
 * TLS is the same framing over a TLS connection ({@link TlsSipTransport}).
 */
final class TcpSipTransport implements SipTransport {
  /** Largest header section read before the blank line. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String viaName;

  TcpSipTransport(InetSocketAddress bind, InetSocketAddress target, Duration connectTimeout)
      throws IOException {
    this(connect(bind, target, connectTimeout), "TCP");
  }

  /** Over a stream already connected (and, for TLS, handshaken); closes it on failure. */
  TcpSipTransport(Socket connected, String viaName) throws IOException {
    this.socket = connected;
    this.viaName = viaName;
    try {
      this.in = new BufferedInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** A TCP connection from {@code bind} to {@code target}. */
  static Socket connect(InetSocketAddress bind, InetSocketAddress target, Duration timeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.bind(bind);
      socket.setTcpNoDelay(true);
      socket.connect(target, (int) timeout.toMillis());
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public String viaName() {
    return viaName;
  }

  @Override
  public boolean reliable() {
    return true;
  }

  @Override
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  @Override
  public void send(String message) throws IOException {
    out.write(message.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public String receive(Duration timeout) throws IOException {
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    int first;
    try {
      do {
        first = in.read();
      } while (first == '\r' || first == '\n');
    } catch (SocketTimeoutException e) {
      return null;
    }
    if (first < 0) {
      throw new IOException("the recorder closed the " + viaName + " connection");
    }
    // Once a message has begun, a timeout is a broken peer, not an idle one.
    ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
    head.write(first);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("TCP connection closed inside a SIP header section");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEADER_BYTES) {
        throw new IOException("SIP header section over " + MAX_HEADER_BYTES + " bytes");
      }
    }
    String headers = head.toString(StandardCharsets.UTF_8);
    int length = contentLength(headers);
    if (length > MAX_MESSAGE_BYTES) {
      throw new IOException("Content-Length " + length + " is over " + MAX_MESSAGE_BYTES);
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("TCP connection closed inside a SIP body");
    }
    return headers + new String(body, StandardCharsets.UTF_8);
  }

  private static int contentLength(String headers) throws IOException {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (name.equals("content-length") || name.equals("l")) {
          try {
            return Integer.parseInt(line.substring(colon + 1).strip());
          } catch (NumberFormatException e) {
            throw new IOException("Content-Length '" + line + "' is not a number");
          }
        }
      }
    }
    throw new IOException("SIP message over TCP without Content-Length (RFC 3261 §18.3)");
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing: nothing left to do
    }
  }
}
