package io.srs.core.port;

import io.srs.core.media.Codec;
import io.srs.core.media.SrtpSuite;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param metadata the metadata model in force at the end (every update merged)
 * @param tracks one per recorded stream, in m-line order
 * @param declined the m-lines not recorded, and why
 * @param fields normalised fields (agentId, conversationId, ani, dnis, ...), in a stable order
 * @param missingFields required fields no source supplied: the recording counts as a metadata
 *     mismatch
 * @param groupId the RFC 7865 group (or vendor call-group) id linking recordings of one call, or
 *     null
 * @param flags what an auditor should look at ({@code metadata-unusable: ...}, {@code
 *     label-unmatched: 3}, ...)
 * @param events the session's timeline: participants joining and leaving, pause and resume,
 *     metadata versions, in order
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
    List<DeclinedStream> declined,
    Map<String, String> fields,
    List<String> missingFields,
    String groupId,
    List<String> flags,
    List<TimelineEvent> events) {

  public RecordingSummary {
    tracks = List.copyOf(tracks);
    declined = List.copyOf(declined);
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    missingFields = List.copyOf(missingFields);
    flags = List.copyOf(flags);
    events = List.copyOf(events);
  }

  /** A summary without normalised fields, flags or session events. */
  public RecordingSummary(
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
    this(
        id,
        callId,
        fromUri,
        toUri,
        invitedAt,
        answeredAt,
        mediaStartedAt,
        endedAt,
        endReason,
        duration,
        metadata,
        tracks,
        declined,
        Map.of(),
        List.of(),
        null,
        List.of(),
        List.of());
  }

  /**
   * One recorded stream.
   *
   * @param participants who sends on this stream according to the metadata in force at the end (RFC
   *     7865 §6.9)
   * @param participation who sent on it when, over the whole call (transfers included)
   * @param timeline gaps, SSRC changes and DTMF on the stream, or null when the media side gave
   *     none
   * @param srtp the SRTP suite the stream arrived protected with (SDES, RFC 4568), or null for
   *     plain RTP; never any key
   */
  public record TrackSummary(
      int streamIndex,
      String label,
      Codec codec,
      int payloadType,
      List<Participant> participants,
      StreamStats stats,
      List<Participation> participation,
      StreamTimeline timeline,
      SrtpSuite srtp) {
    public TrackSummary {
      participants = List.copyOf(participants);
      participation = List.copyOf(participation);
    }

    /** A plain RTP track. */
    public TrackSummary(
        int streamIndex,
        String label,
        Codec codec,
        int payloadType,
        List<Participant> participants,
        StreamStats stats,
        List<Participation> participation,
        StreamTimeline timeline) {
      this(
          streamIndex,
          label,
          codec,
          payloadType,
          participants,
          stats,
          participation,
          timeline,
          null);
    }

    public TrackSummary(
        int streamIndex,
        String label,
        Codec codec,
        int payloadType,
        List<Participant> participants,
        StreamStats stats) {
      this(streamIndex, label, codec, payloadType, participants, stats, List.of(), null);
    }
  }

  /**
   * A participant heard on a track for a span of the recording.
   *
   * @param from offset from the recording's start
   * @param to offset where it ended, or null when it lasted to the end
   */
  public record Participation(Participant participant, Duration from, Duration to) {}

  /** An m-line we answered with port 0. */
  public record DeclinedStream(int streamIndex, String label, String reason) {}

  /**
   * A moment on the session's timeline.
   *
   * @param at when it happened (wall clock)
   * @param offset from the recording's start (negative before media started)
   * @param type {@code participant.joined}, {@code participant.left}, {@code stream.paused}, {@code
   *     stream.resumed}, {@code metadata.updated}, ...
   * @param streamIndex the stream concerned, or -1
   * @param participantId the participant concerned, or null
   * @param detail free text (an aor, a metadata version), or null
   */
  public record TimelineEvent(
      Instant at,
      Duration offset,
      String type,
      int streamIndex,
      String participantId,
      String detail) {}
}
