package io.srs.storage.fs;

import static io.srs.storage.fs.Fixtures.CALL_ID;
import static io.srs.storage.fs.Fixtures.ID;
import static io.srs.storage.fs.Fixtures.INVITED;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.fields.FieldExtractor;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingIndex;
import io.srs.core.port.TrackSink;
import io.srs.core.session.RecordingId;
import io.srs.storage.integrity.Sha256;
import io.srs.storage.ledger.LedgerEntry;
import io.srs.storage.ledger.LedgerProblem;
import io.srs.storage.ledger.LedgerVerifier;
import io.srs.storage.ledger.LedgerWriter;
import io.srs.storage.wav.WavTrackWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger as the vault keeps it: the finaliser and the recovery pass each enter a recording once
 * its metadata.json is durable, and verify names every file missing or changed afterwards.
 */
class LedgeredVaultTest {
  private static final RecordingId CUT = new RecordingId("20261125T185050Z-0123456789abcdef");
  private static final LedgerVerifier.Options ALL =
      new LedgerVerifier.Options(null, null, Duration.ZERO);

  @TempDir Path root;
  private StorageSettings settings;
  private Path finished;
  private Path recovered;

  @BeforeEach
  void aFinishedCallAndOneRecoveredAfterAKill() throws Exception {
    settings = new StorageSettings(root, 1024);
    LedgerWriter ledger = LedgerWriter.open(root, Clock.systemUTC());
    RecordingHandle handle =
        new FileSystemRecordingStore(settings, ledger).create(ID, CALL_ID, INVITED);
    handle.addMetadata(Fixtures.rawMetadata(1));
    TrackSink caller = handle.openTrack(Fixtures.CALLER_TRACK);
    TrackSink agent = handle.openTrack(Fixtures.AGENT_TRACK);
    byte[] packet = new byte[160];
    for (int i = 0; i < 20; i++) {
      packet[i] = (byte) i;
      caller.write(packet, 0, packet.length);
    }
    agent.writeSilence(3200);
    handle.finish(Fixtures.summary());
    finished = Path.of(handle.location());

    RecordingHandle cut = new FileSystemRecordingStore(settings).create(CUT, "cut", INVITED);
    cut.addMetadata(Fixtures.rawMetadata(1));
    WavTrackWriter writer = (WavTrackWriter) cut.openTrack(Fixtures.CALLER_TRACK);
    writer.write(new byte[2500], 0, 2500);
    writer.abandon();
    recovered = Path.of(cut.location());
    new RecoveryPass(
            settings,
            new InFlightRecovery(
                new MetadataParser(MetadataLimits.DEFAULT),
                FieldExtractor.NONE,
                List.of(),
                RecordingIndex.NONE,
                LedgerWriter.open(root, Clock.systemUTC())),
            event -> {})
        .run();
  }

  private LedgerVerifier.Report verify() throws Exception {
    return new LedgerVerifier().verify(root, ALL);
  }

  private List<String> problems() throws Exception {
    return verify().problems().stream().map(LedgerProblem::line).toList();
  }

  @Test
  void aFinishedAndARecoveredRecordingAreEachEnteredWithTheirStatusAndManifestHash()
      throws Exception {
    List<String> lines = Files.readAllLines(root.resolve("ledger.jsonl"));
    assertThat(lines).hasSize(2);
    LedgerEntry first = LedgerEntry.parse(lines.get(0)).entry();
    LedgerEntry second = LedgerEntry.parse(lines.get(1)).entry();
    assertThat(first.recordingId()).isEqualTo(ID.value());
    assertThat(first.path()).isEqualTo("2026/11/25/" + ID.value());
    assertThat(first.status()).isEqualTo("complete");
    assertThat(first.metadataSha256()).isEqualTo(Sha256.ofFile(finished.resolve("metadata.json")));
    assertThat(second.recordingId()).isEqualTo(CUT.value());
    assertThat(second.status()).isEqualTo("incomplete");
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.prev()).isEqualTo(first.entryHash());
    assertThat(finished.resolve("inflight.json")).doesNotExist();
  }

  @Test
  void anUntouchedVaultVerifiesIntactCountingEveryListedFile() throws Exception {
    LedgerVerifier.Report report = verify();

    assertThat(report.problems()).isEmpty();
    assertThat(report.entries()).isEqualTo(2);
    assertThat(report.recordings()).isEqualTo(2);
    // finished: sidecar, two tracks, one metadata version; recovered: sidecar, one track, one xml
    assertThat(report.filesChecked()).isEqualTo(7);
    assertThat(report.bytesHashed()).isGreaterThan(3200 + 3200);
  }

  @Test
  void oneFlippedAudioByteIsNamedByRecordingAndFile() throws Exception {
    Path track = finished.resolve("track-0-1.wav");
    flipByte(track, Files.size(track) - 10);

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("changed: recording " + ID.value() + ": file track-0-1.wav changed (sha256 ");
  }

  @Test
  void aDeletedTrackIsNamedMissing() throws Exception {
    Files.delete(recovered.resolve("track-0-1.wav"));

    assertThat(problems())
        .containsExactly("missing: recording " + CUT.value() + ": file track-0-1.wav missing");
  }

  @Test
  void anEditedMetadataJsonIsNamedChangedEvenWhenItsListedHashesStillHold() throws Exception {
    Path sidecar = finished.resolve("metadata.json");
    String json = Files.readString(sidecar);
    Files.writeString(sidecar, json.replace("\"status\": \"complete\"", "\"status\": \"kept\""));

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("changed: recording " + ID.value() + ": metadata.json changed (sha256 ")
        .contains("ledger line 1 says ");
  }

  @Test
  void aDeletedRecordingDirectoryIsNamedMissing() throws Exception {
    deleteTree(recovered);

    assertThat(problems())
        .containsExactly(
            "missing: recording "
                + CUT.value()
                + ": directory 2026/11/25/"
                + CUT.value()
                + " missing (ledger line 2)");
  }

  @Test
  void aFinalisedRecordingTheLedgerDoesNotNameIsUnledgered() throws Exception {
    List<String> lines = Files.readAllLines(root.resolve("ledger.jsonl"));
    Files.write(root.resolve("ledger.jsonl"), List.of(lines.get(0)));

    assertThat(problems())
        .containsExactly(
            "unledgered: recording "
                + CUT.value()
                + " at 2026/11/25/"
                + CUT.value()
                + " has a metadata.json but no ledger entry");
  }

  @Test
  void oneRecordingCanBeCheckedAloneWhileTheChainIsStillWalkedWhole() throws Exception {
    flipByte(finished.resolve("track-1-2.wav"), 100);

    LedgerVerifier.Report report =
        new LedgerVerifier()
            .verify(root, new LedgerVerifier.Options(CUT.value(), null, Duration.ZERO));

    assertThat(report.problems()).isEmpty();
    assertThat(report.recordings()).isEqualTo(1);
    assertThat(report.entries()).isEqualTo(2);
  }

  static void flipByte(Path file, long offset) throws Exception {
    try (var channel =
        java.nio.channels.FileChannel.open(
            file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
      channel.write(one, offset);
    }
  }

  private static void deleteTree(Path top) throws Exception {
    try (var walk = Files.walk(top)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
