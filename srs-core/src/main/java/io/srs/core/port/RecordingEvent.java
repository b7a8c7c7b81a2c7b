package io.srs.core.port;

import io.srs.core.metadata.Participant;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.util.List;

/**
 * The events operators follow ({@code tail -f | grep recording.}). Each carries what a log line
 * needs so listeners never reach back into a live session.
 */
public sealed interface RecordingEvent {

  /** The log event name: {@code recording.started}, ... */
  String name();

  RecordingId id();

  /** A recording began: the call was answered and acknowledged. */
  record Started(RecordingId id, String callId, String location, List<TrackParties> tracks)
      implements RecordingEvent {
    @Override
    public String name() {
      return "recording.started";
    }
  }

  /**
   * A recording lies in the vault, complete.
   *
   * @param fields the normalised fields found
   * @param missingFields required fields not found (empty: a metadata match)
   * @param flags what an auditor should look at
   * @param srsLatency from the end of the call (BYE) to the recording being findable in the index:
   *     the "SRS latency" KPI; null when not measured
   * @param streamStats what the media side counted per recorded stream (packets, silence), for
   *     metrics; empty when not known
   * @param timelines per recorded stream: gaps with their cause, for metrics; empty when not known
   */
  record Completed(
      RecordingId id,
      String callId,
      String location,
      Duration duration,
      EndReason reason,
      List<TrackParties> tracks,
      java.util.Map<String, String> fields,
      List<String> missingFields,
      List<String> flags,
      Duration srsLatency,
      List<StreamStats> streamStats,
      List<StreamTimeline> timelines)
      implements RecordingEvent {
    public Completed {
      tracks = List.copyOf(tracks);
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
      missingFields = List.copyOf(missingFields);
      flags = List.copyOf(flags);
      streamStats = List.copyOf(streamStats);
      timelines = List.copyOf(timelines);
    }

    /** True when every required normalised field was found: the metadata match rate's unit. */
    public boolean metadataMatched() {
      return missingFields.isEmpty();
    }

    @Override
    public String name() {
      return "recording.completed";
    }
  }

  /** The participants changed (metadata update: a transfer, a conference join). */
  record Updated(RecordingId id, String callId, int metadataVersion, List<TrackParties> tracks)
      implements RecordingEvent {
    @Override
    public String name() {
      return "recording.updated";
    }
  }

  /** The SRC paused recording of some streams (RFC 7866 §8.1.3). */
  record Paused(RecordingId id, String callId, List<Integer> streams) implements RecordingEvent {
    public Paused {
      streams = List.copyOf(streams);
    }

    @Override
    public String name() {
      return "recording.paused";
    }
  }

  /** The SRC resumed recording of some streams. */
  record Resumed(RecordingId id, String callId, List<Integer> streams) implements RecordingEvent {
    public Resumed {
      streams = List.copyOf(streams);
    }

    @Override
    public String name() {
      return "recording.resumed";
    }
  }

  /**
   * A recording left in flight by a process that died (kill -9, crash, power loss) was finalised by
   * the start-up recovery pass: its tracks repaired and hashed, its sidecar written with status
   * {@code incomplete} and end reason {@code recovered}, and it was indexed.
   *
   * @param callId the recording session's Call-ID, or null when nothing on disk named it
   * @param duration the longest track's length as recovered
   * @param problems what recovery found wrong (a repaired header, an unreadable file), for the log
   */
  record Recovered(
      RecordingId id,
      String callId,
      String location,
      Duration duration,
      List<TrackParties> tracks,
      List<String> problems)
      implements RecordingEvent {
    public Recovered {
      tracks = List.copyOf(tracks);
      problems = List.copyOf(problems);
    }

    @Override
    public String name() {
      return "recording.recovered";
    }
  }

  /** A recording could not be stored completely. */
  record Failed(RecordingId id, String callId, String location, String cause)
      implements RecordingEvent {
    @Override
    public String name() {
      return "recording.failed";
    }
  }

  /**
   * A call the coordinator refused: no recording exists, so {@link #id()} is null. SIP-level
   * refusals before the coordinator is asked (400 malformed, 403, 415) are not reported here.
   *
   * @param callId the refused INVITE's Call-ID
   * @param status the SIP status answered (400, 488, 503)
   * @param reason why, from a closed set (a metric label)
   * @param detail the reason phrase or warning text sent, for the log line
   */
  record Rejected(String callId, int status, RejectReason reason, String detail)
      implements RecordingEvent {
    public Rejected {
      java.util.Objects.requireNonNull(reason, "reason");
    }

    /** Always null: a refused call has no recording. */
    @Override
    public RecordingId id() {
      return null;
    }

    @Override
    public String name() {
      return "recording.rejected";
    }
  }

  /** Why the coordinator refused a call: a closed set, so metrics stay bounded. */
  enum RejectReason {
    /** SIGTERM received: the recorder is draining (503). */
    DRAINING("draining"),
    /** limits.max-sessions reached (503). */
    AT_CAPACITY("at-capacity"),
    /** The vault could not create the recording (503). */
    STORAGE_UNAVAILABLE("storage-unavailable"),
    /** No RTP port block could be bound (503). */
    MEDIA_PORTS_UNAVAILABLE("media-ports-unavailable"),
    /** No m-line with a codec we record (488, RFC 3261 §21.4.26). */
    NO_RECORDABLE_MEDIA("no-recordable-media"),
    /** metadata.policy strict and the metadata was missing or unusable (400). */
    METADATA_UNUSABLE("metadata-unusable"),
    /** The SIP side refused a malformed request: body, SDP or headers (400). */
    MALFORMED_REQUEST("malformed-request"),
    /** An INVITE that is not SIPREC (403): no Require: siprec, +sip.src or metadata. */
    NOT_SIPREC("not-siprec"),
    /** A body or metadata part over its named bound (413). */
    TOO_LARGE("too-large"),
    /** A body type, option-tag or session interval we do not support (415, 420, 422). */
    UNSUPPORTED("unsupported"),
    /** The SIP side's own bounded queues were full (503). */
    SIP_OVERLOAD("sip-overload"),
    /** An INVITE from an address outside sip.allowed-sources (403). */
    SOURCE_NOT_ALLOWED("source-not-allowed");

    private final String label;

    RejectReason(String label) {
      this.label = label;
    }

    /** The lower-case name used in log lines and metric labels. */
    public String label() {
      return label;
    }
  }

  /** Which participants speak on a track, for log lines. */
  record TrackParties(int streamIndex, String label, List<Participant> participants) {
    public TrackParties {
      participants = List.copyOf(participants);
    }
  }
}
