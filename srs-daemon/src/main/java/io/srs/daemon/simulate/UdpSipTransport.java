package io.srs.daemon.simulate;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** SIP over UDP (RFC 3261 §18.1.1): one datagram per message, a socket per call. */
final class UdpSipTransport implements SipTransport {
  private final DatagramSocket socket;
  private final InetSocketAddress target;
  private final byte[] buffer = new byte[MAX_MESSAGE_BYTES];

  UdpSipTransport(InetSocketAddress bind, InetSocketAddress target) throws IOException {
    this.socket = new DatagramSocket(bind);
    this.socket.connect(target); // only the recorder's datagrams are read
    this.target = target;
  }

  @Override
  public String viaName() {
    return "UDP";
  }

  @Override
  public boolean reliable() {
    return false;
  }

  @Override
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  @Override
  public void send(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_MESSAGE_BYTES) {
      throw new IOException("SIP message of " + bytes.length + " bytes is over the UDP limit");
    }
    socket.send(new DatagramPacket(bytes, bytes.length, target));
  }

  @Override
  public String receive(Duration timeout) throws IOException {
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    return new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    socket.close();
  }
}
