package io.srs.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reference points of ITU-T G.711 Tables 1a/2a. */
class G711Test {

  @Test
  void mulawSilenceCodesDecodeToZero() {
    assertThat(G711.mulawToLinear((byte) 0xFF)).isEqualTo((short) 0); // positive zero
    assertThat(G711.mulawToLinear((byte) 0x7F)).isEqualTo((short) 0); // negative zero
  }

  @Test
  void mulawExtremesDecodeToFullScale() {
    assertThat(G711.mulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
    assertThat(G711.mulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
  }

  @Test
  void alawSilenceCodeDecodesToTheSmallestStep() {
    assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
    assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
  }

  @Test
  void alawExtremesDecodeToFullScale() {
    assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
    assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
  }

  @Test
  void expandWritesLittleEndianPcm16() {
    byte[] out = new byte[4];

    G711.expand(AudioEncoding.MULAW, new byte[] {(byte) 0x80, (byte) 0xFF}, 0, 2, out, 0);

    assertThat(out).containsExactly((byte) 0x7C, (byte) 0x7D, 0, 0); // 32124 = 0x7D7C
  }
}
