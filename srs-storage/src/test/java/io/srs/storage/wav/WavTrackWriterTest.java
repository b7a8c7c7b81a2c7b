package io.srs.storage.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.AudioEncoding;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTrackWriterTest {
  private static final int STAGING = 512;

  @TempDir Path dir;

  private WavTrackWriter writer(AudioEncoding encoding) throws IOException {
    return WavTrackWriter.create(dir.resolve("t.wav"), WavHeader.of(encoding, 8000, 1), STAGING);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Test
  void muLawSilenceIsFF() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.MULAW);
    writer.writeSilence(100);
    writer.finish();

    WavBytes wav = WavBytes.read(writer.file());
    assertThat(wav.range(58, 100)).isEqualTo(filled(100, 0xFF));
    assertThat(writer.samplesWritten()).isEqualTo(100);
  }

  @Test
  void aLawSilenceIsD5() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.ALAW);
    writer.writeSilence(100);
    writer.finish();

    assertThat(WavBytes.read(writer.file()).range(58, 100)).isEqualTo(filled(100, 0xD5));
  }

  @Test
  void pcm16SilenceIsZeroBytes() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.PCM16);
    writer.writeSilence(100);
    writer.finish();

    WavBytes wav = WavBytes.read(writer.file());
    assertThat(wav.u32(40)).isEqualTo(200);
    assertThat(wav.range(44, 200)).isEqualTo(new byte[200]);
  }

  @Test
  void silenceLongerThanTheStagingBufferHasExactLength() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.MULAW);
    writer.writeSilence(10_007);
    WrittenTrack written = writer.finish();

    WavBytes wav = WavBytes.read(writer.file());
    assertThat(written.samples()).isEqualTo(10_007);
    assertThat(wav.u32(54)).isEqualTo(10_007);
    assertThat(wav.range(58, 10_007)).isEqualTo(filled(10_007, 0xFF));
  }

  @Test
  void pcm16SilenceLongerThanTheStagingBufferHasExactLength() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.PCM16);
    writer.writeSilence(3001);
    writer.finish();

    WavBytes wav = WavBytes.read(writer.file());
    assertThat(wav.u32(40)).isEqualTo(6002);
    assertThat(wav.length()).isEqualTo(44 + 6002);
    assertThat(wav.range(44, 6002)).isEqualTo(new byte[6002]);
  }

  @Test
  void samplesAndSilenceKeepTheirTimelineOrder() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.MULAW);
    writer.write(filled(160, 0x11), 0, 160);
    writer.writeSilence(700);
    writer.write(filled(160, 0x22), 0, 160);
    writer.finish();

    WavBytes wav = WavBytes.read(writer.file());
    assertThat(wav.range(58, 160)).isEqualTo(filled(160, 0x11));
    assertThat(wav.range(58 + 160, 700)).isEqualTo(filled(700, 0xFF));
    assertThat(wav.range(58 + 860, 160)).isEqualTo(filled(160, 0x22));
    assertThat(writer.samplesWritten()).isEqualTo(1020);
  }

  @Test
  void aKilledProcessLeavesHeaderSizesMatchingTheFlushedData() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.MULAW);
    byte[] samples = new byte[1300];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (byte) i;
    }
    writer.write(samples, 0, samples.length); // two staging flushes of 512, 276 still staged

    // No finish: read the file as a crash would leave it.
    WavBytes wav = WavBytes.read(writer.file());
    assertThat(wav.length()).isEqualTo(58 + 1024);
    assertThat(wav.u32(4)).isEqualTo(50 + 1024); // RIFF size
    assertThat(wav.u32(46)).isEqualTo(1024); // fact dwSampleLength
    assertThat(wav.u32(54)).isEqualTo(1024); // data size
    assertThat(wav.range(58, 1024)).isEqualTo(Arrays.copyOf(samples, 1024));
    assertThat(writer.samplesFlushed()).isEqualTo(1024);
    writer.abandon();
  }

  @Test
  void anIoErrorOnTheMediaThreadFailsTheTrackWithoutThrowing() throws Exception {
    Path file = dir.resolve("broken.wav");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    WavTrackWriter writer =
        WavTrackWriter.wrap(file, channel, WavHeader.of(AudioEncoding.MULAW, 8000, 1), STAGING);
    writer.write(filled(512, 1), 0, 512); // flushed while the disk is fine
    channel.close(); // the disk goes away

    writer.write(filled(600, 2), 0, 600); // the flush fails: recorded, not thrown
    writer.writeSilence(1000);

    assertThat(writer.state()).isEqualTo(WavTrackWriter.State.FAILED);
    assertThat(writer.failure()).isNotNull();
    assertThat(writer.samplesWritten()).isEqualTo(2112); // the timeline still advances
  }

  @Test
  void finishOfAFailedTrackNamesTheFileAndTheCause() throws Exception {
    Path file = dir.resolve("broken.wav");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    WavTrackWriter writer =
        WavTrackWriter.wrap(file, channel, WavHeader.of(AudioEncoding.MULAW, 8000, 1), STAGING);
    writer.write(filled(512, 1), 0, 512);
    channel.close();
    writer.write(filled(600, 2), 0, 600);

    assertThatThrownBy(writer::finish)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("broken.wav")
        .hasMessageContaining("512 stored samples")
        .hasMessageContaining("600 samples lost")
        .hasMessageContaining("ClosedChannelException");
  }

  @Test
  void partialSampleWritesAreRejected() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.PCM16);

    assertThatThrownBy(() -> writer.write(new byte[3], 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 bytes is not a whole number of 2-byte samples");
    writer.abandon();
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Path file = dir.resolve("t.wav");
    Files.write(file, new byte[] {42});

    assertThatThrownBy(() -> writer(AudioEncoding.MULAW))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThat(Files.readAllBytes(file)).containsExactly(42);
  }

  @Test
  void silenceBeyondTheWavSizeLimitFailsTheTrackWithoutWriting() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.MULAW);

    writer.writeSilence(5_000_000_000L); // more than a 32-bit RIFF size can describe

    assertThat(writer.state()).isEqualTo(WavTrackWriter.State.FAILED);
    assertThat(writer.failure()).hasMessageContaining("WAV limit");
    assertThat(Files.size(writer.file())).isEqualTo(58);
    writer.abandon();
  }

  @Test
  void wavSizeLimitLeavesRoomForThePadByte() {
    // RIFF size = 50 + data + pad must fit in 32 bits unsigned.
    assertThat(WavHeader.of(AudioEncoding.MULAW, 8000, 1).maxDataBytes())
        .isEqualTo(0xFFFF_FFFFL - 50 - 1);
    // PCM: 36 + data + pad, rounded down to whole 2-byte samples.
    assertThat(WavHeader.of(AudioEncoding.PCM16, 8000, 1).maxDataBytes())
        .isEqualTo(0xFFFF_FFFFL - 36 - 1);
  }

  @Test
  void anAbandonedTrackCannotBeFinished() throws Exception {
    WavTrackWriter writer = writer(AudioEncoding.MULAW);
    writer.abandon();

    assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void steadyStateWritesAllocateNothingPerCall() throws Exception {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    WavTrackWriter writer =
        WavTrackWriter.create(
            dir.resolve("t.wav"), WavHeader.of(AudioEncoding.MULAW, 8000, 1), 16 * 1024);
    byte[] packet = filled(160, 0x55);
    for (int i = 0; i < 20_000; i++) { // warm up: JIT, channel internals
      writer.write(packet, 0, packet.length);
      writer.writeSilence(80);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 20_000; i++) {
      writer.write(packet, 0, packet.length);
      writer.writeSilence(80);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    writer.finish();

    // 40,000 calls: anything per call would be hundreds of KiB; allow a little one-off noise.
    assertThat(allocated).isLessThan(16 * 1024);
  }
}
