package io.srs.daemon.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic libpcap file (link type Ethernet) of IPv4/UDP datagrams, so SIPp's {@code
 * play_pcap_audio} can replay RTP we generate instead of binary captures kept in the repo.
 */
final class PcapWriter {
  private static final int PCAP_MAGIC = 0xa1b2c3d4;
  private static final int LINKTYPE_ETHERNET = 1;
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int IPPROTO_UDP = 17;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  PcapWriter() {
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(PCAP_MAGIC);
    header.putShort((short) 2); // version major
    header.putShort((short) 4); // version minor
    header.putInt(0); // thiszone
    header.putInt(0); // sigfigs
    header.putInt(65535); // snaplen
    header.putInt(LINKTYPE_ETHERNET);
    out.writeBytes(header.array());
  }

  /** Adds one UDP datagram from 127.0.0.1:srcPort to 127.0.0.1:dstPort at {@code micros}. */
  void udp(long micros, int srcPort, int dstPort, byte[] payload) {
    int udpLength = 8 + payload.length;
    int ipLength = 20 + udpLength;
    ByteBuffer frame = ByteBuffer.allocate(14 + ipLength).order(ByteOrder.BIG_ENDIAN);
    frame.put(new byte[6]); // destination MAC
    frame.put(new byte[6]); // source MAC
    frame.putShort((short) ETHERTYPE_IPV4);
    int ipStart = frame.position();
    frame.put((byte) 0x45); // version 4, IHL 5
    frame.put((byte) 0); // DSCP/ECN
    frame.putShort((short) ipLength);
    frame.putShort((short) 0); // identification
    frame.putShort((short) 0x4000); // don't fragment
    frame.put((byte) 64); // TTL
    frame.put((byte) IPPROTO_UDP);
    frame.putShort((short) 0); // checksum, filled below
    frame.put(new byte[] {127, 0, 0, 1});
    frame.put(new byte[] {127, 0, 0, 1});
    frame.putShort(ipStart + 10, ipChecksum(frame.array(), ipStart, 20));
    frame.putShort((short) srcPort);
    frame.putShort((short) dstPort);
    frame.putShort((short) udpLength);
    frame.putShort((short) 0); // UDP checksum optional over IPv4
    frame.put(payload);

    ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt((int) (micros / 1_000_000));
    record.putInt((int) (micros % 1_000_000));
    record.putInt(frame.capacity());
    record.putInt(frame.capacity());
    out.writeBytes(record.array());
    out.writeBytes(frame.array());
  }

  void writeTo(Path file) throws IOException {
    Files.write(file, out.toByteArray());
  }

  private static short ipChecksum(byte[] bytes, int offset, int length) {
    int sum = 0;
    for (int i = offset; i < offset + length; i += 2) {
      sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return (short) ~sum;
  }
}
