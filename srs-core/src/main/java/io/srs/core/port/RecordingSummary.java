package io.srs.core.port;

import io.srs.core.media.Codec;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the sidecar says about a finished recording.
 *
 * @param callId the recording session's SIP Call-ID (RFC 7866: the RS, not the recorded CS)
 * @param fromUri the SRC's From URI
 * @param toUri the To URI (the SRS as addressed)
 * @param invitedAt when the INVITE arrived
 * @param answeredAt when we accepted it
 * @param mediaStartedAt the timeline origin (see {@link MediaReport#mediaStartedAt})
 * @param endedAt when the end (BYE, CANCEL, ...) arrived
 * @param endReason why it ended
 * @param duration the common track length
 * @param metadata the metadata model in force at the end
 * @param tracks one per recorded stream, in m-line order
 * @param declined the m-lines not recorded, and why
 */
public record RecordingSummary(
    RecordingId id,
    String callId,
    String fromUri,
    String toUri,
    Instant invitedAt,
    Instant answeredAt,
    Instant mediaStartedAt,
    Instant endedAt,
    EndReason endReason,
    Duration duration,
    RecordingMetadata metadata,
    List<TrackSummary> tracks,
    List<DeclinedStream> declined) {

  public RecordingSummary {
    tracks = List.copyOf(tracks);
    declined = List.copyOf(declined);
  }

  /**
   * One recorded stream.
   *
   * @param participants who sends on this stream according to the metadata (RFC 7865 §6.9)
   */
  public record TrackSummary(
      int streamIndex,
      String label,
      Codec codec,
      int payloadType,
      List<Participant> participants,
      StreamStats stats) {
    public TrackSummary {
      participants = List.copyOf(participants);
    }
  }

  /** An m-line we answered with port 0. */
  public record DeclinedStream(int streamIndex, String label, String reason) {}
}
