package io.srs.rtp.codec;

/**
 * Reads an Opus packet's duration from its TOC byte without decoding (RFC 6716 §3.1-§3.2), so a
 * caller can size or place a payload before handing it to the decoder.
 *
 * <pre>
 *   TOC:  7 6 5 4 3 | 2 | 1 0
 *          config   | s |  c     (c: frames code; code 3 has a frame-count byte, M in bits 5-0)
 * </pre>
 */
public final class OpusPackets {
  private OpusPackets() {}

  /** The output rate every duration here is counted in (RFC 7587 §4.1: the RTP clock). */
  public static final int SAMPLE_RATE = 48_000;

  /** RFC 6716 §3.2.5: a packet lasts at most 120 ms, 5760 samples at 48 kHz. */
  public static final int MAX_PACKET_SAMPLES = 5760;

  private static final int CONFIG_SHIFT = 3;
  private static final int CODE_MASK = 0b11;
  private static final int FRAME_COUNT_MASK = 0b0011_1111;

  /** SILK-only frame sizes: 10, 20, 40, 60 ms. */
  private static final int[] SILK_FRAME_SAMPLES = {480, 960, 1920, 2880};

  /**
   * Frame size per configuration (Table 2 of RFC 6716 §3.1), in 48 kHz samples: SILK-only 10, 20,
   * 40, 60 ms (configs 0-11), Hybrid 10, 20 ms (12-15), CELT-only 2.5, 5, 10, 20 ms (16-31).
   */
  private static int frameSamples(int config) {
    if (config < 12) {
      return SILK_FRAME_SAMPLES[config & 3];
    }
    if (config < 16) {
      return (config & 1) == 0 ? 480 : 960;
    }
    return 120 << (config & 3);
  }

  /**
   * The samples per channel at 48 kHz the packet decodes to, or -1 when the packet is malformed as
   * far as the TOC tells (empty, code 3 without its count byte, zero frames, over 120 ms).
   */
  public static int samplesIn(byte[] payload, int offset, int length) {
    if (length < 1) {
      return -1;
    }
    int toc = payload[offset] & 0xFF;
    int perFrame = frameSamples(toc >>> CONFIG_SHIFT);
    int frames =
        switch (toc & CODE_MASK) {
          case 0 -> 1;
          case 1, 2 -> 2;
          default -> length < 2 ? 0 : payload[offset + 1] & FRAME_COUNT_MASK;
        };
    int total = frames * perFrame;
    return frames == 0 || total > MAX_PACKET_SAMPLES ? -1 : total;
  }
}
