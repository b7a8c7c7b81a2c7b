package io.srs.daemon.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Finds ports free on 127.0.0.1 so tests never collide with a running daemon or each other. */
final class FreePorts {
  private FreePorts() {}

  /** A port free for both UDP and TCP. */
  static int udpAndTcp() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, loopback)) {
          return port;
        } catch (IOException busy) {
          // UDP side taken; try another.
        }
      }
    }
    throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
  }

  /** The low end of a random even range of {@code size} ports inside 32768..59999. */
  static int evenRangeStart(int size) {
    int start = 32768 + ThreadLocalRandom.current().nextInt((60000 - 32768 - size) / 2) * 2;
    return start;
  }
}
