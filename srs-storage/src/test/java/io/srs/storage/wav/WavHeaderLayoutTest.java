package io.srs.storage.wav;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The finished header, byte by byte, for each stored encoding (layout: {@link WavHeader}). */
class WavHeaderLayoutTest {
  private static final int SMALL_STAGING = 512;

  @TempDir Path dir;

  private static byte[] ramp(int length) {
    byte[] samples = new byte[length];
    for (int i = 0; i < length; i++) {
      samples[i] = (byte) (i * 7);
    }
    return samples;
  }

  private WavBytes writeAndFinish(AudioEncoding encoding, byte[] samples) throws Exception {
    Path file = dir.resolve("t.wav");
    WavTrackWriter writer =
        WavTrackWriter.create(file, WavHeader.of(encoding, 8000, 1), SMALL_STAGING);
    writer.write(samples, 0, samples.length);
    writer.finish();
    return WavBytes.read(file);
  }

  @Test
  void muLawHeaderHasEighteenByteFmtAndFactChunk() throws Exception {
    byte[] samples = ramp(1000);
    WavBytes wav = writeAndFinish(AudioEncoding.MULAW, samples);

    assertThat(wav.fourCc(0)).isEqualTo("RIFF"); // ckID
    assertThat(wav.u32(4)).isEqualTo(50 + 1000); // RIFF size: file length - 8
    assertThat(wav.fourCc(8)).isEqualTo("WAVE"); // form type
    assertThat(wav.fourCc(12)).isEqualTo("fmt "); // fmt ckID
    assertThat(wav.u32(16)).isEqualTo(18); // fmt size: WAVEFORMATEX with cbSize
    assertThat(wav.u16(20)).isEqualTo(0x0007); // wFormatTag: WAVE_FORMAT_MULAW
    assertThat(wav.u16(22)).isEqualTo(1); // nChannels: mono
    assertThat(wav.u32(24)).isEqualTo(8000); // nSamplesPerSec
    assertThat(wav.u32(28)).isEqualTo(8000); // nAvgBytesPerSec: 8000 * 1 byte
    assertThat(wav.u16(32)).isEqualTo(1); // nBlockAlign: 1 byte per frame
    assertThat(wav.u16(34)).isEqualTo(8); // wBitsPerSample
    assertThat(wav.u16(36)).isEqualTo(0); // cbSize: no extra format bytes
    assertThat(wav.fourCc(38)).isEqualTo("fact"); // fact ckID: required for non-PCM
    assertThat(wav.u32(42)).isEqualTo(4); // fact size
    assertThat(wav.u32(46)).isEqualTo(1000); // dwSampleLength: samples per channel
    assertThat(wav.fourCc(50)).isEqualTo("data"); // data ckID
    assertThat(wav.u32(54)).isEqualTo(1000); // data size in bytes
    assertThat(wav.range(58, 1000)).isEqualTo(samples); // the payload bytes, untouched
    assertThat(wav.length()).isEqualTo(58 + 1000);
  }

  @Test
  void aLawHeaderDiffersOnlyInFormatTag() throws Exception {
    byte[] samples = ramp(1000);
    WavBytes wav = writeAndFinish(AudioEncoding.ALAW, samples);

    assertThat(wav.fourCc(0)).isEqualTo("RIFF"); // ckID
    assertThat(wav.u32(4)).isEqualTo(50 + 1000); // RIFF size
    assertThat(wav.fourCc(8)).isEqualTo("WAVE"); // form type
    assertThat(wav.fourCc(12)).isEqualTo("fmt "); // fmt ckID
    assertThat(wav.u32(16)).isEqualTo(18); // fmt size
    assertThat(wav.u16(20)).isEqualTo(0x0006); // wFormatTag: WAVE_FORMAT_ALAW
    assertThat(wav.u16(22)).isEqualTo(1); // nChannels
    assertThat(wav.u32(24)).isEqualTo(8000); // nSamplesPerSec
    assertThat(wav.u32(28)).isEqualTo(8000); // nAvgBytesPerSec
    assertThat(wav.u16(32)).isEqualTo(1); // nBlockAlign
    assertThat(wav.u16(34)).isEqualTo(8); // wBitsPerSample
    assertThat(wav.u16(36)).isEqualTo(0); // cbSize
    assertThat(wav.fourCc(38)).isEqualTo("fact"); // fact ckID
    assertThat(wav.u32(42)).isEqualTo(4); // fact size
    assertThat(wav.u32(46)).isEqualTo(1000); // dwSampleLength
    assertThat(wav.fourCc(50)).isEqualTo("data"); // data ckID
    assertThat(wav.u32(54)).isEqualTo(1000); // data size
    assertThat(wav.range(58, 1000)).isEqualTo(samples); // payload
    assertThat(wav.length()).isEqualTo(58 + 1000);
  }

  @Test
  void pcm16HeaderHasSixteenByteFmtAndNoFactChunk() throws Exception {
    byte[] samples = ramp(2000); // 1000 16-bit samples
    WavBytes wav = writeAndFinish(AudioEncoding.PCM16, samples);

    assertThat(wav.fourCc(0)).isEqualTo("RIFF"); // ckID
    assertThat(wav.u32(4)).isEqualTo(36 + 2000); // RIFF size
    assertThat(wav.fourCc(8)).isEqualTo("WAVE"); // form type
    assertThat(wav.fourCc(12)).isEqualTo("fmt "); // fmt ckID
    assertThat(wav.u32(16)).isEqualTo(16); // fmt size: PCMWAVEFORMAT, no cbSize
    assertThat(wav.u16(20)).isEqualTo(0x0001); // wFormatTag: WAVE_FORMAT_PCM
    assertThat(wav.u16(22)).isEqualTo(1); // nChannels
    assertThat(wav.u32(24)).isEqualTo(8000); // nSamplesPerSec
    assertThat(wav.u32(28)).isEqualTo(16000); // nAvgBytesPerSec: 8000 * 2 bytes
    assertThat(wav.u16(32)).isEqualTo(2); // nBlockAlign
    assertThat(wav.u16(34)).isEqualTo(16); // wBitsPerSample
    assertThat(wav.fourCc(36)).isEqualTo("data"); // data ckID follows fmt directly
    assertThat(wav.u32(40)).isEqualTo(2000); // data size in bytes
    assertThat(wav.range(44, 2000)).isEqualTo(samples); // payload
    assertThat(wav.length()).isEqualTo(44 + 2000);
  }

  @Test
  void oddDataLengthIsFollowedByAnUncountedPadByte() throws Exception {
    byte[] samples = ramp(1001);
    WavBytes wav = writeAndFinish(AudioEncoding.MULAW, samples);

    assertThat(wav.u32(4)).isEqualTo(50 + 1001 + 1); // RIFF size counts the pad byte
    assertThat(wav.u32(46)).isEqualTo(1001); // dwSampleLength: samples, no pad
    assertThat(wav.u32(54)).isEqualTo(1001); // data size excludes the pad byte
    assertThat(wav.range(58, 1001)).isEqualTo(samples);
    assertThat(wav.bytes[58 + 1001]).isEqualTo((byte) 0); // the pad byte
    assertThat(wav.length()).isEqualTo(58 + 1001 + 1); // even: chunks stay word-aligned
  }

  @Test
  void emptyTrackIsAValidZeroLengthFile() throws Exception {
    WavBytes wav = writeAndFinish(AudioEncoding.MULAW, new byte[0]);

    assertThat(wav.u32(4)).isEqualTo(50);
    assertThat(wav.u32(46)).isZero();
    assertThat(wav.u32(54)).isZero();
    assertThat(wav.length()).isEqualTo(58);
  }

  @Test
  void finishReportsFileSizeAndSamples() throws Exception {
    Path file = dir.resolve("t.wav");
    WavTrackWriter writer =
        WavTrackWriter.create(file, WavHeader.of(AudioEncoding.PCM16, 16000, 1), SMALL_STAGING);
    writer.write(ramp(3000), 0, 3000);

    WrittenTrack written = writer.finish();

    assertThat(written.file()).isEqualTo(file);
    assertThat(written.samples()).isEqualTo(1500);
    assertThat(written.dataBytes()).isEqualTo(3000);
    assertThat(written.fileBytes()).isEqualTo(44 + 3000).isEqualTo(file.toFile().length());
    assertThat(writer.state()).isEqualTo(WavTrackWriter.State.FINISHED);
  }

  @ParameterizedTest
  @ValueSource(ints = {16_000, 48_000})
  void pcm16AtWidebandAndFullbandRatesStatesItsRateAndByteRate(int rate) throws Exception {
    Path file = dir.resolve("pcm16-" + rate + ".wav");
    WavTrackWriter writer =
        WavTrackWriter.create(file, WavHeader.of(AudioEncoding.PCM16, rate, 1), SMALL_STAGING);
    byte[] samples = ramp(rate / 50 * 2); // one 20 ms packet of 16-bit samples
    writer.write(samples, 0, samples.length);
    writer.writeSilence(rate / 50); // and 20 ms of silence
    writer.finish();
    WavBytes wav = WavBytes.read(file);
    int dataBytes = rate / 50 * 2 * 2;

    assertThat(wav.u32(4)).isEqualTo(36 + dataBytes); // RIFF size
    assertThat(wav.u16(20)).isEqualTo(0x0001); // wFormatTag: WAVE_FORMAT_PCM
    assertThat(wav.u16(22)).isEqualTo(1); // nChannels
    assertThat(wav.u32(24)).isEqualTo(rate); // nSamplesPerSec
    assertThat(wav.u32(28)).isEqualTo(rate * 2L); // nAvgBytesPerSec: rate * 2 bytes
    assertThat(wav.u16(32)).isEqualTo(2); // nBlockAlign
    assertThat(wav.u16(34)).isEqualTo(16); // wBitsPerSample
    assertThat(wav.fourCc(36)).isEqualTo("data");
    assertThat(wav.u32(40)).isEqualTo(dataBytes); // data size
    assertThat(wav.range(44, samples.length)).isEqualTo(samples);
    assertThat(wav.range(44 + samples.length, samples.length)).containsOnly(0); // PCM silence
    assertThat(wav.length()).isEqualTo(44 + dataBytes);
  }

  @Test
  void stereoPcm16HeaderHasTwoChannelsAndFourByteFrames() throws Exception {
    Path file = dir.resolve("stereo.wav");
    WavTrackWriter writer =
        WavTrackWriter.create(file, WavHeader.of(AudioEncoding.PCM16, 8000, 2), SMALL_STAGING);
    writer.write(ramp(400), 0, 400); // 100 frames of (left, right)
    writer.finish();
    WavBytes wav = WavBytes.read(file);

    assertThat(wav.u16(22)).isEqualTo(2); // nChannels
    assertThat(wav.u32(24)).isEqualTo(8000); // nSamplesPerSec: frames per second
    assertThat(wav.u32(28)).isEqualTo(32_000); // nAvgBytesPerSec: 8000 * 4
    assertThat(wav.u16(32)).isEqualTo(4); // nBlockAlign: 2 channels * 2 bytes
    assertThat(wav.u32(40)).isEqualTo(400); // data size
  }
}
