package io.srs.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6716 §3.1 TOC byte: config (5 bits) | stereo (1) | frame-count code (2). */
class OpusPacketsTest {

  private static int samples(int... bytes) {
    byte[] packet = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      packet[i] = (byte) bytes[i];
    }
    return OpusPackets.samplesIn(packet, 0, packet.length);
  }

  @Test
  void silkTwentyMillisecondsOneFrameIs960Samples() {
    assertThat(samples(1 << 3 | 0b000, 0x55)).isEqualTo(960); // config 1, code 0
  }

  @Test
  void silkSixtyMillisecondsIs2880Samples() {
    assertThat(samples(3 << 3, 0x55)).isEqualTo(2880); // config 3
  }

  @Test
  void hybridTenMillisecondsIs480Samples() {
    assertThat(samples(12 << 3, 0x55)).isEqualTo(480); // config 12
  }

  @Test
  void celtTwoAndAHalfMillisecondsIs120Samples() {
    assertThat(samples(16 << 3, 0x55)).isEqualTo(120); // config 16
  }

  @Test
  void codesOneAndTwoCarryTwoFrames() {
    assertThat(samples(31 << 3 | 0b001, 0x55)).isEqualTo(1920); // 2 x 20 ms CELT, equal sizes
    assertThat(samples(31 << 3 | 0b110, 3, 0x55)).isEqualTo(1920); // stereo, 2 frames, sized
  }

  @Test
  void codeThreeCountsFramesInItsSecondByte() {
    assertThat(samples(31 << 3 | 0b011, 6)).isEqualTo(5760); // 6 x 20 ms = 120 ms
  }

  @Test
  void moreThan120MillisecondsIsMalformed() {
    assertThat(samples(31 << 3 | 0b011, 7)).isEqualTo(-1);
  }

  @Test
  void codeThreeWithoutItsCountByteOrWithZeroFramesIsMalformed() {
    assertThat(samples(31 << 3 | 0b011)).isEqualTo(-1);
    assertThat(samples(31 << 3 | 0b011, 0)).isEqualTo(-1);
  }

  @Test
  void anEmptyPacketIsMalformed() {
    assertThat(samples()).isEqualTo(-1);
  }
}
