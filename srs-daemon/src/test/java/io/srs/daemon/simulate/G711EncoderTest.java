package io.srs.daemon.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.G711;
import org.junit.jupiter.api.Test;

class G711EncoderTest {

  /** Half the widest G.711 step (1024 mu-law, 1024 A-law in the top segment) plus rounding. */
  private static int quantisationBound(int sample) {
    int magnitude = Math.abs(sample);
    int step = 2;
    while (step < 1024 && magnitude >= step * 16) {
      step *= 2;
    }
    return step + 8;
  }

  @Test
  void everyMulawCodeSurvivesExpansionAndRecompression() {
    for (int code = 0; code < 256; code++) {
      if (code == 0x7F) {
        continue; // negative zero: re-encodes as positive zero (0xFF)
      }
      short linear = G711.mulawToLinear((byte) code);
      assertThat(G711Encoder.mulaw(linear) & 0xFF).as("code %02x", code).isEqualTo(code);
    }
  }

  @Test
  void everyAlawCodeSurvivesExpansionAndRecompression() {
    for (int code = 0; code < 256; code++) {
      short linear = G711.alawToLinear((byte) code);
      assertThat(G711Encoder.alaw(linear) & 0xFF).as("code %02x", code).isEqualTo(code);
    }
  }

  @Test
  void mulawRoundTripStaysWithinQuantisationError() {
    for (int sample = -32768; sample <= 32767; sample += 7) {
      short back = G711.mulawToLinear(G711Encoder.mulaw((short) sample));
      int expected = Math.max(-32124, Math.min(32124, sample));
      assertThat(Math.abs(back - expected))
          .as("sample %d came back as %d", sample, back)
          .isLessThanOrEqualTo(quantisationBound(expected));
    }
  }

  @Test
  void alawRoundTripStaysWithinQuantisationError() {
    for (int sample = -32768; sample <= 32767; sample += 7) {
      short back = G711.alawToLinear(G711Encoder.alaw((short) sample));
      int expected = Math.max(-32256, Math.min(32256, sample));
      assertThat(Math.abs(back - expected))
          .as("sample %d came back as %d", sample, back)
          .isLessThanOrEqualTo(quantisationBound(expected));
    }
  }

  @Test
  void silenceEncodesToTheCodecsZeroCodes() {
    assertThat(G711Encoder.mulaw((short) 0) & 0xFF).isEqualTo(0xFF);
    assertThat(G711Encoder.alaw((short) 0) & 0xFF).isEqualTo(0xD5);
  }
}
