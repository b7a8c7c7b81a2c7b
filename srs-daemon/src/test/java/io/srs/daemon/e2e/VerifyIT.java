package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.daemon.cli.VerifyCommand;
import io.srs.daemon.testing.CliRun;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code srs verify} over what the real recorder left: calls placed by {@code srs simulate} are
 * ledgered as they finalise, verify passes while the recorder runs and after it stops, and then
 * names one flipped audio byte and one deleted recording.
 */
class VerifyIT {

  @TempDir Path work;

  static CliRun verify(String... args) {
    return CliRun.of("verify", args);
  }

  @Test
  void twoRecordedCallsVerifyIntactAndAFlippedByteAndADeletedRecordingAreNamed() throws Exception {
    Path recordings;
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of())) {
      recordings = srs.recordings;
      CliRun run =
          SimulateIT.simulate(
              "--target", "127.0.0.1:" + srs.sipPort,
              "--bind", "127.0.0.1",
              "--calls", "2",
              "--rate", "2",
              "--duration", "2");
      assertThat(run.exit()).as("exit; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (RecordingFiles.sidecars(recordings).size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(RecordingFiles.sidecars(recordings)).hasSize(2);

      CliRun running = verify("--recordings", recordings.toString());
      assertThat(running.exit())
          .as("while the recorder runs; stdout:%n%s%nstderr:%n%s", running.out(), running.err())
          .isZero();
    }

    CliRun intact = verify("--recordings", recordings.toString());
    assertThat(intact.exit()).as("stdout:%n%s%nstderr:%n%s", intact.out(), intact.err()).isZero();
    assertThat(intact.out())
        .contains("2 ledger entries, 2 recording(s)", "0 problem(s)", "result: INTACT");
    assertThat(Files.readAllLines(recordings.resolve("ledger.jsonl"))).hasSize(2);

    List<Path> directories =
        RecordingFiles.sidecars(recordings).stream().map(Path::getParent).sorted().toList();
    Path first = directories.get(0);
    Path wav;
    try (Stream<Path> files = Files.list(first)) {
      wav = files.filter(f -> f.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
    }
    flipByte(wav, Files.size(wav) / 2);

    CliRun flipped = verify("--recordings", recordings.toString());
    assertThat(flipped.exit()).as(flipped.out()).isEqualTo(VerifyCommand.EXIT_PROBLEMS);
    assertThat(flipped.out())
        .contains(
            "changed: recording "
                + first.getFileName()
                + ": file "
                + wav.getFileName()
                + " changed (sha256 ",
            "1 problem(s)",
            "result: PROBLEMS FOUND");

    Path second = directories.get(1);
    deleteTree(second);

    CliRun deleted = verify("--recordings", recordings.toString());
    assertThat(deleted.exit()).as(deleted.out()).isEqualTo(VerifyCommand.EXIT_PROBLEMS);
    assertThat(deleted.out())
        .contains(
            "missing: recording "
                + second.getFileName()
                + ": directory "
                + recordings.relativize(second).toString()
                + " missing",
            "2 problem(s)");

    CliRun one =
        verify(
            "--recordings", recordings.toString(), "--recording", first.getFileName().toString());
    assertThat(one.exit()).isEqualTo(VerifyCommand.EXIT_PROBLEMS);
    assertThat(one.out()).contains("1 recording(s)", "1 problem(s)").doesNotContain("missing:");
  }

  private static void flipByte(Path file, long offset) throws Exception {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
      channel.write(one, offset);
    }
  }

  private static void deleteTree(Path top) throws Exception {
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
