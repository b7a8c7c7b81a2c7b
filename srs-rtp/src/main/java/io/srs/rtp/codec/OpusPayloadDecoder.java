package io.srs.rtp.codec;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Opus (RFC 6716, RTP payload RFC 7587) to 48 kHz mono PCM16, by Concentus, a pure-Java port of
 * libopus. Any fmtp is accepted: every Opus decoder decodes every packet whatever the sender's
 * parameters (RFC 7587 §6.1 parameters only advise the sender). A stereo stream is downmixed by the
 * decoder itself, as libopus does for a mono output: the CELT layer averages the two channels, the
 * SILK layer keeps the mid channel (L+R)/2.
 *
 * <p>One instance per stream; the decoder's state (and a 120 ms scratch buffer) is made once here.
 */
public final class OpusPayloadDecoder implements PayloadDecoder {

  /** Stored output is mono: one decoder channel. */
  private static final int OUTPUT_CHANNELS = 1;

  /** RFC 6716 §4.4: concealment runs in whole 2.5 ms steps. */
  private static final int CONCEAL_STEP_SAMPLES = 120;

  private final OpusDecoder decoder;
  private final short[] pcm = new short[OpusPackets.MAX_PACKET_SAMPLES];

  public OpusPayloadDecoder() {
    try {
      decoder = new OpusDecoder(OpusPackets.SAMPLE_RATE, OUTPUT_CHANNELS);
    } catch (OpusException e) {
      // 48000 Hz mono is always a valid configuration; this cannot happen.
      throw new IllegalStateException("Concentus refused 48 kHz mono: " + e.getMessage(), e);
    }
  }

  @Override
  public int maxOutputBytes(int payloadLength) {
    return 2 * OpusPackets.MAX_PACKET_SAMPLES;
  }

  @Override
  public int decode(byte[] payload, int offset, int length, byte[] out, int outOffset) {
    if (OpusPackets.samplesIn(payload, offset, length) < 0) {
      return -1;
    }
    return run(payload, offset, length, OpusPackets.MAX_PACKET_SAMPLES, out, outOffset);
  }

  /** Only decoding tells: a packet's duration is in its TOC byte, see {@link OpusPackets}. */
  @Override
  public int samplesIn(int payloadLength) {
    return -1;
  }

  /**
   * Packet loss concealment (RFC 6716 §4.4): extrapolates {@code samples} samples (rounded down to
   * 2.5 ms, at most 120 ms) from the decoder's state.
   */
  @Override
  public int conceal(int samples, byte[] out, int outOffset) {
    int steps = Math.min(samples, OpusPackets.MAX_PACKET_SAMPLES) / CONCEAL_STEP_SAMPLES;
    if (steps <= 0) {
      return -1;
    }
    return run(null, 0, 0, steps * CONCEAL_STEP_SAMPLES, out, outOffset);
  }

  @Override
  public void reset() {
    decoder.resetState();
  }

  private int run(byte[] payload, int offset, int length, int maxSamples, byte[] out, int o) {
    int samples;
    try {
      samples = decoder.decode(payload, offset, length, pcm, 0, maxSamples, false);
    } catch (OpusException | RuntimeException | AssertionError e) {
      // A corrupt packet must never reach the event loop as an exception; Concentus reports some
      // malformed packets as OpusException and trips over others. Its state is suspect: restart.
      // AssertionError too: Concentus checks its arithmetic with Java assertions (Inlines
      // .OpusAssert), which garbage can violate when the JVM runs with -ea (as tests do).
      decoder.resetState();
      return -1;
    }
    if (samples <= 0) {
      return -1;
    }
    for (int i = 0; i < samples; i++) {
      out[o + 2 * i] = (byte) pcm[i];
      out[o + 2 * i + 1] = (byte) (pcm[i] >> 8);
    }
    return 2 * samples;
  }
}
