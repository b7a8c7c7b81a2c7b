package io.srs.storage.fs;

import static io.srs.storage.fs.Fixtures.CALL_ID;
import static io.srs.storage.fs.Fixtures.ID;
import static io.srs.storage.fs.Fixtures.INVITED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.srs.core.fields.FieldExtractor;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.port.IndexedRecording;
import io.srs.core.port.RawMetadata;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingHandle;
import io.srs.core.session.RecordingId;
import io.srs.storage.index.SqliteRecordingIndex;
import io.srs.storage.integrity.Sha256;
import io.srs.storage.wav.WavTrackWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up recovery pass over a vault a killed process left behind: what it finalises, what it
 * leaves alone, and that a second start changes nothing.
 */
class RecoveryPassTest {
  /** Small staging buffers: 1024 bytes flush every 128 ms of G.711. */
  private static final int STAGING = 1024;

  private static final String ALICE = "sip:alice@example.com";
  private static final String AGENT = "sip:agent007@contact-centre.example.com";

  @TempDir Path root;
  @TempDir Path indexDir;

  private final ObjectMapper json = new ObjectMapper();
  private final List<RecordingEvent> events = new CopyOnWriteArrayList<>();
  private StorageSettings settings;
  private SqliteRecordingIndex index;
  private byte[] metadataXml;

  @BeforeEach
  void openIndex() throws Exception {
    settings = new StorageSettings(root, STAGING);
    index = SqliteRecordingIndex.open(indexDir.resolve("index.sqlite"));
    try (InputStream in = getClass().getResourceAsStream("metadata-two-parties.xml")) {
      metadataXml = in.readAllBytes();
    }
  }

  @AfterEach
  void closeIndex() throws Exception {
    index.close();
  }

  private RecoveryPass pass() {
    return new RecoveryPass(
        settings,
        new InFlightRecovery(
            new MetadataParser(MetadataLimits.DEFAULT),
            FieldExtractor.NONE,
            List.of("agentId"),
            index),
        events::add);
  }

  /**
   * A call in progress when the process was killed: metadata stored, two tracks with 2500 bytes
   * written each (two 1024-byte flushes reached the file, 452 bytes were still staged and are
   * lost), nothing finished.
   */
  private Path killedMidCall(RecordingId id) throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(settings).create(id, CALL_ID, INVITED);
    handle.addMetadata(
        new RawMetadata(1, INVITED, "application/rs-metadata+xml", metadataXml.clone()));
    List<WavTrackWriter> writers = new ArrayList<>();
    writers.add((WavTrackWriter) handle.openTrack(Fixtures.CALLER_TRACK));
    writers.add((WavTrackWriter) handle.openTrack(Fixtures.AGENT_TRACK));
    byte[] audio = new byte[2500];
    for (WavTrackWriter writer : writers) {
      writer.write(audio, 0, audio.length);
      writer.abandon(); // the process dies: no finish, the staging buffer is lost
    }
    return Path.of(handle.location());
  }

  private JsonNode sidecar(Path directory) throws Exception {
    return json.readTree(directory.resolve("metadata.json").toFile());
  }

  private static List<String> flags(JsonNode sidecar) {
    List<String> flags = new ArrayList<>();
    sidecar.get("flags").forEach(f -> flags.add(f.asText()));
    return flags;
  }

  @Test
  void aRecordingKilledMidCallIsFinalisedAsIncompleteWithItsCallIdAndParticipants()
      throws Exception {
    Path directory = killedMidCall(ID);

    RecoveryPass.Report report = pass().run();

    assertThat(report.recovered()).hasSize(1);
    assertThat(report.failed()).isZero();
    JsonNode sidecar = sidecar(directory);
    assertThat(sidecar.get("status").asText()).isEqualTo("incomplete");
    assertThat(sidecar.get("endReason").asText()).isEqualTo("recovered");
    assertThat(sidecar.get("recordingId").asText()).isEqualTo(ID.value());
    assertThat(sidecar.get("callId").asText()).isEqualTo(CALL_ID);
    assertThat(sidecar.get("invitedAt").asText()).isEqualTo(INVITED.toString());
    assertThat(sidecar.get("durationMs").asLong()).isEqualTo(256); // 2048 samples at 8 kHz
    assertThat(flags(sidecar).get(0)).startsWith("recovered:");
    assertThat(sidecar.get("missingFields").get(0).asText()).isEqualTo("agentId");
    assertThat(sidecar.get("metadataVersions").get(0).get("sha256").asText())
        .isEqualTo(Sha256.of(metadataXml));
    for (int i = 0; i < 2; i++) {
      JsonNode track = sidecar.get("tracks").get(i);
      Path file = directory.resolve(track.get("file").asText());
      assertThat(track.get("samples").asLong()).isEqualTo(2048);
      assertThat(track.get("bytes").asLong()).isEqualTo(Files.size(file));
      assertThat(track.get("sha256").asText()).isEqualTo(Sha256.ofFile(file));
      assertThat(track.get("label").asText()).isEqualTo(Integer.toString(i + 1));
    }
    assertThat(sidecar.get("tracks").get(0).get("participants").get(0).get("aor").asText())
        .isEqualTo(ALICE);
    assertThat(sidecar.get("tracks").get(1).get("participants").get(0).get("aor").asText())
        .isEqualTo(AGENT);
    assertThat(directory.resolve("inflight.json")).doesNotExist();
  }

  @Test
  void aTrackWhoseLastWriteOutranItsHeaderPatchKeepsEverySampleAndIsFlagged() throws Exception {
    Path directory = killedMidCall(ID);
    byte[] late = new byte[1001]; // a write that landed, odd-length, its header patch did not
    Files.write(directory.resolve("track-0-1.wav"), late, StandardOpenOption.APPEND);

    RecoveryPass.Report report = pass().run();

    JsonNode track = sidecar(directory).get("tracks").get(0);
    assertThat(track.get("samples").asLong()).isEqualTo(2048 + 1001);
    assertThat(Files.size(directory.resolve("track-0-1.wav"))).isEqualTo(58 + 2048 + 1001 + 1);
    assertThat(report.recovered().get(0).problems())
        .contains("track-repaired: track-0-1.wav: header said 2048 samples, the file holds 3049");
  }

  @Test
  void aRecoveredRecordingIsIndexedAndReportedOnce() throws Exception {
    killedMidCall(ID);

    pass().run();

    IndexedRecording row = index.byId(ID).orElseThrow();
    assertThat(row.status()).isEqualTo("incomplete");
    assertThat(row.endReason()).isEqualTo("recovered");
    assertThat(row.callId()).isEqualTo(CALL_ID);
    assertThat(row.startedAt()).isEqualTo(INVITED);
    assertThat(events).singleElement().isInstanceOf(RecordingEvent.Recovered.class);
    RecordingEvent.Recovered recovered = (RecordingEvent.Recovered) events.get(0);
    assertThat(recovered.name()).isEqualTo("recording.recovered");
    assertThat(recovered.callId()).isEqualTo(CALL_ID);
    assertThat(recovered.tracks()).hasSize(2);
  }

  @Test
  void aSecondStartFindsNothingToDoAndChangesNoFile() throws Exception {
    Path directory = killedMidCall(ID);
    pass().run();
    byte[] sidecar = Files.readAllBytes(directory.resolve("metadata.json"));
    byte[] track = Files.readAllBytes(directory.resolve("track-0-1.wav"));
    events.clear();

    RecoveryPass.Report again = pass().run();

    assertThat(again.recovered()).isEmpty();
    assertThat(again.scanned()).isEqualTo(1);
    assertThat(events).isEmpty();
    assertThat(directory.resolve("metadata.json")).hasBinaryContent(sidecar);
    assertThat(directory.resolve("track-0-1.wav")).hasBinaryContent(track);
  }

  @Test
  void aFinishedRecordingIsLeftAlone() throws Exception {
    RecordingHandle handle = new FileSystemRecordingStore(settings).create(ID, CALL_ID, INVITED);
    handle.openTrack(Fixtures.CALLER_TRACK).writeSilence(8000);
    handle.openTrack(Fixtures.AGENT_TRACK).writeSilence(8000);
    handle.finish(Fixtures.summary());
    Path sidecar = Path.of(handle.location()).resolve("metadata.json");
    byte[] before = Files.readAllBytes(sidecar);

    RecoveryPass.Report report = pass().run();

    assertThat(report.scanned()).isEqualTo(1);
    assertThat(report.recovered()).isEmpty();
    assertThat(sidecar).hasBinaryContent(before);
    assertThat(index.byId(ID)).isEmpty();
  }

  @Test
  void withoutAManifestTheTracksAndMetadataOnDiskAreStillRecovered() throws Exception {
    Path directory = killedMidCall(ID);
    Files.delete(directory.resolve("inflight.json")); // a crash before it was first written

    pass().run();

    JsonNode sidecar = sidecar(directory);
    assertThat(sidecar.get("status").asText()).isEqualTo("incomplete");
    assertThat(sidecar.get("callId").isNull()).isTrue();
    assertThat(sidecar.get("invitedAt").asText()).isEqualTo("2026-11-25T18:50:46Z"); // from the id
    assertThat(flags(sidecar)).anyMatch(f -> f.startsWith("manifest-missing"));
    assertThat(sidecar.get("tracks")).hasSize(2);
    assertThat(sidecar.get("tracks").get(1).get("samples").asLong()).isEqualTo(2048);
    assertThat(sidecar.get("tracks").get(1).get("participants").get(0).get("aor").asText())
        .isEqualTo(AGENT); // the label comes from the file name, the senders from the metadata
  }

  @Test
  void aCorruptManifestIsFlaggedAndKeptOutOfTheWay() throws Exception {
    Path directory = killedMidCall(ID);
    Files.writeString(directory.resolve("inflight.json"), "{\"schema\": \"srs.inflight/1\", tru");

    RecoveryPass.Report report = pass().run();

    assertThat(report.recovered()).hasSize(1);
    JsonNode sidecar = sidecar(directory);
    assertThat(flags(sidecar)).anyMatch(f -> f.startsWith("manifest-unreadable"));
    assertThat(sidecar.get("tracks")).hasSize(2);
  }

  @Test
  void aTrackThatIsNotAWavIsFlaggedAndKeptAsFoundWhileTheOthersAreRecovered() throws Exception {
    Path directory = killedMidCall(ID);
    Files.delete(directory.resolve("inflight.json"));
    byte[] junk = "not a wave file at all, but somebody's evidence".getBytes();
    Files.write(directory.resolve("track-2.wav"), junk);

    RecoveryPass.Report report = pass().run();

    assertThat(report.recovered()).hasSize(1);
    assertThat(report.recovered().get(0).problems())
        .anyMatch(p -> p.startsWith("track-unreadable: track-2.wav"));
    assertThat(directory.resolve("track-2.wav")).hasBinaryContent(junk);
    assertThat(sidecar(directory).get("tracks")).hasSize(2);
  }

  @Test
  void aDirectoryWithNothingInItIsStillFiledNotDeleted() throws Exception {
    Path directory =
        Path.of(new FileSystemRecordingStore(settings).create(ID, CALL_ID, INVITED).location());

    pass().run();

    JsonNode sidecar = sidecar(directory);
    assertThat(sidecar.get("callId").asText()).isEqualTo(CALL_ID);
    assertThat(flags(sidecar))
        .anyMatch(f -> f.startsWith("no-tracks"))
        .anyMatch(f -> f.equals("metadata-missing"));
  }

  @Test
  void directoriesThatAreNotRecordingsAreIgnored() throws Exception {
    Files.createDirectories(root.resolve("2026/11/25/lost+found"));
    Files.createDirectories(root.resolve("backup/2026/11/25"));
    Files.writeString(root.resolve("index.sqlite"), "");

    RecoveryPass.Report report = pass().run();

    assertThat(report.scanned()).isZero();
    assertThat(root.resolve("2026/11/25/lost+found/metadata.json")).doesNotExist();
  }
}
