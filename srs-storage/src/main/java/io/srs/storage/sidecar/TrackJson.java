package io.srs.storage.sidecar;

import static io.srs.storage.sidecar.JsonValues.millis;
import static io.srs.storage.sidecar.JsonValues.ssrc;
import static io.srs.storage.sidecar.JsonValues.time;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.core.media.AudioEncoding;
import io.srs.core.port.GapCause;
import io.srs.core.port.RecordingSummary.Participation;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.port.StreamTimeline.DtmfEvent;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.core.port.StreamTimeline.SourceChange;
import io.srs.core.port.StreamTimeline.SsrcChange;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of {@code tracks[]}: the stored file, who was heard on it when, and the proof of
 * completeness (packets by RFC 3550 §A.3, every gap with its cause, SSRC changes, DTMF).
 */
final class TrackJson {

  private final JsonNodeFactory nodes;
  private final MetadataModelJson model;

  TrackJson(JsonNodeFactory nodes, MetadataModelJson model) {
    this.nodes = nodes;
    this.model = model;
  }

  ObjectNode track(TrackSummary track, TrackFile file) {
    ObjectNode node = nodes.objectNode();
    node.put("streamIndex", track.streamIndex());
    node.put("label", track.label()); // the SDP a=label as sent (RFC 4574), not sanitised
    node.put("file", file.fileName());
    node.put("codec", track.codec() == null ? null : track.codec().encodingName());
    node.put("payloadType", track.payloadType());
    if (track.srtp() == null) {
      node.putNull("srtp"); // plain RTP
    } else {
      // Which protection the stream arrived under: the suite and how it was keyed, never a key.
      node.putObject("srtp").put("suite", track.srtp().sdesName()).put("keying", "sdes");
    }
    node.put("encoding", encoding(file.encoding()));
    node.put("sampleRate", file.sampleRate());
    node.put("samples", file.samples());
    node.put("durationMs", millis(file.samples(), file.sampleRate()));
    node.put("bytes", file.bytes());
    node.put("sha256", file.sha256());
    ArrayNode senders = node.putArray("participants"); // who sends on it (RFC 7865 §6.9)
    track.participants().forEach(p -> senders.add(model.participantRef(p)));
    putStats(node, track.stats());
    node.set("participation", participation(track));
    int rate = timelineRate(track.timeline(), file);
    node.set("completeness", completeness(track.stats(), track.timeline(), rate));
    node.set("timeline", timeline(track.timeline(), rate));
    return node;
  }

  private void putStats(ObjectNode node, StreamStats stats) {
    if (stats == null) {
      node.putNull("packets");
      node.putNull("silenceSamples");
      node.putNull("firstSsrc");
      node.putNull("ssrcChanges");
      node.putNull("firstPacketAt");
      return;
    }
    node.putObject("packets")
        .put("received", stats.packetsReceived())
        .put("expected", stats.packetsExpected()) // RFC 3550 §A.3
        .put("lost", stats.packetsLost())
        .put("late", stats.packetsLate())
        .put("duplicate", stats.packetsDuplicate())
        .put("discarded", stats.packetsDiscarded())
        .put("authFailed", stats.packetsAuthFailed()) // SRTP tag or MKI wrong (RFC 3711 §3.3)
        .put("replayed", stats.packetsReplayed()); // SRTP replay list (RFC 3711 §3.3.2)
    node.put("silenceSamples", stats.silenceSamples());
    node.put("firstSsrc", ssrc(stats.firstSsrc()));
    node.put("ssrcChanges", stats.ssrcChanges()); // the count; the list is timeline.ssrcChanges
    node.put("firstPacketAt", time(stats.firstPacketAt()));
  }

  /** Who sent on the track when, on the recording's timeline: "A 0–95.3 s, B 95.3 s–end". */
  private ArrayNode participation(TrackSummary track) {
    ArrayNode array = nodes.arrayNode();
    for (Participation span : track.participation()) {
      ObjectNode node = array.addObject();
      node.put("participantId", span.participant().id());
      node.put("aor", span.participant().primaryAor());
      node.put("name", span.participant().displayName());
      node.put("fromMs", span.from() == null ? 0 : span.from().toMillis());
      if (span.to() == null) {
        node.putNull("toMs"); // to the end of the recording
      } else {
        node.put("toMs", span.to().toMillis());
      }
    }
    return array;
  }

  /**
   * Packet counts from the stats, silence by cause from the gaps: what lets a vault prove that
   * nothing else is missing. Null without stats; the gap sums are null without a timeline (unknown
   * is not zero).
   */
  private ObjectNode completeness(StreamStats stats, StreamTimeline timeline, int rate) {
    if (stats == null) {
      return null;
    }
    ObjectNode node = nodes.objectNode();
    node.put("packetsExpected", stats.packetsExpected());
    node.put("received", stats.packetsReceived());
    node.put("lost", stats.packetsLost());
    node.put("late", stats.packetsLate());
    node.put("duplicate", stats.packetsDuplicate());
    node.put("discarded", stats.packetsDiscarded());
    node.put("authFailed", stats.packetsAuthFailed());
    node.put("replayed", stats.packetsReplayed());
    if (timeline == null) {
      for (String key : new String[] {"lossGaps", "lossMs", "pauseMs", "holdMs", "dtxMs"}) {
        node.putNull(key);
      }
      return node;
    }
    Map<GapCause, Long> samples = new EnumMap<>(GapCause.class);
    long lossGaps = 0;
    for (Gap gap : timeline.gaps()) {
      samples.merge(gap.cause(), gap.length(), Long::sum);
      if (gap.cause() == GapCause.LOSS) {
        lossGaps++;
      }
    }
    node.put("lossGaps", lossGaps);
    node.put("lossMs", millis(samples.getOrDefault(GapCause.LOSS, 0L), rate));
    node.put("pauseMs", millis(samples.getOrDefault(GapCause.PAUSE, 0L), rate));
    node.put("holdMs", millis(samples.getOrDefault(GapCause.HOLD, 0L), rate));
    node.put("dtxMs", millis(samples.getOrDefault(GapCause.DTX, 0L), rate));
    return node;
  }

  /**
   * {@code {gaps, ssrcChanges, sourceChanges, dtmf}} with offsets in ms and samples, or null when
   * none given.
   */
  private ObjectNode timeline(StreamTimeline timeline, int rate) {
    if (timeline == null) {
      return null;
    }
    ObjectNode node = nodes.objectNode();
    ArrayNode gaps = node.putArray("gaps");
    for (Gap gap : timeline.gaps()) {
      gaps.addObject()
          .put("offsetMs", millis(gap.offset(), rate))
          .put("lengthMs", millis(gap.length(), rate))
          .put("offsetSamples", gap.offset())
          .put("lengthSamples", gap.length())
          .put("cause", JsonValues.cause(gap.cause()));
    }
    ArrayNode changes = node.putArray("ssrcChanges");
    for (SsrcChange change : timeline.ssrcChanges()) {
      changes
          .addObject()
          .put("offsetMs", millis(change.offset(), rate))
          .put("offsetSamples", change.offset())
          .put("previousSsrc", ssrc(change.previousSsrc()))
          .put("ssrc", ssrc(change.ssrc()))
          .put("at", time(change.at()));
    }
    ArrayNode sources = node.putArray("sourceChanges");
    for (SourceChange change : timeline.sourceChanges()) {
      sources
          .addObject()
          .put("offsetMs", millis(change.offset(), rate))
          .put("offsetSamples", change.offset())
          .put("previousSource", change.previousSource())
          .put("source", change.source())
          .put("at", time(change.at()));
    }
    ArrayNode dtmf = node.putArray("dtmf");
    for (DtmfEvent event : timeline.dtmf()) {
      ObjectNode e = dtmf.addObject();
      if (!event.masked()) {
        e.put("digit", String.valueOf(event.digit())); // RFC 4733 §3.2 event code as a key
      }
      e.put("offsetMs", millis(event.offset(), rate));
      e.put("durationMs", millis(event.length(), rate));
      e.put("masked", event.masked()); // PCI masking: no digit anywhere, the audio silenced
    }
    return node;
  }

  private static int timelineRate(StreamTimeline timeline, TrackFile file) {
    return timeline != null && timeline.sampleRate() > 0
        ? timeline.sampleRate()
        : file.sampleRate();
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
}
