package io.srs.storage.wav;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repairing the tracks a killed process leaves: sizes from the file, never a byte removed. */
class WavRepairTest {
  private static final int STAGING = 512;
  private static final WavHeader MULAW = WavHeader.of(AudioEncoding.MULAW, 8000, 1);
  private static final WavHeader PCM16 = WavHeader.of(AudioEncoding.PCM16, 16000, 1);

  @TempDir Path dir;

  /** A writer that flushed once (the header says 512 samples) and was then killed. */
  private Path killedAfterOneFlush(WavHeader header) throws Exception {
    Path file = dir.resolve("track-0.wav");
    WavTrackWriter writer = WavTrackWriter.create(file, header, STAGING);
    byte[] samples = new byte[STAGING];
    Arrays.fill(samples, (byte) 0x55);
    writer.write(samples, 0, samples.length);
    writer.abandon(); // closes the file as a kill would leave it: no finish, no fsync
    return file;
  }

  private static void append(Path file, int bytes) throws Exception {
    byte[] more = new byte[bytes];
    Arrays.fill(more, (byte) 0x33);
    Files.write(file, more, StandardOpenOption.APPEND);
  }

  @Test
  void aHeaderThatLagsItsDataIsSetFromTheFilesLength() throws Exception {
    Path file = killedAfterOneFlush(MULAW);
    append(file, 300); // a flush reached the file, the header patch after it did not

    WavRepair.Result result = WavRepair.repair(file, null);

    assertThat(result.headerSamples()).isEqualTo(512);
    assertThat(result.samples()).isEqualTo(812);
    assertThat(result.changed()).isTrue();
    WavBytes wav = WavBytes.read(file);
    assertThat(wav.length()).isEqualTo(58 + 812);
    assertThat(wav.u32(4)).isEqualTo(50 + 812); // RIFF size
    assertThat(wav.u32(46)).isEqualTo(812); // fact dwSampleLength
    assertThat(wav.u32(54)).isEqualTo(812); // data size
    assertThat(wav.range(58 + 512, 300)).containsOnly(0x33);
  }

  @Test
  void oddMuLawDataGetsItsPadByteAppendedAndKeepsEverySample() throws Exception {
    Path file = killedAfterOneFlush(MULAW);
    append(file, 301);

    WavRepair.Result result = WavRepair.repair(file, null);

    assertThat(result.samples()).isEqualTo(813);
    WavBytes wav = WavBytes.read(file);
    assertThat(wav.length()).isEqualTo(58 + 813 + 1); // RIFF: chunks start on even offsets
    assertThat(wav.u32(54)).isEqualTo(813);
    assertThat(wav.u32(4)).isEqualTo(50 + 813 + 1);
    assertThat(wav.range(58 + 512, 301)).containsOnly(0x33);
  }

  @Test
  void aTruncatedPcmFrameIsLeftOutOfTheDataButNotRemoved() throws Exception {
    Path file = killedAfterOneFlush(PCM16);
    append(file, 301); // 150 whole 16-bit samples and half of one

    WavRepair.Result result = WavRepair.repair(file, null);

    assertThat(result.samples()).isEqualTo(256 + 150);
    WavBytes wav = WavBytes.read(file);
    assertThat(wav.length()).isEqualTo(44 + 512 + 301); // the half sample is still there
    assertThat(wav.u32(40)).isEqualTo(512 + 300);
    assertThat(wav.u32(4)).isEqualTo(36 + 512 + 300);
  }

  @Test
  void repairingTwiceChangesNothingTheSecondTime() throws Exception {
    Path file = killedAfterOneFlush(MULAW);
    append(file, 301);
    WavRepair.repair(file, null);
    byte[] once = Files.readAllBytes(file);

    WavRepair.Result again = WavRepair.repair(file, null);

    assertThat(again.changed()).isFalse();
    assertThat(again.samples()).isEqualTo(813);
    assertThat(Files.readAllBytes(file)).isEqualTo(once);
  }

  @Test
  void aFinishedTracksPadByteIsNotTakenForASample() throws Exception {
    Path file = dir.resolve("done.wav");
    WavTrackWriter writer = WavTrackWriter.create(file, MULAW, STAGING);
    writer.write(new byte[101], 0, 101);
    writer.finish();
    byte[] finished = Files.readAllBytes(file);

    WavRepair.Result result = WavRepair.repair(file, null);

    assertThat(result.changed()).isFalse();
    assertThat(result.samples()).isEqualTo(101);
    assertThat(Files.readAllBytes(file)).isEqualTo(finished);
  }

  @Test
  void anUnreadableHeaderIsLeftAsFoundWhenNothingSaysWhatTheTrackHolds() throws Exception {
    Path file = dir.resolve("garbage.wav");
    byte[] garbage = new byte[700];
    Arrays.fill(garbage, (byte) 'x');
    Files.write(file, garbage);

    WavRepair.Result result = WavRepair.repair(file, null);

    assertThat(result.repaired()).isFalse();
    assertThat(result.problem()).contains("no 'RIFF' at offset 0");
    assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
  }

  @Test
  void anUnreadableHeaderIsRewrittenFromTheSpecTheTrackWasOpenedWith() throws Exception {
    Path file = killedAfterOneFlush(MULAW);
    try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'J', 'U', 'N', 'K'}), 0);
    }

    WavRepair.Result result = WavRepair.repair(file, MULAW);

    assertThat(result.repaired()).isTrue();
    assertThat(result.problem()).contains("rewritten");
    assertThat(result.samples()).isEqualTo(512);
    WavBytes wav = WavBytes.read(file);
    assertThat(wav.fourCc(0)).isEqualTo("RIFF");
    assertThat(wav.u32(54)).isEqualTo(512);
    assertThat(wav.range(58, 512)).containsOnly(0x55);
  }

  @Test
  void aFileShorterThanAHeaderIsNotRepairedBlind() throws Exception {
    Path file = dir.resolve("short.wav");
    Files.write(file, new byte[] {'R', 'I', 'F', 'F', 0, 0});

    WavRepair.Result result = WavRepair.repair(file, null);

    assertThat(result.repaired()).isFalse();
    assertThat(Files.size(file)).isEqualTo(6);
  }
}
