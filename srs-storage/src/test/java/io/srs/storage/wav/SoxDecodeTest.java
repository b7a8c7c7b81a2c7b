package io.srs.storage.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.srs.core.media.AudioEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An independent decoder (sox, TOOLS.md) accepts what we write: a one-second 1 kHz tone decodes to
 * 8000 samples at about 1000 Hz, for every stored encoding, and an unfinished file still plays.
 */
class SoxDecodeTest {
  private static final Path SOX = Path.of("/usr/bin/sox");
  private static final int RATE = 8000;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(AudioEncoding.class)
  void soxDecodesAOneKilohertzTone(AudioEncoding encoding) throws Exception {
    Path file = dir.resolve(encoding + ".wav");
    WavTrackWriter writer = WavTrackWriter.create(file, WavHeader.of(encoding, RATE, 1), 4096);
    byte[] tone = G711.tone(encoding, 1000, RATE, RATE);
    for (int offset = 0; offset < tone.length; offset += 160 * encoding.bytesPerSample()) {
      writer.write(tone, offset, 160 * encoding.bytesPerSample()); // 20 ms packets
    }
    writer.finish();

    String stat = soxStat(file);

    assertThat(number(stat, "Samples read")).isEqualTo(8000);
    assertThat(number(stat, "Length \\(seconds\\)")).isEqualTo(1.0);
    assertThat(number(stat, "Rough\\s+frequency")).isBetween(950.0, 1050.0);
  }

  @Test
  void soxPlaysATrackThatWasNeverFinished() throws Exception {
    Path file = dir.resolve("crashed.wav");
    WavTrackWriter writer =
        WavTrackWriter.create(file, WavHeader.of(AudioEncoding.MULAW, RATE, 1), 4096);
    byte[] tone = G711.tone(AudioEncoding.MULAW, 1000, RATE, RATE);
    writer.write(tone, 0, tone.length); // 8000 bytes: one 4096-byte flush reached the file

    String stat = soxStat(file);
    writer.abandon();

    assertThat(number(stat, "Samples read")).isEqualTo(4096);
  }

  private static String soxStat(Path file) throws IOException, InterruptedException {
    if (!Files.isExecutable(SOX)) {
      fail("sox is required for this test (Debian package 'sox') but " + SOX + " is missing");
    }
    Process process =
        new ProcessBuilder(SOX.toString(), file.toString(), "-n", "stat")
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("sox finished").isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("sox exit status; output:%n%s", text).isZero();
    return text;
  }

  private static double number(String stat, String field) {
    Matcher m = Pattern.compile(field + ":\\s+(\\S+)").matcher(stat);
    assertThat(m.find()).as("sox stat prints %s in:%n%s", field, stat).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
