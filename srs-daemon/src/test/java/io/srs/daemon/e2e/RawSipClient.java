package io.srs.daemon.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SIPREC SRC over UDP for in-JVM end-to-end tests: one INVITE dialog, written as raw text
 * so the test sees exactly what goes on the wire.
 */
final class RawSipClient implements AutoCloseable {
  private static final String BOUNDARY = "srs-test-boundary";

  private final DatagramSocket socket;
  private final InetSocketAddress server;
  private final String callId = UUID.randomUUID() + "@127.0.0.1";
  private final String fromTag = Long.toHexString(System.nanoTime());
  private String toHeader;

  RawSipClient(int serverPort) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    this.socket = new DatagramSocket(0, loopback);
    this.socket.setSoTimeout(5000);
    this.server = new InetSocketAddress(loopback, serverPort);
  }

  /** A SIP response as received. */
  record Response(int status, String text) {
    String header(String name) {
      Matcher matcher =
          Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(text);
      return matcher.find() ? matcher.group(1) : null;
    }

    /** The port of every m= line of the SDP body, in order. */
    List<Integer> mediaPorts() {
      List<Integer> ports = new ArrayList<>();
      Matcher matcher = Pattern.compile("(?m)^m=\\w+ (\\d+) ").matcher(text);
      while (matcher.find()) {
        ports.add(Integer.parseInt(matcher.group(1)));
      }
      return ports;
    }
  }

  /** A SIP request the recorder sent us (its BYE), as received. */
  record Request(String method, String text) {
    String header(String name) {
      return new Response(0, text).header(name);
    }

    /** The answer a UAC's peer sends (RFC 3261 §8.2.6.2): Via, From, To, Call-ID, CSeq copied. */
    String response(int status, String reason) {
      StringBuilder answer = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
      for (String name : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
        answer.append(name).append(": ").append(header(name)).append("\r\n");
      }
      return answer.append("Content-Length: 0\r\n\r\n").toString();
    }
  }

  private int cseq = 1;
  private int sdpVersion = 1;
  private String[] formats = {"0", "0"};
  private String[] rtpmaps = {"a=rtpmap:0 PCMU/8000", "a=rtpmap:0 PCMU/8000"};

  /**
   * Offers other payload formats on the two m-lines, e.g. {@code offering(0, "9", "a=rtpmap:9
   * G722/8000")}.
   */
  RawSipClient offering(int mline, String payloadTypes, String attributeLines) {
    formats[mline] = payloadTypes;
    rtpmaps[mline] = attributeLines;
    return this;
  }

  private String sdp(String direction) {
    return "v=0\r\n"
        + "o=src 1 "
        + sdpVersion++
        + " IN IP4 127.0.0.1\r\n"
        + "s=-\r\n"
        + "c=IN IP4 127.0.0.1\r\n"
        + "t=0 0\r\n"
        + "m=audio 40000 RTP/AVP "
        + formats[0]
        + "\r\n"
        + rtpmaps[0]
        + "\r\n"
        + "a=label:1\r\n"
        + "a="
        + direction
        + "\r\n"
        + "m=audio 40002 RTP/AVP "
        + formats[1]
        + "\r\n"
        + rtpmaps[1]
        + "\r\n"
        + "a=label:2\r\n"
        + "a="
        + direction
        + "\r\n";
  }

  private static String multipart(String sdp, String metadataXml) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Type: application/sdp\r\n\r\n"
        + sdp
        + "\r\n--"
        + BOUNDARY
        + "\r\nContent-Type: application/rs-metadata+xml\r\n"
        + "Content-Disposition: recording-session\r\n\r\n"
        + metadataXml
        + "\r\n--"
        + BOUNDARY
        + "--\r\n";
  }

  /**
   * Sends a re-INVITE in the dialog with both streams in {@code direction} and, when not null, new
   * metadata; acknowledges the 200 and returns it.
   */
  Response reInvite(String direction, String metadataXml) throws IOException {
    int number = ++cseq;
    String body = metadataXml == null ? sdp(direction) : multipart(sdp(direction), metadataXml);
    String type = metadataXml == null ? "application/sdp" : "multipart/mixed;boundary=" + BOUNDARY;
    send(
        request("INVITE", number, null)
            + "Contact: <sip:src@127.0.0.1:"
            + socket.getLocalPort()
            + ">;+sip.src\r\n"
            + "Content-Type: "
            + type
            + "\r\n"
            + "Content-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + body);
    Response response;
    do {
      response = receive();
    } while (response.status() < 200);
    send(request("ACK", number, null) + "Content-Length: 0\r\n\r\n");
    return response;
  }

  /** Sends a two-stream SIPREC INVITE and returns the final response. */
  Response invite(String metadataXml) throws IOException {
    return invite(metadataXml, "");
  }

  /**
   * Sends a two-stream SIPREC INVITE with extra header lines ({@code "X-A: 1\r\n"}) and returns the
   * final response.
   */
  Response invite(String metadataXml, String extraHeaders) throws IOException {
    String body = multipart(sdp("sendonly"), metadataXml);
    send(
        request("INVITE", 1, "<sip:srs@127.0.0.1:" + server.getPort() + ">")
            + "Contact: <sip:src@127.0.0.1:"
            + socket.getLocalPort()
            + ">;+sip.src\r\n"
            + "Require: siprec\r\n"
            + extraHeaders
            + "Content-Type: multipart/mixed;boundary="
            + BOUNDARY
            + "\r\n"
            + "Content-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + body);
    Response response;
    do {
      response = receive();
    } while (response.status() < 200);
    toHeader = "To: " + response.header("To") + "\r\n";
    return response;
  }

  String callId() {
    return callId;
  }

  /** Sends OPTIONS outside any dialog (how an SBC probes) and returns the final response. */
  Response options() throws IOException {
    send(
        request("OPTIONS", ++cseq, "<sip:srs@127.0.0.1:" + server.getPort() + ">")
            + "Accept: application/sdp\r\n"
            + "Content-Length: 0\r\n\r\n");
    Response response;
    do {
      response = receive();
    } while (response.status() < 200 || !response.text().contains("OPTIONS"));
    return response;
  }

  void ack() throws IOException {
    send(request("ACK", 1, null) + "Content-Length: 0\r\n\r\n");
  }

  Response bye() throws IOException {
    send(request("BYE", ++cseq, null) + "Content-Length: 0\r\n\r\n");
    Response response;
    do {
      response = receive();
    } while (response.status() < 200 || !response.text().contains("BYE"));
    return response;
  }

  /**
   * Waits for the recorder to send a request of {@code method} (responses arriving meanwhile are
   * dropped) and returns it.
   */
  Request awaitRequest(String method, Duration within) throws IOException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      String text = receiveText(Duration.ofNanos(deadline - System.nanoTime()));
      if (text != null && text.startsWith(method + " ")) {
        return new Request(method, text);
      }
    }
    throw new AssertionError("no " + method + " from the recorder within " + within);
  }

  /** Answers a request the recorder sent. */
  void respond(Request request, int status, String reason) throws IOException {
    send(request.response(status, reason));
  }

  /** Everything the recorder sends within {@code window}: to show that nothing (more) comes. */
  List<String> drain(Duration window) throws IOException {
    List<String> received = new ArrayList<>();
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      String text = receiveText(Duration.ofNanos(deadline - System.nanoTime()));
      if (text != null) {
        received.add(text);
      }
    }
    return received;
  }

  /** The next datagram as text, or null when none arrives within {@code timeout}. */
  private String receiveText(Duration timeout) throws IOException {
    byte[] buffer = new byte[65535];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    try {
      socket.receive(packet);
      return new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return null;
    } finally {
      socket.setSoTimeout(5000);
    }
  }

  private String request(String method, int cseq, String to) {
    return method
        + " sip:srs@127.0.0.1:"
        + server.getPort()
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + socket.getLocalPort()
        + ";rport;branch=z9hG4bK"
        + Long.toHexString(System.nanoTime())
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:src@127.0.0.1>;tag="
        + fromTag
        + "\r\n"
        + (to != null ? "To: " + to + "\r\n" : toHeader)
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq
        + " "
        + method
        + "\r\n";
  }

  private void send(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(bytes, bytes.length, server));
  }

  private Response receive() throws IOException {
    byte[] buffer = new byte[65535];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no SIP response within 5 s", e);
    }
    String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
    Matcher status = Pattern.compile("^SIP/2\\.0 (\\d{3}) ").matcher(text);
    if (!status.find()) {
      throw new AssertionError("not a SIP response:\n" + text);
    }
    return new Response(Integer.parseInt(status.group(1)), text);
  }

  @Override
  public void close() {
    socket.close();
  }
}
