package io.srs.storage.sidecar;

import static io.srs.storage.sidecar.JsonValues.strings;
import static io.srs.storage.sidecar.JsonValues.time;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.DeclinedStream;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.session.EndReason;
import io.srs.storage.RecordingStatus;
import io.srs.storage.SummaryFacts;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code metadata.json}, schema {@value #SCHEMA}. The JSON is built field by field from
 * core's records, never by serialising them, so the schema is ours: field order is fixed, times are
 * ISO-8601 UTC strings, durations are milliseconds, absent values are {@code null}. Pure: no I/O.
 * Fields are only ever added (readers look them up by name); renaming or retyping one is a schema
 * change and bumps {@link #SCHEMA}.
 */
public final class SidecarWriter {

  /** Bumped on any incompatible change to the document's shape; additions keep it. */
  public static final String SCHEMA = "srs.recording/1";

  /** {@link RecordingStatus#COMPLETE}'s spelling. */
  public static final String STATUS_COMPLETE = RecordingStatus.COMPLETE.value();

  /** {@link RecordingStatus#INCOMPLETE}'s spelling. */
  public static final String STATUS_INCOMPLETE = RecordingStatus.INCOMPLETE.value();

  /** The flag a skipped stereo output raises, followed by the reason. */
  public static final String FLAG_STEREO_SKIPPED = "stereo-skipped: ";

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final MetadataModelJson model = new MetadataModelJson(nodes);
  private final TrackJson tracks = new TrackJson(nodes, model);
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

  /** The status a summary is filed under; the rule is {@link RecordingStatus#of}'s. */
  public static String status(EndReason reason) {
    return RecordingStatus.of(reason).value();
  }

  /** The sidecar's bytes (UTF-8, ending in a newline), without stereo output. */
  public byte[] render(
      RecordingSummary summary, List<TrackFile> trackFiles, List<MetadataFile> metadataFiles)
      throws IOException {
    return render(summary, trackFiles, metadataFiles, null);
  }

  /**
   * The sidecar's bytes (UTF-8, ending in a newline).
   *
   * @param stereo what became of {@code stereo.wav}, or null when it was not asked for
   */
  public byte[] render(
      RecordingSummary summary,
      List<TrackFile> trackFiles,
      List<MetadataFile> metadataFiles,
      StereoOutcome stereo)
      throws IOException {
    byte[] json = writer.writeValueAsBytes(toTree(summary, trackFiles, metadataFiles, stereo));
    byte[] withNewline = Arrays.copyOf(json, json.length + 1);
    withNewline[json.length] = '\n';
    return withNewline;
  }

  /** The sidecar as a tree, without stereo output. */
  public ObjectNode toTree(
      RecordingSummary summary, List<TrackFile> trackFiles, List<MetadataFile> metadataFiles) {
    return toTree(summary, trackFiles, metadataFiles, null);
  }

  /**
   * The sidecar as a tree.
   *
   * @param stereo what became of {@code stereo.wav}, or null when it was not asked for
   * @throws IllegalArgumentException when a summary track has no stored file
   */
  public ObjectNode toTree(
      RecordingSummary summary,
      List<TrackFile> trackFiles,
      List<MetadataFile> metadataFiles,
      StereoOutcome stereo) {
    RecordingMetadata metadata =
        summary.metadata() == null ? RecordingMetadata.EMPTY : summary.metadata();
    ObjectNode root = nodes.objectNode();
    root.put("schema", SCHEMA);
    root.put("status", status(summary.endReason()));
    root.put("recordingId", summary.id().value());
    root.put("callId", summary.callId()); // the recording session's Call-ID (RFC 7866)
    root.put("from", summary.fromUri());
    root.put("to", summary.toUri());
    root.put("invitedAt", time(summary.invitedAt()));
    root.put("answeredAt", time(summary.answeredAt()));
    root.put("mediaStartedAt", time(summary.mediaStartedAt()));
    root.put("endedAt", time(summary.endedAt()));
    root.put("endReason", SummaryFacts.endReason(summary.endReason()));
    root.set("durationMs", millis(summary.duration()));
    // Links recordings of one call (RFC 7865 §6.2 group; a transfer by BYE + new INVITE).
    root.put("groupId", SummaryFacts.groupId(summary));
    ObjectNode fields = root.putObject("fields");
    for (Map.Entry<String, String> field : summary.fields().entrySet()) {
      fields.put(field.getKey(), field.getValue());
    }
    strings(root.putArray("missingFields"), summary.missingFields());
    root.put("metadataMatched", SummaryFacts.metadataMatched(summary)); // the match rate's unit
    ArrayNode flags = strings(root.putArray("flags"), summary.flags());
    if (stereo != null && !stereo.written()) {
      flags.add(FLAG_STEREO_SKIPPED + stereo.skipped());
    }
    root.set("participants", model.participants(metadata));
    ArrayNode trackArray = root.putArray("tracks");
    for (TrackSummary track : summary.tracks()) {
      trackArray.add(tracks.track(track, fileFor(track.streamIndex(), trackFiles)));
    }
    root.set("stereo", stereo == null ? nodes.nullNode() : stereo(stereo));
    ArrayNode declined = root.putArray("declinedStreams");
    for (DeclinedStream stream : summary.declined()) {
      declined
          .addObject()
          .put("streamIndex", stream.streamIndex())
          .put("label", stream.label())
          .put("reason", stream.reason());
    }
    root.set("events", events(summary.events()));
    root.set("metadata", model.model(metadata));
    root.set("metadataVersions", versions(metadataFiles));
    return root;
  }

  private ObjectNode stereo(StereoOutcome stereo) {
    ObjectNode node = nodes.objectNode();
    node.put("file", stereo.fileName());
    node.put("skipped", stereo.skipped());
    if (!stereo.written()) {
      return node;
    }
    node.put("encoding", "pcm16");
    node.put("sampleRate", stereo.sampleRate());
    node.put("samples", stereo.samples());
    node.put("bytes", stereo.bytes());
    node.put("sha256", stereo.sha256());
    node.put("order", stereo.order()); // "ani" or "streamIndex": docs/recording-format.md
    ArrayNode channels = node.putArray("channels");
    for (StereoOutcome.Channel channel : stereo.channels()) {
      ObjectNode c =
          channels
              .addObject()
              .put("channel", channel.channel())
              .put("streamIndex", channel.streamIndex())
              .put("label", channel.label());
      ArrayNode participants = c.putArray("participants");
      channel.participants().forEach(p -> participants.add(model.participantRef(p)));
    }
    return node;
  }

  /** The session's timeline in the order core gives it (participants, pause, metadata). */
  private ArrayNode events(List<TimelineEvent> events) {
    ArrayNode array = nodes.arrayNode();
    for (TimelineEvent event : events) {
      ObjectNode node = array.addObject();
      node.put("at", time(event.at()));
      node.set("offsetMs", millis(event.offset())); // negative before media started
      node.put("type", event.type());
      if (event.streamIndex() < 0) {
        node.putNull("streamIndex");
      } else {
        node.put("streamIndex", event.streamIndex());
      }
      node.put("participantId", event.participantId());
      node.put("detail", event.detail());
    }
    return array;
  }

  private ArrayNode versions(List<MetadataFile> metadataFiles) {
    ArrayNode versions = nodes.arrayNode();
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
    return versions;
  }

  private static TrackFile fileFor(int streamIndex, List<TrackFile> files) {
    for (TrackFile file : files) {
      if (file.streamIndex() == streamIndex) {
        return file;
      }
    }
    throw new IllegalArgumentException("no stored file for track " + streamIndex);
  }

  private JsonNode millis(Duration duration) {
    return duration == null ? nodes.nullNode() : nodes.numberNode(duration.toMillis());
  }
}
