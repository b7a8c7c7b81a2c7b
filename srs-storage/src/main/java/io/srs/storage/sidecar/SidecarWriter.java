package io.srs.storage.sidecar;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.core.media.AudioEncoding;
import io.srs.core.metadata.MetadataSession;
import io.srs.core.metadata.MetadataStream;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.ParticipantStreamAssociation;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.DeclinedStream;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StreamStats;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@code metadata.json}, schema {@value #SCHEMA}. The JSON is built field by field from
 * core's records, never by serialising them, so the schema is ours: field order is fixed, times are
 * ISO-8601 UTC strings, durations are milliseconds, absent values are {@code null}. Pure: no I/O.
 * The meaning of every field is written beside the code that emits it; renaming one is a schema
 * change.
 */
public final class SidecarWriter {

  /** Bumped on any incompatible change to the document's shape. */
  public static final String SCHEMA = "srs.recording/1";

  /** The status of a recording finalised normally (recovery writes {@code incomplete}). */
  public static final String STATUS_COMPLETE = "complete";

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final ObjectWriter writer;

  public SidecarWriter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    this.writer = new ObjectMapper().writer(printer);
  }

  /** The sidecar's bytes (UTF-8, ending in a newline). */
  public byte[] render(
      RecordingSummary summary, List<TrackFile> trackFiles, List<MetadataFile> metadataFiles)
      throws IOException {
    byte[] json = writer.writeValueAsBytes(toTree(summary, trackFiles, metadataFiles));
    byte[] withNewline = Arrays.copyOf(json, json.length + 1);
    withNewline[json.length] = '\n';
    return withNewline;
  }

  /**
   * The sidecar as a tree.
   *
   * @throws IllegalArgumentException when a summary track has no stored file
   */
  public ObjectNode toTree(
      RecordingSummary summary, List<TrackFile> trackFiles, List<MetadataFile> metadataFiles) {
    ObjectNode root = nodes.objectNode();
    root.put("schema", SCHEMA);
    root.put("status", STATUS_COMPLETE);
    root.put("recordingId", summary.id().value());
    root.put("callId", summary.callId()); // the recording session's Call-ID (RFC 7866)
    root.put("from", summary.fromUri());
    root.put("to", summary.toUri());
    root.put("invitedAt", time(summary.invitedAt()));
    root.put("answeredAt", time(summary.answeredAt()));
    root.put("mediaStartedAt", time(summary.mediaStartedAt()));
    root.put("endedAt", time(summary.endedAt()));
    root.put(
        "endReason",
        summary.endReason() == null ? null : summary.endReason().name().toLowerCase(Locale.ROOT));
    root.set("durationMs", millis(summary.duration()));
    RecordingMetadata metadata =
        summary.metadata() == null ? RecordingMetadata.EMPTY : summary.metadata();
    ArrayNode participants = root.putArray("participants");
    for (Participant participant : metadata.participants()) {
      ObjectNode node = participantRef(participant);
      node.set("nameIds", nameIds(participant.nameIds()));
      participants.add(node);
    }
    ArrayNode tracks = root.putArray("tracks");
    for (TrackSummary track : summary.tracks()) {
      tracks.add(track(track, fileFor(track.streamIndex(), trackFiles)));
    }
    ArrayNode declined = root.putArray("declinedStreams");
    for (DeclinedStream stream : summary.declined()) {
      declined
          .addObject()
          .put("streamIndex", stream.streamIndex())
          .put("label", stream.label())
          .put("reason", stream.reason());
    }
    root.set("metadata", metadataModel(metadata));
    ArrayNode versions = root.putArray("metadataVersions");
    metadataFiles.stream()
        .sorted(Comparator.comparingInt(MetadataFile::version))
        .forEach(
            file ->
                versions
                    .addObject()
                    .put("version", file.version())
                    .put("receivedAt", time(file.receivedAt()))
                    .put("contentType", file.contentType())
                    .put("file", file.fileName())
                    .put("bytes", file.bytes())
                    .put("sha256", file.sha256()));
    return root;
  }

  private ObjectNode track(TrackSummary track, TrackFile file) {
    ObjectNode node = nodes.objectNode();
    node.put("streamIndex", track.streamIndex());
    node.put("label", track.label()); // the SDP a=label as sent (RFC 4574), not sanitised
    node.put("file", file.fileName());
    node.put("codec", track.codec() == null ? null : track.codec().encodingName());
    node.put("payloadType", track.payloadType());
    node.put("encoding", encoding(file.encoding()));
    node.put("sampleRate", file.sampleRate());
    node.put("samples", file.samples());
    node.put("durationMs", file.samples() * 1000 / file.sampleRate());
    node.put("bytes", file.bytes());
    node.put("sha256", file.sha256());
    ArrayNode senders = node.putArray("participants"); // who sends on it (RFC 7865 §6.9)
    track.participants().forEach(p -> senders.add(participantRef(p)));
    StreamStats stats = track.stats();
    if (stats == null) {
      node.putNull("packets");
      node.putNull("silenceSamples");
      node.putNull("firstSsrc");
      node.putNull("ssrcChanges");
      node.putNull("firstPacketAt");
      return node;
    }
    node.putObject("packets")
        .put("received", stats.packetsReceived())
        .put("expected", stats.packetsExpected()) // RFC 3550 §A.3
        .put("lost", stats.packetsLost())
        .put("late", stats.packetsLate())
        .put("duplicate", stats.packetsDuplicate())
        .put("discarded", stats.packetsDiscarded());
    node.put("silenceSamples", stats.silenceSamples());
    node.put(
        "firstSsrc",
        stats.firstSsrc() < 0 ? null : String.format(Locale.ROOT, "%08x", stats.firstSsrc()));
    node.put("ssrcChanges", stats.ssrcChanges());
    node.put("firstPacketAt", time(stats.firstPacketAt()));
    return node;
  }

  private ObjectNode participantRef(Participant participant) {
    ObjectNode node = nodes.objectNode();
    node.put("id", participant.id());
    node.put("aor", participant.primaryAor());
    node.put("name", participant.displayName());
    return node;
  }

  private ArrayNode nameIds(List<NameId> nameIds) {
    ArrayNode array = nodes.arrayNode();
    for (NameId nameId : nameIds) {
      array
          .addObject()
          .put("aor", nameId.aor())
          .put("name", nameId.name())
          .put("lang", nameId.nameLang());
    }
    return array;
  }

  /** The RFC 7865 model in force at the end, element by element (§6). */
  private ObjectNode metadataModel(RecordingMetadata metadata) {
    ObjectNode node = nodes.objectNode();
    node.put("dataMode", metadata.dataMode() == null ? null : metadata.dataMode().wireValue());
    ArrayNode sessions = node.putArray("sessions");
    for (MetadataSession session : metadata.sessions()) {
      ObjectNode s = sessions.addObject().put("id", session.id());
      ArrayNode ids = s.putArray("sipSessionIds");
      session.sipSessionIds().forEach(ids::add);
      s.put("groupRef", session.groupRef());
    }
    ArrayNode participants = node.putArray("participants");
    for (Participant participant : metadata.participants()) {
      participants
          .addObject()
          .put("id", participant.id())
          .set("nameIds", nameIds(participant.nameIds()));
    }
    ArrayNode streams = node.putArray("streams");
    for (MetadataStream stream : metadata.streams()) {
      streams
          .addObject()
          .put("id", stream.id())
          .put("sessionId", stream.sessionId())
          .put("label", stream.label());
    }
    ArrayNode associations = node.putArray("participantStreamAssociations");
    for (ParticipantStreamAssociation association : metadata.participantStreams()) {
      ObjectNode a = associations.addObject().put("participantId", association.participantId());
      ArrayNode send = a.putArray("send");
      association.send().forEach(send::add);
      ArrayNode recv = a.putArray("recv");
      association.recv().forEach(recv::add);
    }
    return node;
  }

  private static TrackFile fileFor(int streamIndex, List<TrackFile> files) {
    for (TrackFile file : files) {
      if (file.streamIndex() == streamIndex) {
        return file;
      }
    }
    throw new IllegalArgumentException("no stored file for track " + streamIndex);
  }

  /** Our names for stored encodings, spelled out so a rename in core does not change them. */
  private static String encoding(AudioEncoding encoding) {
    return switch (encoding) {
      case MULAW -> "mulaw";
      case ALAW -> "alaw";
      case PCM16 -> "pcm16";
      default -> encoding.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString(); // ISO-8601, UTC ('Z')
  }

  private JsonNode millis(Duration duration) {
    return duration == null ? nodes.nullNode() : nodes.numberNode(duration.toMillis());
  }
}
