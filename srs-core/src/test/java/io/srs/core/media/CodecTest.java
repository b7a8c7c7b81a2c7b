package io.srs.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecTest {

  @Test
  void staticPcmuAndPcmaAreFound() {
    assertThat(Codec.of(StaticPayloadTypes.lookup(0))).contains(Codec.PCMU);
    assertThat(Codec.of(StaticPayloadTypes.lookup(8))).contains(Codec.PCMA);
  }

  @Test
  void encodingNameIsMatchedCaseInsensitively() {
    assertThat(Codec.of(new OfferedFormat(100, "pcma", 8000, 1, null))).contains(Codec.PCMA);
  }

  @Test
  void aDifferentClockRateIsNotTheSameCodec() {
    assertThat(Codec.of(new OfferedFormat(100, "PCMU", 16000, 1, null))).isEmpty();
  }

  @Test
  void stereoG711IsNotRecorded() {
    assertThat(Codec.of(new OfferedFormat(100, "PCMU", 8000, 2, null))).isEmpty();
  }

  @Test
  void unknownAndUnmappedFormatsAreNotCodecs() {
    assertThat(Codec.of(StaticPayloadTypes.lookup(18))).isEmpty();
    assertThat(Codec.of(StaticPayloadTypes.lookup(96))).isEmpty();
  }

  @Test
  void g711IsStoredNativelyAt8kHz() {
    assertThat(Codec.PCMU.storedEncoding()).isEqualTo(AudioEncoding.MULAW);
    assertThat(Codec.PCMA.storedEncoding()).isEqualTo(AudioEncoding.ALAW);
    assertThat(Codec.PCMU.sampleRate()).isEqualTo(8000);
    assertThat(AudioEncoding.MULAW.wavFormatTag()).isEqualTo(0x0007);
    assertThat(AudioEncoding.ALAW.silenceByte()).isEqualTo((byte) 0xD5);
  }
}
