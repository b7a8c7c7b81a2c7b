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

  /** A recording lies in the vault, complete. */
  record Completed(
      RecordingId id,
      String callId,
      String location,
      Duration duration,
      EndReason reason,
      List<TrackParties> tracks)
      implements RecordingEvent {
    @Override
    public String name() {
      return "recording.completed";
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
