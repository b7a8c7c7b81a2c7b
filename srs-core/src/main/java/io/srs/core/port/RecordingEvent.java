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
      Duration srsLatency)
      implements RecordingEvent {
    public Completed {
      tracks = List.copyOf(tracks);
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
      missingFields = List.copyOf(missingFields);
      flags = List.copyOf(flags);
    }

    /** A completion whose time to findable was not measured. */
    public Completed(
        RecordingId id,
        String callId,
        String location,
        Duration duration,
        EndReason reason,
        List<TrackParties> tracks,
        java.util.Map<String, String> fields,
        List<String> missingFields,
        List<String> flags) {
      this(id, callId, location, duration, reason, tracks, fields, missingFields, flags, null);
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

  /** A recording could not be stored completely. */
  record Failed(RecordingId id, String callId, String location, String cause)
      implements RecordingEvent {
    @Override
    public String name() {
      return "recording.failed";
    }
  }

  /** Which participants speak on a track, for log lines. */
  record TrackParties(int streamIndex, String label, List<Participant> participants) {
    public TrackParties {
      participants = List.copyOf(participants);
    }
  }
}
