package io.srs.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class G722DecoderTest {

  /**
   * Input position k comes back at output position k + 22: the transmit and receive QMFs are 24-tap
   * linear-phase filters (11.5 samples each at 16 kHz), less the one sample by which an output pair
   * leads its input pair.
   */
  private static final int CODEC_DELAY_SAMPLES = 22;

  private static final int RATE = 16_000;

  @Test
  void decodesTheIndependentReferenceBitstreamBitExactly() {
    byte[] bitstream = Signals.resource("g722-sweep-noise.g722");
    byte[] expected = Signals.resource("g722-sweep-noise.decoded.s16le");
    byte[] out = new byte[4 * bitstream.length];

    int written = new G722Decoder().decode(bitstream, 0, bitstream.length, out, 0);

    assertThat(written).isEqualTo(expected.length);
    assertThat(Arrays.copyOf(out, written)).isEqualTo(expected);
  }

  @Test
  void encoderProducesTheIndependentReferenceBitstreamBitExactly() {
    byte[] input = Signals.resource("g722-sweep-noise.input.s16le");
    byte[] expected = Signals.resource("g722-sweep-noise.g722");
    short[] samples = Signals.fromLittleEndian(input, 0, input.length);
    byte[] out = new byte[samples.length / 2];

    int written = new G722Encoder().encode(samples, 0, samples.length, out, 0);

    assertThat(written).isEqualTo(expected.length);
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void aOneKilohertzSineSurvivesTheRoundTripAboveFortyDecibels() {
    short[] tone = Signals.sine(1000, RATE, 10_000, RATE); // one second
    byte[] coded = new byte[tone.length / 2];
    new G722Encoder().encode(tone, 0, tone.length, coded, 0);
    byte[] out = new byte[4 * coded.length];

    int written = new G722Decoder().decode(coded, 0, coded.length, out, 0);
    short[] decoded = Signals.fromLittleEndian(out, 0, written);

    // Skip 100 ms while the scale factors adapt from reset; measured: 47.2 dB.
    double snr = Signals.snrDb(tone, decoded, 1600, 12_000, CODEC_DELAY_SAMPLES);
    assertThat(snr).isGreaterThan(40.0);
  }

  @Test
  void aSixKilohertzSineSurvivesTheRoundTripThroughTheHigherBand() {
    short[] tone = Signals.sine(6000, RATE, 10_000, RATE);
    byte[] coded = encode(tone);
    byte[] out = new byte[4 * coded.length];

    int written = new G722Decoder().decode(coded, 0, coded.length, out, 0);
    short[] decoded = Signals.fromLittleEndian(out, 0, written);

    // The higher band has only 2 bits a sample; measured: 27.3 dB.
    double snr = Signals.snrDb(tone, decoded, 1600, 12_000, CODEC_DELAY_SAMPLES);
    assertThat(snr).isGreaterThan(20.0);
  }

  @Test
  void eachOctetIsTwoSamplesAtSixteenKilohertz() {
    G722Decoder decoder = new G722Decoder();
    byte[] payload = new byte[160]; // 20 ms: 160 RTP ticks of 8000 Hz
    byte[] out = new byte[decoder.maxOutputBytes(payload.length)];

    int written = decoder.decode(payload, 0, payload.length, out, 0);

    assertThat(decoder.samplesIn(160)).isEqualTo(320);
    assertThat(written).isEqualTo(640).isEqualTo(decoder.maxOutputBytes(160));
  }

  @Test
  void resetForgetsThePredictorAndScaleFactorState() {
    byte[] first = encode(Signals.sine(700, RATE, 12_000, 1600));
    byte[] second = encode(Signals.sine(2500, RATE, 6_000, 1600));
    G722Decoder used = new G722Decoder();
    byte[] scratch = new byte[4 * first.length];
    used.decode(first, 0, first.length, scratch, 0);

    used.reset();
    byte[] afterReset = new byte[4 * second.length];
    used.decode(second, 0, second.length, afterReset, 0);
    byte[] fresh = new byte[4 * second.length];
    new G722Decoder().decode(second, 0, second.length, fresh, 0);

    assertThat(afterReset).isEqualTo(fresh);
  }

  @Test
  void withoutResetTheStateCarriesOver() {
    byte[] first = encode(Signals.sine(700, RATE, 12_000, 1600));
    byte[] second = encode(Signals.sine(2500, RATE, 6_000, 1600));
    G722Decoder used = new G722Decoder();
    used.decode(first, 0, first.length, new byte[4 * first.length], 0);

    byte[] continued = new byte[4 * second.length];
    used.decode(second, 0, second.length, continued, 0);
    byte[] fresh = new byte[4 * second.length];
    new G722Decoder().decode(second, 0, second.length, fresh, 0);

    assertThat(continued).isNotEqualTo(fresh);
  }

  @Test
  void decodingAllocatesNothingPerCall() {
    G722Decoder decoder = new G722Decoder();
    byte[] payload = encode(Signals.sine(1000, RATE, 8_000, 320));
    byte[] out = new byte[decoder.maxOutputBytes(payload.length)];
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

    // 20,000 calls: anything per call would be hundreds of KiB; allow a little one-off noise.
    assertThat(allocated).isLessThan(16 * 1024);
  }

  private static byte[] encode(short[] samples) {
    byte[] coded = new byte[samples.length / 2];
    new G722Encoder().encode(samples, 0, samples.length, coded, 0);
    return coded;
  }
}
