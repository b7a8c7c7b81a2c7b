package io.srs.rtp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpHeaderTest {

  /** A handcrafted RFC 3550 packet with two CSRCs, a one-word extension and 3 octets of padding. */
  private static final int[] FULL_PACKET = {
    0xB2, // V=2 (10), P=1, X=1, CC=2 (0010)
    0x80, // M=1, PT=0 (PCMU)
    0x12,
    0x34, // sequence number 0x1234 = 4660
    0xDE,
    0xAD,
    0xBE,
    0xEF, // timestamp 0xDEADBEEF (unsigned 3735928559)
    0x01,
    0x02,
    0x03,
    0x04, // SSRC 0x01020304
    0xAA,
    0xAA,
    0xAA,
    0xAA, // CSRC 1
    0xBB,
    0xBB,
    0xBB,
    0xBB, // CSRC 2
    0xBE,
    0xDE, // extension: defined by profile (RFC 8285 one-byte marker)
    0x00,
    0x01, // extension length: 1 word of 32 bits
    0x10,
    0xFF,
    0x00,
    0x00, // the extension word
    0x11,
    0x22,
    0x33,
    0x44, // payload: 4 bytes
    0x00,
    0x00,
    0x03 // padding: 3 octets, the last one counts them
  };

  private static ByteBuf packet(int... octets) {
    byte[] bytes = new byte[octets.length];
    for (int i = 0; i < octets.length; i++) {
      bytes[i] = (byte) octets[i];
    }
    return Unpooled.wrappedBuffer(bytes);
  }

  @Test
  void handcraftedPacketWithCsrcsExtensionAndPaddingIsValid() {
    ByteBuf buf = packet(FULL_PACKET);
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.VALID);
    assertThat(RtpHeader.version(buf)).isEqualTo(2);
    assertThat(RtpHeader.padding(buf)).isTrue();
    assertThat(RtpHeader.extension(buf)).isTrue();
    assertThat(RtpHeader.csrcCount(buf)).isEqualTo(2);
    assertThat(RtpHeader.marker(buf)).isTrue();
    assertThat(RtpHeader.payloadType(buf)).isZero();
    assertThat(RtpHeader.sequence(buf)).isEqualTo(0x1234);
    assertThat(RtpHeader.timestamp(buf)).isEqualTo(0xDEADBEEFL);
    assertThat(RtpHeader.ssrc(buf)).isEqualTo(0x01020304L);
    assertThat(RtpHeader.csrc(buf, 0)).isEqualTo(0xAAAAAAAAL);
    assertThat(RtpHeader.csrc(buf, 1)).isEqualTo(0xBBBBBBBBL);
    // 12 fixed + 8 CSRC + 4 extension header + 4 extension word = 28
    assertThat(RtpHeader.payloadIndex(buf)).isEqualTo(28);
    assertThat(RtpHeader.payloadLength(buf)).isEqualTo(4);
    assertThat(buf.getInt(RtpHeader.payloadIndex(buf))).isEqualTo(0x11223344);
  }

  @Test
  void accessorsAreRelativeToTheReaderIndex() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeBytes(new byte[] {9, 9, 9});
    buf.writeBytes(packet(FULL_PACKET));
    buf.readerIndex(3);
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.VALID);
    assertThat(RtpHeader.sequence(buf)).isEqualTo(0x1234);
    assertThat(RtpHeader.payloadIndex(buf)).isEqualTo(31);
    assertThat(RtpHeader.payloadLength(buf)).isEqualTo(4);
  }

  @Test
  void plainPacketHasPayloadAfterTwelveBytes() {
    ByteBuf buf =
        packet(
            0x80, // V=2, no P, no X, CC=0
            0x08, // M=0, PT=8 (PCMA)
            0xFF, 0xFF, // sequence 65535
            0x00, 0x00, 0x00, 0xA0, // timestamp 160
            0xFF, 0xFF, 0xFF, 0xFF, // SSRC 4294967295
            0xD5, 0xD5); // payload: 2 bytes
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.VALID);
    assertThat(RtpHeader.marker(buf)).isFalse();
    assertThat(RtpHeader.payloadType(buf)).isEqualTo(8);
    assertThat(RtpHeader.sequence(buf)).isEqualTo(65535);
    assertThat(RtpHeader.ssrc(buf)).isEqualTo(0xFFFFFFFFL);
    assertThat(RtpHeader.payloadIndex(buf)).isEqualTo(12);
    assertThat(RtpHeader.payloadLength(buf)).isEqualTo(2);
  }

  @Test
  void versionOneIsRejected() {
    ByteBuf buf = packet(0x40, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1); // V=1
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.BAD_VERSION);
  }

  @Test
  void packetShorterThanTheFixedHeaderIsTooShort() {
    ByteBuf buf = packet(0x80, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0); // 11 bytes
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.TOO_SHORT);
  }

  @Test
  void csrcListRunningPastTheEndIsTooShort() {
    ByteBuf buf = packet(0x82, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1); // CC=2, 1 CSRC
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.TOO_SHORT);
  }

  @Test
  void extensionLongerThanThePacketIsRejected() {
    ByteBuf buf =
        packet(0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x00, 0x02, 0, 0, 0, 0);
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.BAD_EXTENSION);
  }

  @Test
  void paddingCountOfZeroIsRejected() {
    ByteBuf buf = packet(0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0x11, 0x00);
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.BAD_PADDING);
  }

  @Test
  void paddingLongerThanTheRoomAfterTheHeaderIsRejected() {
    ByteBuf buf = packet(0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0x11, 0x03);
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.BAD_PADDING);
  }

  @Test
  void senderReportOnTheRtpPortIsRtcp() {
    // RFC 3550 §6.4.1 SR header: V=2, RC=0, PT=200 (second octet 200 = RTP M=1 PT=72).
    ByteBuf buf = packet(0x80, 200, 0x00, 0x06, 0, 0, 0, 1);
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.RTCP_MUXED);
  }

  @Test
  void markedPayloadType96IsNotMistakenForRtcp() {
    ByteBuf buf = packet(0x80, 0x80 | 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1); // second octet 224
    assertThat(RtpHeader.validate(buf)).isEqualTo(RtpStatus.VALID);
    assertThat(RtpHeader.payloadType(buf)).isEqualTo(96);
  }
}
