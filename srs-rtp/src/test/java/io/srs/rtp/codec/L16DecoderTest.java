package io.srs.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class L16DecoderTest {

  @Test
  void networkByteOrderBecomesLittleEndian() {
    // RFC 3551 §4.5.11: 0x1234 then -2 (0xFFFE), most significant byte first.
    byte[] payload = {0x12, 0x34, (byte) 0xFF, (byte) 0xFE};
    byte[] out = new byte[4];

    int written = new L16Decoder().decode(payload, 0, payload.length, out, 0);

    assertThat(written).isEqualTo(4);
    assertThat(out).containsExactly(0x34, 0x12, (byte) 0xFE, (byte) 0xFF);
    assertThat(Signals.fromLittleEndian(out, 0, 4)).containsExactly((short) 0x1234, (short) -2);
  }

  @Test
  void aTrailingOddByteIsNotASample() {
    byte[] payload = {0x01, 0x02, 0x03};
    byte[] out = new byte[3];

    assertThat(new L16Decoder().decode(payload, 0, payload.length, out, 0)).isEqualTo(2);
    assertThat(new L16Decoder().samplesIn(3)).isEqualTo(1);
  }

  @Test
  void offsetsAreHonoured() {
    byte[] payload = {9, 9, 0x7F, (byte) 0xFF};
    byte[] out = new byte[5];

    new L16Decoder().decode(payload, 2, 2, out, 3);

    assertThat(out).containsExactly(0, 0, 0, (byte) 0xFF, 0x7F);
  }

  @Test
  void decodingAllocatesNothingPerCall() {
    L16Decoder decoder = new L16Decoder();
    byte[] payload = new byte[320];
    byte[] out = new byte[320];
    for (int i = 0; i < 20_000; i++) {
      decoder.decode(payload, 0, payload.length, out, 0);
    }

    long allocated =
        Signals.allocatedBy(
            () -> {
              for (int i = 0; i < 20_000; i++) {
                decoder.decode(payload, 0, payload.length, out, 0);
              }
            });

    assertThat(allocated).isLessThan(16 * 1024);
  }
}
