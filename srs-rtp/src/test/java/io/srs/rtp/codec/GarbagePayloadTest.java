package io.srs.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.NegotiatedFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Whatever arrives on the wire, a decoder answers with decoded bytes within its bound or with -1,
 * and never throws onto the event loop.
 */
class GarbagePayloadTest {

  private static final int MAX_PAYLOAD = 1500;

  private static final NegotiatedFormat[] FORMATS = {
    new NegotiatedFormat(0, Codec.PCMU, 8000, 8000, 1, null),
    new NegotiatedFormat(8, Codec.PCMA, 8000, 8000, 1, null),
    new NegotiatedFormat(9, Codec.G722, 8000, 16000, 1, null),
    new NegotiatedFormat(111, Codec.OPUS, 48000, 48000, 2, null),
    new NegotiatedFormat(96, Codec.L16, 8000, 8000, 1, null),
  };

  /** One decoder per format for the whole run: garbage also has to leave state usable. */
  private final PayloadDecoder[] decoders = new PayloadDecoder[FORMATS.length];

  private final byte[] out = new byte[16 * MAX_PAYLOAD];

  GarbagePayloadTest() {
    for (int i = 0; i < FORMATS.length; i++) {
      decoders[i] = PayloadDecoders.create(FORMATS[i], AudioEncoding.PCM16);
    }
  }

  @Property(tries = 2000)
  void anyPayloadDecodesWithinBoundsOrIsRefused(@ForAll @Size(max = MAX_PAYLOAD) byte[] payload) {
    for (PayloadDecoder decoder : decoders) {
      int written = decoder.decode(payload, 0, payload.length, out, 0);

      assertThat(written).isBetween(-1, decoder.maxOutputBytes(payload.length));
      assertThat(written == -1 || written % 2 == 0).as("whole PCM16 samples").isTrue();
    }
  }

  @Property(tries = 500)
  void garbageWithAnOpusTocOfTwentyMillisecondsNeverThrows(
      @ForAll @Size(min = 2, max = 400) byte[] payload) {
    // Force a plausible TOC (CELT or SILK, code 0) so the garbage reaches the range decoder.
    payload[0] = (byte) ((payload[0] & 0xF8) | 0b000);
    PayloadDecoder opus = decoders[3];

    int written = opus.decode(payload, 0, payload.length, out, 0);

    assertThat(written).isIn(-1, 2 * OpusPackets.samplesIn(payload, 0, payload.length));
  }
}
