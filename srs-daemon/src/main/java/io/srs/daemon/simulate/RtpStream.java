package io.srs.daemon.simulate;

import io.srs.rtp.srtp.SrtpProtector;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One outgoing RTP stream (RFC 3550 §5.1): its own socket (whose port the offer names), one reused
 * packet buffer, sequence and timestamp counters, and with SRTP the protector that encrypts each
 * packet in place (RFC 3711 §3.3). Driven by one scheduler thread at a time.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * </pre>
 */
final class RtpStream implements AutoCloseable {
  static final int HEADER_BYTES = 12;

  /** Room after the payload for the longest SRTP trailer: a 4-byte MKI and a 16-byte GCM tag. */
  static final int MAX_SRTP_TRAILER_BYTES = 20;

  /** Byte 0: V=2, P=0, X=0, CC=0. */
  private static final byte B0_VERSION_2 = (byte) 0b1000_0000;

  /** Byte 1 bit 7: the marker, set on the first packet of a talkspurt (RFC 3551 §4.1). */
  private static final int B1_MARKER = 0b1000_0000;

  private final DatagramSocket socket;
  private final EncodedAudio audio;
  private final byte[] buffer =
      new byte[HEADER_BYTES + SimCodec.PAYLOAD_BYTES + MAX_SRTP_TRAILER_BYTES];
  private final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
  private final SdesOffer sdes;
  private final SrtpProtector protector;
  private final int payloadType;
  private int sequence;
  private long timestamp;
  private long audioPacket;
  private boolean talkspurtStart = true;
  private boolean targetSet;

  RtpStream(
      InetSocketAddress bind,
      EncodedAudio audio,
      SimCodec codec,
      int ssrc,
      int firstSeq,
      long firstTimestamp,
      SdesOffer sdes)
      throws IOException {
    this.sdes = sdes;
    this.protector = sdes == null ? null : new SrtpProtector(sdes.keys());
    if (protector != null && protector.rtpTrailerBytes() > MAX_SRTP_TRAILER_BYTES) {
      throw new IllegalArgumentException(sdes + " needs more trailer room than a packet has");
    }
    this.socket = new DatagramSocket(bind);
    this.audio = audio;
    this.payloadType = codec.payloadType();
    this.sequence = firstSeq & 0xFFFF;
    this.timestamp = firstTimestamp & 0xFFFFFFFFL;
    buffer[0] = B0_VERSION_2;
    buffer[8] = (byte) (ssrc >>> 24);
    buffer[9] = (byte) (ssrc >>> 16);
    buffer[10] = (byte) (ssrc >>> 8);
    buffer[11] = (byte) ssrc;
  }

  /** The SDES offer this stream protects with; null for plain RTP. */
  SdesOffer sdes() {
    return sdes;
  }

  int localPort() {
    return socket.getLocalPort();
  }

  void target(SocketAddress target) {
    packet.setSocketAddress(target);
    targetSet = true;
  }

  boolean hasTarget() {
    return targetSet;
  }

  /** Sends the next 20 ms. */
  void sendNext() throws IOException {
    buffer[1] = (byte) ((talkspurtStart ? B1_MARKER : 0) | payloadType);
    buffer[2] = (byte) (sequence >>> 8);
    buffer[3] = (byte) sequence;
    buffer[4] = (byte) (timestamp >>> 24);
    buffer[5] = (byte) (timestamp >>> 16);
    buffer[6] = (byte) (timestamp >>> 8);
    buffer[7] = (byte) timestamp;
    audio.copyPacket(audioPacket++, buffer, HEADER_BYTES);
    int length = HEADER_BYTES + SimCodec.PAYLOAD_BYTES;
    if (protector != null) {
      length = protector.protectRtp(buffer, 0, length);
    }
    packet.setLength(length);
    socket.send(packet);
    talkspurtStart = false;
    sequence = (sequence + 1) & 0xFFFF;
    timestamp = (timestamp + SimCodec.TIMESTAMP_STEP) & 0xFFFFFFFFL;
  }

  /**
   * A 20 ms tick while paused: the media clock runs on (RFC 3550 §5.1, timestamps follow sampling
   * instants), no packet goes out, the next one starts a talkspurt.
   */
  void skip() {
    timestamp = (timestamp + SimCodec.TIMESTAMP_STEP) & 0xFFFFFFFFL;
    audioPacket++;
    talkspurtStart = true;
  }

  @Override
  public void close() {
    socket.close();
  }
}
