package io.srs.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.G711;
import io.srs.core.media.NegotiatedFormat;
import org.junit.jupiter.api.Test;

class PayloadDecodersTest {

  private static final NegotiatedFormat PCMU =
      new NegotiatedFormat(0, Codec.PCMU, 8000, 8000, 1, null);
  private static final NegotiatedFormat PCMA =
      new NegotiatedFormat(8, Codec.PCMA, 8000, 8000, 1, null);
  private static final NegotiatedFormat G722 =
      new NegotiatedFormat(9, Codec.G722, 8000, 16000, 1, null);
  private static final NegotiatedFormat OPUS =
      new NegotiatedFormat(111, Codec.OPUS, 48000, 48000, 2, "minptime=10;useinbandfec=1");
  private static final NegotiatedFormat L16 =
      new NegotiatedFormat(96, Codec.L16, 16000, 16000, 1, null);

  @Test
  void supportsExactlyTheCodecsItCanDecode() {
    assertThat(PayloadDecoders.supportedCodecs())
        .containsExactlyInAnyOrder(Codec.PCMU, Codec.PCMA, Codec.G722, Codec.OPUS, Codec.L16);
  }

  @Test
  void everySupportedCodecHasADecoderToItsStoredEncoding() {
    for (NegotiatedFormat format : new NegotiatedFormat[] {PCMU, PCMA, G722, OPUS, L16}) {
      assertThat(PayloadDecoders.create(format, format.codec().storedEncoding())).isNotNull();
      assertThat(PayloadDecoders.create(format, AudioEncoding.PCM16)).isNotNull();
    }
  }

  @Test
  void eachCodecGetsItsOwnDecoder() {
    assertThat(PayloadDecoders.create(G722, AudioEncoding.PCM16)).isInstanceOf(G722Decoder.class);
    assertThat(PayloadDecoders.create(OPUS, AudioEncoding.PCM16))
        .isInstanceOf(OpusPayloadDecoder.class);
    assertThat(PayloadDecoders.create(L16, AudioEncoding.PCM16)).isInstanceOf(L16Decoder.class);
  }

  @Test
  void g711StoredNativelyIsTheWireBytes() {
    byte[] payload = {0x00, 0x7F, (byte) 0x80, (byte) 0xFF};
    byte[] out = new byte[4];

    int written = PayloadDecoders.create(PCMU, AudioEncoding.MULAW).decode(payload, 0, 4, out, 0);

    assertThat(written).isEqualTo(4);
    assertThat(out).isEqualTo(payload);
  }

  @Test
  void muLawExpansionToPcm16MatchesCoresTableForEveryCode() {
    assertExpansionMatchesCore(PCMU, true);
  }

  @Test
  void aLawExpansionToPcm16MatchesCoresTableForEveryCode() {
    assertExpansionMatchesCore(PCMA, false);
  }

  @Test
  void g711IsNeverTranscodedToTheOtherLaw() {
    assertThatThrownBy(() -> PayloadDecoders.create(PCMU, AudioEncoding.ALAW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PCMU/8000")
        .hasMessageContaining("ALAW");
  }

  @Test
  void decodedCodecsAreStoredOnlyAsPcm16() {
    assertThatThrownBy(() -> PayloadDecoders.create(G722, AudioEncoding.MULAW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("G722/8000");
  }

  @Test
  void stereoL16IsRefused() {
    NegotiatedFormat stereo = new NegotiatedFormat(97, Codec.L16, 44100, 44100, 2, null);

    assertThatThrownBy(() -> PayloadDecoders.create(stereo, AudioEncoding.PCM16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("L16/44100/2");
  }

  @Test
  void g711ExpansionAllocatesNothingPerCall() {
    PayloadDecoder decoder = PayloadDecoders.create(PCMA, AudioEncoding.PCM16);
    byte[] payload = new byte[160];
    byte[] out = new byte[decoder.maxOutputBytes(160)];
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

  private static void assertExpansionMatchesCore(NegotiatedFormat format, boolean mulaw) {
    byte[] every = new byte[256];
    for (int code = 0; code < 256; code++) {
      every[code] = (byte) code;
    }
    PayloadDecoder decoder = PayloadDecoders.create(format, AudioEncoding.PCM16);
    byte[] out = new byte[decoder.maxOutputBytes(256)];

    int written = decoder.decode(every, 0, 256, out, 0);

    assertThat(written).isEqualTo(512);
    assertThat(decoder.samplesIn(256)).isEqualTo(256);
    short[] samples = Signals.fromLittleEndian(out, 0, written);
    for (int code = 0; code < 256; code++) {
      short expected = mulaw ? G711.mulawToLinear((byte) code) : G711.alawToLinear((byte) code);
      assertThat(samples[code]).as("code 0x%02X", code).isEqualTo(expected);
    }
  }
}
