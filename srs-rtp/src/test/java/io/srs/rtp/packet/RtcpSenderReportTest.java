package io.srs.rtp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtcpSenderReportTest {

  /** RFC 3550 §6.4.1: a sender report without report blocks. */
  static byte[] senderReport(long ssrc, long ntpSeconds, long ntpFraction, long rtpTimestamp) {
    ByteBuf sr = Unpooled.buffer(28);
    sr.writeByte(0x80); // V=2, P=0, RC=0
    sr.writeByte(200); // PT=SR
    sr.writeShort(6); // length: 7 words - 1
    sr.writeInt((int) ssrc);
    sr.writeInt((int) ntpSeconds); // NTP timestamp, most significant word
    sr.writeInt((int) ntpFraction); // least significant word
    sr.writeInt((int) rtpTimestamp);
    sr.writeInt(1234); // sender's packet count
    sr.writeInt(197_480); // sender's octet count
    return bytes(sr);
  }

  /** An RTCP SDES packet (RFC 3550 §6.5) with one empty chunk: not a sender report. */
  static byte[] sdes(long ssrc) {
    ByteBuf sdes = Unpooled.buffer(12);
    sdes.writeByte(0x81); // V=2, SC=1
    sdes.writeByte(202); // PT=SDES
    sdes.writeShort(2); // 3 words - 1
    sdes.writeInt((int) ssrc);
    sdes.writeInt(0); // END item and padding
    return bytes(sdes);
  }

  private static byte[] bytes(ByteBuf buf) {
    byte[] out = new byte[buf.readableBytes()];
    buf.readBytes(out);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuf all = Unpooled.buffer();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return bytes(all);
  }

  @Test
  void senderReportFieldsAreRead() {
    byte[] packet = senderReport(0xCAFEBABEL, 0xE800_0000L, 0x8000_0000L, 0xFFFF_FF00L);

    RtcpSenderReport report = RtcpSenderReport.find(Unpooled.wrappedBuffer(packet));

    assertThat(report.ssrc()).isEqualTo(0xCAFEBABEL);
    assertThat(report.ntpSeconds()).isEqualTo(0xE800_0000L);
    assertThat(report.rtpTimestamp()).isEqualTo(0xFFFF_FF00L);
    assertThat(report.packetCount()).isEqualTo(1234);
    assertThat(report.octetCount()).isEqualTo(197_480);
    assertThat(report.ntpNanos()).isEqualTo(0xE800_0000L * 1_000_000_000L + 500_000_000L);
  }

  @Test
  void senderReportAfterAnotherPacketOfTheCompoundIsFound() {
    byte[] packet = concat(sdes(7), senderReport(7, 1, 0, 99));

    assertThat(RtcpSenderReport.find(Unpooled.wrappedBuffer(packet)).rtpTimestamp()).isEqualTo(99);
  }

  @Test
  void compoundWithoutSenderReportHasNone() {
    assertThat(RtcpSenderReport.find(Unpooled.wrappedBuffer(sdes(7)))).isNull();
  }

  @Test
  void lengthRunningPastTheDatagramIsMalformed() {
    byte[] packet = senderReport(7, 1, 0, 99);
    packet[3] = 40; // claims 41 words

    assertThat(RtcpSenderReport.find(Unpooled.wrappedBuffer(packet))).isNull();
  }

  @Test
  void truncatedSenderReportIsMalformed() {
    byte[] packet = java.util.Arrays.copyOf(senderReport(7, 1, 0, 99), 20);
    packet[3] = 4; // 5 words: too short for the sender info

    assertThat(RtcpSenderReport.find(Unpooled.wrappedBuffer(packet))).isNull();
  }

  @Test
  void wrongVersionIsMalformed() {
    byte[] packet = senderReport(7, 1, 0, 99);
    packet[0] = 0x40;

    assertThat(RtcpSenderReport.find(Unpooled.wrappedBuffer(packet))).isNull();
  }

  @Test
  void senderReportIsRecognisedAsRtcpOnAMuxedPort() {
    ByteBuf packet = Unpooled.wrappedBuffer(senderReport(7, 1, 0, 99));

    assertThat(RtpHeader.validate(packet)).isEqualTo(RtpStatus.RTCP_MUXED); // RFC 5761 §4
  }
}
