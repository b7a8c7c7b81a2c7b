package io.srs.sip.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A SIP peer on 127.0.0.1 that sends raw text and reads raw responses, over UDP, TCP or TLS. */
public abstract class RawSipClient implements AutoCloseable {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** Every response read so far, in order. */
  public final List<RawResponse> received = new ArrayList<>();

  /** Every request the server sent us (BYE), in order, as read while awaiting anything. */
  public final List<RawRequest> requests = new ArrayList<>();

  public static RawSipClient udp(int serverPort) throws IOException {
    return new Udp(serverPort);
  }

  public static RawSipClient tcp(int serverPort) throws IOException {
    return new Tcp(serverPort);
  }

  /** Over a TLS connection already made (and handshaken) by the test. */
  public static RawSipClient tls(Socket connected) throws IOException {
    return new Tcp(connected, "TLS");
  }

  public abstract int localPort();

  public abstract String transport();

  public abstract void send(String message) throws IOException;

  /** The next response, or null when none arrives within {@code timeout}. */
  protected abstract RawResponse read(Duration timeout) throws IOException;

  /** Reads until a response matches, failing after a few seconds. */
  public RawResponse await(Predicate<RawResponse> wanted, String what) throws IOException {
    Instant deadline = Instant.now().plusSeconds(5);
    while (Instant.now().isBefore(deadline)) {
      RawResponse response = read(Duration.ofMillis(200));
      if (response != null) {
        received.add(response);
        if (wanted.test(response)) {
          return response;
        }
      }
    }
    throw new AssertionError("no " + what + " within 5 s; received " + received);
  }

  public RawResponse await(int status, String cseqMethod) throws IOException {
    return await(
        r -> r.status() == status && r.cseqMethod().equals(cseqMethod),
        status + " to " + cseqMethod);
  }

  /**
   * The first request of {@code method} the server sent, reading until it arrives; fails after
   * {@code within}.
   */
  public RawRequest awaitRequest(String method, Duration within) throws IOException {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      for (RawRequest request : requests) {
        if (request.method().equals(method)) {
          return request;
        }
      }
      if (!Instant.now().isBefore(deadline)) {
        throw new AssertionError("no " + method + " within " + within + "; got " + requests);
      }
      RawResponse response = read(Duration.ofMillis(100));
      if (response != null) {
        received.add(response);
      }
    }
  }

  /** Answers a request the server sent. */
  public void respond(RawRequest request, int status, String reason) throws IOException {
    send(request.response(status, reason));
  }

  /** Keeps a request the server sent; {@link #read} then reports nothing for it. */
  protected void requestArrived(String head, String body) {
    requests.add(RawRequest.parse(head, body));
  }

  /** Reads whatever arrives within {@code window}: for asserting that nothing more comes. */
  public List<RawResponse> drain(Duration window) throws IOException {
    List<RawResponse> more = new ArrayList<>();
    Instant deadline = Instant.now().plus(window);
    while (Instant.now().isBefore(deadline)) {
      RawResponse response = read(Duration.ofMillis(100));
      if (response != null) {
        received.add(response);
        more.add(response);
      }
    }
    return more;
  }

  /** A port free for both UDP and TCP on 127.0.0.1 (JAIN-SIP cannot bind port 0). */
  public static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK)) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
          return port;
        } catch (IOException taken) {
          // try another
        }
      }
    }
    throw new IOException("no port free for both UDP and TCP");
  }

  private static final class Udp extends RawSipClient {
    private final DatagramSocket socket;
    private final InetSocketAddress server;

    Udp(int serverPort) throws IOException {
      socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
      server = new InetSocketAddress(LOOPBACK, serverPort);
    }

    @Override
    public int localPort() {
      return socket.getLocalPort();
    }

    @Override
    public String transport() {
      return "UDP";
    }

    @Override
    public void send(String message) throws IOException {
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    @Override
    protected RawResponse read(Duration timeout) throws IOException {
      byte[] buffer = new byte[65535];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.setSoTimeout((int) timeout.toMillis());
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return null;
      }
      String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      if (!text.startsWith("SIP/2.0")) {
        requestArrived(text.substring(0, split), text.substring(split + 4));
        return null;
      }
      return RawResponse.parse(text.substring(0, split), text.substring(split + 4));
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  private static final class Tcp extends RawSipClient {
    private final Socket socket;
    private final InputStream in;
    private final String transport;

    Tcp(int serverPort) throws IOException {
      this(connect(serverPort), "TCP");
    }

    Tcp(Socket connected, String transport) throws IOException {
      socket = connected;
      in = socket.getInputStream();
      this.transport = transport;
    }

    private static Socket connect(int serverPort) throws IOException {
      Socket socket = new Socket();
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      socket.connect(new InetSocketAddress(LOOPBACK, serverPort), 2000);
      return socket;
    }

    @Override
    public int localPort() {
      return socket.getLocalPort();
    }

    @Override
    public String transport() {
      return transport;
    }

    @Override
    public void send(String message) throws IOException {
      socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    }

    @Override
    protected RawResponse read(Duration timeout) throws IOException {
      socket.setSoTimeout((int) timeout.toMillis());
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      try {
        int matched = 0;
        while (matched < 4) {
          int b = in.read();
          if (b < 0) {
            return null;
          }
          if (head.size() == 0 && (b == '\r' || b == '\n')) {
            continue; // keep-alive CRLF
          }
          head.write(b);
          matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
      } catch (SocketTimeoutException e) {
        if (head.size() == 0) {
          return null;
        }
        throw e;
      }
      String headText = head.toString(StandardCharsets.UTF_8);
      headText = headText.substring(0, headText.length() - 4);
      RawResponse bare = RawResponse.parse(headText, "");
      String length = bare.header("Content-Length");
      if (length == null) {
        length = bare.header("l");
      }
      int n = length == null ? 0 : Integer.parseInt(length.trim());
      socket.setSoTimeout(2000);
      byte[] body = in.readNBytes(n);
      if (!headText.startsWith("SIP/2.0")) {
        requestArrived(headText, new String(body, StandardCharsets.UTF_8));
        return null;
      }
      return RawResponse.parse(headText, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
