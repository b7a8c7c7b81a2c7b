package io.srs.storage.fs;

import static io.srs.storage.fs.Fixtures.CALL_ID;
import static io.srs.storage.fs.Fixtures.ID;
import static io.srs.storage.fs.Fixtures.INVITED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.StoredRecording;
import io.srs.core.port.StoredRecording.StoredTrack;
import io.srs.core.port.TrackSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole recording: two tracks, two metadata versions, finished into the vault. */
class FileSystemRecordingFinishTest {

  @TempDir Path root;
  private Path directory;
  private StoredRecording stored;
  private JsonNode sidecar;

  @BeforeEach
  void recordACall() throws Exception {
    RecordingHandle handle =
        new FileSystemRecordingStore(new StorageSettings(root, 1024)).create(ID, CALL_ID, INVITED);
    directory = Path.of(handle.location());
    handle.addMetadata(Fixtures.rawMetadata(1));
    TrackSink caller = handle.openTrack(Fixtures.CALLER_TRACK);
    TrackSink agent = handle.openTrack(Fixtures.AGENT_TRACK);
    byte[] packet = new byte[160];
    for (int i = 0; i < 50; i++) {
      packet[i % 160] = (byte) i;
      caller.write(packet, 0, packet.length);
    }
    agent.writeSilence(8000);
    handle.addMetadata(Fixtures.rawMetadata(2));

    stored = handle.finish(Fixtures.summary());
    sidecar = new ObjectMapper().readTree(directory.resolve("metadata.json").toFile());
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void trackHeadersArePatchedToTheirFinalSizes() throws Exception {
    ByteBuffer caller =
        ByteBuffer.wrap(Files.readAllBytes(directory.resolve("track-0-1.wav")))
            .order(ByteOrder.LITTLE_ENDIAN);

    assertThat(caller.capacity()).isEqualTo(58 + 8000);
    assertThat(caller.getInt(4)).isEqualTo(50 + 8000); // RIFF size
    assertThat(caller.getInt(46)).isEqualTo(8000); // fact dwSampleLength
    assertThat(caller.getInt(54)).isEqualTo(8000); // data size
  }

  @Test
  void storedRecordingDescribesEveryTrack() throws Exception {
    assertThat(stored.id()).isEqualTo(ID);
    assertThat(stored.location()).isEqualTo(directory.toString());
    assertThat(stored.sidecar()).isEqualTo("metadata.json");
    assertThat(stored.tracks())
        .containsExactly(
            new StoredTrack(
                0, "1", "track-0-1.wav", 8058, 8000, sha256(directory.resolve("track-0-1.wav"))),
            new StoredTrack(
                1, "2", "track-1-2.wav", 8058, 8000, sha256(directory.resolve("track-1-2.wav"))));
  }

  @Test
  void rawMetadataFilesAreByteIdenticalToWhatWasReceived() {
    assertThat(directory.resolve("metadata-001.xml")).hasBinaryContent(Fixtures.RAW_XML);
    assertThat(directory.resolve("metadata-002.xml")).hasBinaryContent(Fixtures.RAW_XML);
  }

  @Test
  void noTemporaryFilesRemain() throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "track-0-1.wav",
              "track-1-2.wav",
              "metadata-001.xml",
              "metadata-002.xml",
              "metadata.json");
    }
  }

  @Test
  void sidecarTopLevelFieldsComeInTheirStableOrder() {
    assertThat(fieldNames(sidecar))
        .containsExactly(
            "schema",
            "status",
            "recordingId",
            "callId",
            "from",
            "to",
            "invitedAt",
            "answeredAt",
            "mediaStartedAt",
            "endedAt",
            "endReason",
            "durationMs",
            "groupId",
            "fields",
            "missingFields",
            "metadataMatched",
            "flags",
            "participants",
            "tracks",
            "stereo",
            "declinedStreams",
            "events",
            "metadata",
            "metadataVersions");
  }

  @Test
  void sidecarCarriesNormalisedFieldsInOrderAndTheMatch() {
    assertThat(fieldNames(sidecar.get("fields")))
        .containsExactly("agentId", "conversationId", "ani", "dnis");
    assertThat(sidecar.get("fields").get("agentId").asText()).isEqualTo("agent42");
    assertThat(sidecar.get("missingFields")).isEmpty();
    assertThat(sidecar.get("metadataMatched").asBoolean()).isTrue();
    assertThat(sidecar.get("flags")).isEmpty();
    assertThat(sidecar.get("groupId").isNull()).isTrue();
  }

  @Test
  void sidecarWithoutStereoOutputSaysNullAndNoStereoFileIsWritten() {
    assertThat(sidecar.get("stereo").isNull()).isTrue();
    assertThat(directory.resolve("stereo.wav")).doesNotExist();
  }

  @Test
  void sidecarTrackProvesCompletenessFromStatsAndGaps() {
    JsonNode completeness = sidecar.get("tracks").get(0).get("completeness");

    assertThat(completeness.get("packetsExpected").asLong()).isEqualTo(51);
    assertThat(completeness.get("received").asLong()).isEqualTo(50);
    assertThat(completeness.get("lost").asLong()).isEqualTo(1);
    assertThat(completeness.get("lossGaps").asLong()).isEqualTo(1);
    assertThat(completeness.get("lossMs").asLong()).isEqualTo(20); // 160 samples at 8 kHz
    assertThat(completeness.get("pauseMs").asLong()).isZero();
    JsonNode gap = sidecar.get("tracks").get(0).get("timeline").get("gaps").get(0);
    assertThat(gap.get("offsetMs").asLong()).isEqualTo(500);
    assertThat(gap.get("cause").asText()).isEqualTo("loss");
  }

  @Test
  void sidecarListsSessionEvents() {
    JsonNode event = sidecar.get("events").get(0);

    assertThat(event.get("type").asText()).isEqualTo("metadata.updated");
    assertThat(event.get("at").asText()).isEqualTo("2026-11-25T18:50:47.120Z");
    assertThat(event.get("offsetMs").asLong()).isEqualTo(820);
    assertThat(event.get("streamIndex").isNull()).isTrue();
    assertThat(event.get("detail").asText()).isEqualTo("2");
  }

  @Test
  void sidecarCarriesTheCallAsIsoTimesAndMilliseconds() {
    assertThat(sidecar.get("schema").asText()).isEqualTo("srs.recording/1");
    assertThat(sidecar.get("status").asText()).isEqualTo("complete");
    assertThat(sidecar.get("recordingId").asText()).isEqualTo(ID.value());
    assertThat(sidecar.get("callId").asText()).isEqualTo(CALL_ID);
    assertThat(sidecar.get("from").asText()).isEqualTo("sip:src@sbc.example.com");
    assertThat(sidecar.get("to").asText()).isEqualTo("sip:srs@recorder.example.com");
    assertThat(sidecar.get("invitedAt").asText()).isEqualTo("2026-11-25T18:50:46.120Z");
    assertThat(sidecar.get("answeredAt").asText()).isEqualTo("2026-11-25T18:50:46.135Z");
    assertThat(sidecar.get("mediaStartedAt").asText()).isEqualTo("2026-11-25T18:50:46.300Z");
    assertThat(sidecar.get("endedAt").asText()).isEqualTo("2026-11-25T18:50:47.310Z");
    assertThat(sidecar.get("endReason").asText()).isEqualTo("bye");
    assertThat(sidecar.get("durationMs").isIntegralNumber()).isTrue();
    assertThat(sidecar.get("durationMs").asLong()).isEqualTo(1000);
  }

  @Test
  void sidecarListsParticipantsWithAllTheirNames() {
    JsonNode caller = sidecar.get("participants").get(0);

    assertThat(sidecar.get("participants")).hasSize(2);
    assertThat(caller.get("id").asText()).isEqualTo("cDQ=");
    assertThat(caller.get("aor").asText()).isEqualTo("sip:+15551230001@carrier.example.net");
    assertThat(caller.get("name").asText()).isEqualTo("Alice Caller");
    assertThat(caller.get("nameIds")).hasSize(2);
    assertThat(caller.get("nameIds").get(1).get("aor").asText()).isEqualTo("tel:+15551230001");
    assertThat(caller.get("nameIds").get(0).get("lang").asText()).isEqualTo("en");
    assertThat(sidecar.get("participants").get(1).get("name").asText()).isEqualTo("Agent 42");
  }

  @Test
  void sidecarTrackCarriesFileHashCodecAndCompleteness() throws Exception {
    JsonNode track = sidecar.get("tracks").get(0);

    assertThat(fieldNames(track))
        .containsExactly(
            "streamIndex",
            "label",
            "file",
            "codec",
            "payloadType",
            "srtp",
            "encoding",
            "sampleRate",
            "samples",
            "durationMs",
            "bytes",
            "sha256",
            "participants",
            "packets",
            "silenceSamples",
            "firstSsrc",
            "ssrcChanges",
            "firstPacketAt",
            "participation",
            "completeness",
            "timeline");
    assertThat(track.get("streamIndex").asInt()).isZero();
    assertThat(track.get("label").asText()).isEqualTo("1");
    assertThat(track.get("file").asText()).isEqualTo("track-0-1.wav");
    assertThat(track.get("codec").asText()).isEqualTo("PCMU");
    assertThat(track.get("payloadType").asInt()).isZero();
    assertThat(track.get("srtp").isNull()).isTrue(); // plain RTP
    assertThat(track.get("encoding").asText()).isEqualTo("mulaw");
    assertThat(track.get("sampleRate").asInt()).isEqualTo(8000);
    assertThat(track.get("samples").asLong()).isEqualTo(8000);
    assertThat(track.get("durationMs").asLong()).isEqualTo(1000);
    assertThat(track.get("bytes").asLong()).isEqualTo(8058);
    assertThat(track.get("sha256").asText()).isEqualTo(sha256(directory.resolve("track-0-1.wav")));
    assertThat(track.get("participants")).hasSize(1);
    assertThat(track.get("participants").get(0).get("id").asText()).isEqualTo("cDQ=");
    assertThat(track.get("participants").get(0).get("name").asText()).isEqualTo("Alice Caller");
    JsonNode packets = track.get("packets");
    assertThat(packets.get("received").asLong()).isEqualTo(50);
    assertThat(packets.get("expected").asLong()).isEqualTo(51);
    assertThat(packets.get("lost").asLong()).isEqualTo(1);
    assertThat(packets.get("late").asLong()).isZero();
    assertThat(packets.get("duplicate").asLong()).isZero();
    assertThat(packets.get("discarded").asLong()).isEqualTo(2);
    assertThat(packets.get("authFailed").asLong()).as("plain RTP: none").isZero();
    assertThat(packets.get("replayed").asLong()).isZero();
    assertThat(track.get("silenceSamples").asLong()).isEqualTo(160);
    assertThat(track.get("firstSsrc").asText()).isEqualTo("1234abcd");
    assertThat(track.get("ssrcChanges").asInt()).isZero();
    assertThat(track.get("firstPacketAt").asText()).isEqualTo("2026-11-25T18:50:46.300Z");
  }

  @Test
  void sidecarTrackWithoutPacketsHasNullSsrc() throws Exception {
    JsonNode agent = sidecar.get("tracks").get(1);

    assertThat(agent.get("codec").asText()).isEqualTo("PCMA");
    assertThat(agent.get("payloadType").asInt()).isEqualTo(8);
    assertThat(agent.get("srtp").get("suite").asText()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
    assertThat(agent.get("srtp").get("keying").asText()).isEqualTo("sdes");
    assertThat(fieldNames(agent.get("srtp"))).containsExactly("suite", "keying");
    assertThat(agent.get("encoding").asText()).isEqualTo("alaw");
    assertThat(agent.get("sha256").asText()).isEqualTo(sha256(directory.resolve("track-1-2.wav")));
    assertThat(agent.get("firstSsrc").isNull()).isTrue();
    assertThat(agent.get("firstPacketAt").isNull()).isTrue();
  }

  @Test
  void sidecarNamesDeclinedStreams() {
    JsonNode declined = sidecar.get("declinedStreams").get(0);

    assertThat(declined.get("streamIndex").asInt()).isEqualTo(2);
    assertThat(declined.get("label").asText()).isEqualTo("3");
    assertThat(declined.get("reason").asText()).contains("G729");
  }

  @Test
  void sidecarCarriesTheRfc7865Model() {
    JsonNode model = sidecar.get("metadata");

    assertThat(fieldNames(model))
        .containsExactly(
            "dataMode",
            "groups",
            "sessions",
            "participants",
            "streams",
            "sessionRecordingAssociations",
            "participantSessionAssociations",
            "participantStreamAssociations",
            "extensions");
    assertThat(model.get("dataMode").asText()).isEqualTo("complete");
    assertThat(model.get("sessions").get(0).get("sipSessionIds").get(0).asText())
        .isEqualTo("ab30317f1a784dc48ff824d0d3715d86");
    assertThat(model.get("participants")).hasSize(2);
    assertThat(model.get("streams").get(1).get("label").asText()).isEqualTo("2");
    JsonNode association = model.get("participantStreamAssociations").get(1);
    assertThat(association.get("participantId").asText()).isEqualTo("cDU=");
    assertThat(association.get("send").get(0).asText()).isEqualTo("c3Qy");
    assertThat(association.get("recv").get(0).asText()).isEqualTo("c3Qx");
  }

  @Test
  void sidecarListsEveryMetadataVersionWithItsHash() throws Exception {
    JsonNode versions = sidecar.get("metadataVersions");

    assertThat(versions).hasSize(2);
    JsonNode second = versions.get(1);
    assertThat(second.get("version").asInt()).isEqualTo(2);
    assertThat(second.get("receivedAt").asText()).isEqualTo("2026-11-25T18:50:47.120Z");
    assertThat(second.get("contentType").asText()).isEqualTo("application/rs-metadata+xml");
    assertThat(second.get("file").asText()).isEqualTo("metadata-002.xml");
    assertThat(second.get("bytes").asLong()).isEqualTo(Fixtures.RAW_XML.length);
    assertThat(second.get("sha256").asText())
        .isEqualTo(sha256(directory.resolve("metadata-002.xml")));
  }
}
