package io.srs.storage.stereo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.AudioEncoding;
import io.srs.storage.wav.WavHeader;
import io.srs.storage.wav.WavTrackWriter;
import io.srs.storage.wav.WrittenTrack;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample-exact interleaving: frame i of stereo.wav is (left sample i, right sample i). */
class StereoMixerTest {
  private static final int STAGING = 1024;

  @TempDir Path dir;

  private StereoMixer.Source track(String name, AudioEncoding encoding, int rate, byte[] samples)
      throws IOException {
    WavHeader header = WavHeader.of(encoding, rate, 1);
    WavTrackWriter writer = WavTrackWriter.create(dir.resolve(name), header, STAGING);
    writer.write(samples, 0, samples.length);
    WrittenTrack written = writer.finish();
    return new StereoMixer.Source(written.file(), header, written.samples());
  }

  private static byte[] pcm16(short... samples) {
    ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : samples) {
      buffer.putShort(s);
    }
    return buffer.array();
  }

  /** The stereo file's samples, channel after channel within each frame. */
  private static short[] samplesOf(Path stereo) throws IOException {
    ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(stereo)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(wav.getShort(22)).as("nChannels").isEqualTo((short) 2);
    int dataBytes = wav.getInt(40);
    short[] samples = new short[dataBytes / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = wav.getShort(44 + 2 * i);
    }
    return samples;
  }

  @Test
  void muLawAndALawAreExpandedByTheG711TablesAndInterleaved() throws Exception {
    // mu-law (G.711 Table 2a): 0x00 -32124, 0x80 +32124, 0xFF 0, 0x8F +16764
    StereoMixer.Source left =
        track(
            "l.wav",
            AudioEncoding.MULAW,
            8000,
            new byte[] {0x00, (byte) 0x80, (byte) 0xFF, (byte) 0x8F});
    // A-law (G.711 Table 1a): 0xD5 +8, 0x55 -8, 0xAA +32256, 0x2A -32256
    StereoMixer.Source right =
        track("r.wav", AudioEncoding.ALAW, 8000, new byte[] {(byte) 0xD5, 0x55, (byte) 0xAA, 0x2A});

    WrittenTrack written = new StereoMixer(STAGING).mix(left, right, dir.resolve("stereo.wav"));

    assertThat(written.samples()).isEqualTo(4);
    assertThat(samplesOf(dir.resolve("stereo.wav")))
        .containsExactly(-32124, 8, 32124, -8, 0, 32256, 16764, -32256);
  }

  @Test
  void pcm16TracksAreCopiedSampleForSample() throws Exception {
    StereoMixer.Source left =
        track("l.wav", AudioEncoding.PCM16, 16000, pcm16((short) 1, (short) -2, Short.MAX_VALUE));
    StereoMixer.Source right =
        track("r.wav", AudioEncoding.PCM16, 16000, pcm16((short) 300, Short.MIN_VALUE, (short) 0));

    new StereoMixer(STAGING).mix(left, right, dir.resolve("stereo.wav"));

    ByteBuffer wav =
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("stereo.wav")))
            .order(ByteOrder.LITTLE_ENDIAN);
    assertThat(wav.getInt(24)).as("nSamplesPerSec").isEqualTo(16000);
    assertThat(samplesOf(dir.resolve("stereo.wav")))
        .containsExactly(1, 300, -2, Short.MIN_VALUE, Short.MAX_VALUE, 0);
  }

  @Test
  void interleavingStaysExactAcrossChunkBoundaries() throws Exception {
    int n = StereoMixer.CHUNK_FRAMES * 2 + 37;
    short[] l = new short[n];
    short[] r = new short[n];
    for (int i = 0; i < n; i++) {
      l[i] = (short) i;
      r[i] = (short) -i;
    }
    StereoMixer.Source left = track("l.wav", AudioEncoding.PCM16, 8000, pcm16(l));
    StereoMixer.Source right = track("r.wav", AudioEncoding.PCM16, 8000, pcm16(r));

    new StereoMixer(STAGING).mix(left, right, dir.resolve("stereo.wav"));
    short[] out = samplesOf(dir.resolve("stereo.wav"));

    assertThat(out).hasSize(2 * n);
    for (int i = 0; i < n; i++) {
      assertThat(out[2 * i]).as("left %d", i).isEqualTo((short) i);
      assertThat(out[2 * i + 1]).as("right %d", i).isEqualTo((short) -i);
    }
  }

  @Test
  void aShorterTrackIsContinuedWithSilence() throws Exception {
    StereoMixer.Source left =
        track("l.wav", AudioEncoding.MULAW, 8000, new byte[] {0x00, 0x00, 0x00});
    StereoMixer.Source right = track("r.wav", AudioEncoding.MULAW, 8000, new byte[] {(byte) 0x80});

    new StereoMixer(STAGING).mix(left, right, dir.resolve("stereo.wav"));

    assertThat(samplesOf(dir.resolve("stereo.wav")))
        .containsExactly(-32124, 32124, -32124, 0, -32124, 0);
  }

  @Test
  void tracksOfDifferentRatesAreRefused() throws Exception {
    StereoMixer.Source left = track("l.wav", AudioEncoding.PCM16, 8000, pcm16((short) 1));
    StereoMixer.Source right = track("r.wav", AudioEncoding.PCM16, 48000, pcm16((short) 1));

    assertThatThrownBy(() -> new StereoMixer(STAGING).mix(left, right, dir.resolve("s.wav")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8000 Hz")
        .hasMessageContaining("48000 Hz");
    assertThat(dir.resolve("s.wav")).doesNotExist();
  }

  @Test
  void aTrackShorterThanItsHeaderSaysIsAnError() throws Exception {
    StereoMixer.Source real = track("l.wav", AudioEncoding.MULAW, 8000, new byte[] {1, 2});
    StereoMixer.Source lying = new StereoMixer.Source(real.file(), real.header(), 1000);

    assertThatThrownBy(() -> new StereoMixer(STAGING).mix(lying, real, dir.resolve("s.wav")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("l.wav ends at byte 60")
        .hasMessageContaining("1000 samples");
  }
}
