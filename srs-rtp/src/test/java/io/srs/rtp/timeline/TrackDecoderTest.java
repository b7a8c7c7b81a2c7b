package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.NegotiatedFormat;
import io.srs.core.media.OfferedFormat;
import io.srs.rtp.codec.PayloadDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stateful codecs restart clean after a switch, a new segment or a loss, and only then. */
class TrackDecoderTest {
  private static final int PCMU = 0;
  private static final int PCMA = 1;

  /** Expands each payload byte to one PCM16 sample; counts resets; a payload of 0xEE fails. */
  private static final class CountingDecoder implements PayloadDecoder {
    int resets;

    @Override
    public int maxOutputBytes(int payloadLength) {
      return 2 * payloadLength;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, byte[] out, int outOffset) {
      if (length > 0 && payload[offset] == (byte) 0xEE) {
        return -1;
      }
      for (int i = 0; i < length; i++) {
        out[outOffset + 2 * i] = 0;
        out[outOffset + 2 * i + 1] = payload[offset + i];
      }
      return 2 * length;
    }

    @Override
    public int samplesIn(int payloadLength) {
      return payloadLength;
    }

    @Override
    public void reset() {
      resets++;
    }
  }

  private final CountingDecoder mulaw = new CountingDecoder();
  private final CountingDecoder alaw = new CountingDecoder();
  private final TrackDecoder decoder =
      new TrackDecoder(
          new TrackFormats(
              List.of(format(Codec.PCMU, 0), format(Codec.PCMA, 8)),
              List.of(mulaw, alaw),
              -1,
              -1,
              AudioEncoding.PCM16,
              8000),
          160);

  private static NegotiatedFormat format(Codec codec, int payloadType) {
    return NegotiatedFormat.of(
        codec, new OfferedFormat(payloadType, codec.encodingName(), 8000, 1, null));
  }

  private int decode(int kind, boolean lossBefore) {
    return decoder.decode(kind, new byte[] {1, 2, 3, 4}, 4, lossBefore);
  }

  @Test
  void consecutivePayloadsOfOneFormatKeepTheCodecState() {
    decode(PCMU, false);
    decode(PCMU, false);
    decode(PCMU, false);

    assertThat(mulaw.resets).isEqualTo(1); // the first payload of the stream only
  }

  @Test
  void aPayloadTypeSwitchResetsTheNewFormatsCodec() {
    decode(PCMU, false);
    decode(PCMA, false);
    decode(PCMA, false);
    decode(PCMU, false);

    assertThat(alaw.resets).isEqualTo(1);
    assertThat(mulaw.resets).isEqualTo(2);
  }

  @Test
  void aNewSegmentResetsTheCodec() {
    decode(PCMU, false);
    decoder.discontinuity();
    decode(PCMU, false);

    assertThat(mulaw.resets).isEqualTo(2);
  }

  @Test
  void aLossResetsTheCodec() {
    decode(PCMU, false);
    decode(PCMU, true);

    assertThat(mulaw.resets).isEqualTo(2);
  }

  @Test
  void theResultCountsStoredSamplesNotBytes() {
    assertThat(decode(PCMU, false)).isEqualTo(4);
    assertThat(decoder.decoded()).startsWith(0, 1, 0, 2, 0, 3, 0, 4);
  }

  @Test
  void anUndecodablePayloadIsMinusOne() {
    assertThat(decoder.decode(PCMU, new byte[] {(byte) 0xEE}, 1, false)).isEqualTo(-1);
  }
}
