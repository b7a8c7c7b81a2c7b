package io.srs.core.service;

import io.srs.core.fields.FieldExtractor;
import io.srs.core.fields.FieldSources;
import io.srs.core.fields.NormalisedFields;
import io.srs.core.media.StreamPlan;
import io.srs.core.metadata.ParticipationTimeline;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaReport;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.DeclinedStream;
import io.srs.core.port.RecordingSummary.Participation;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.session.RecordingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the sidecar's content from a finished session and what its media saw. */
final class SummaryBuilder {
  private final FieldExtractor extractor;
  private final List<String> requiredFields;

  SummaryBuilder(FieldExtractor extractor, List<String> requiredFields) {
    this.extractor = extractor;
    this.requiredFields = List.copyOf(requiredFields);
  }

  NormalisedFields fields(RecordingSession session) {
    return extractor.extract(
        new FieldSources(
            session.metadata(),
            session.rawMetadata(),
            session.headers(),
            session.fromUri(),
            session.toUri()));
  }

  List<String> missing(NormalisedFields fields) {
    List<String> missing = new ArrayList<>();
    for (String required : requiredFields) {
      String value = fields.values().get(required);
      if (value == null || value.isBlank()) {
        missing.add(required);
      }
    }
    return missing;
  }

  RecordingSummary build(RecordingSession session, MediaReport report) {
    RecordingMetadata metadata = session.metadata();
    Instant origin =
        report.mediaStartedAt() != null ? report.mediaStartedAt() : session.answeredAt();
    List<TrackSummary> tracks = new ArrayList<>();
    List<DeclinedStream> declined = new ArrayList<>();
    for (StreamPlan plan : session.currentPlans()) {
      if (plan.isRecorded()) {
        tracks.add(
            new TrackSummary(
                plan.index(),
                plan.label(),
                plan.codec(),
                plan.payloadType(),
                metadata.sendersOnLabel(plan.label()),
                statsFor(report, plan.index()),
                participation(session, plan.label(), origin),
                timelineFor(report, plan.index()),
                plan.isSecure() ? plan.srtp().suite() : null));
      } else {
        declined.add(new DeclinedStream(plan.index(), plan.label(), plan.declineReason()));
      }
    }
    NormalisedFields fields = fields(session);
    String groupId = fields.values().get("groupId");
    if (groupId == null) {
      groupId = metadata.groupId();
    }
    List<String> flags = new ArrayList<>(session.flags());
    List<String> missing = missing(fields);
    for (String field : missing) {
      flags.add("missing-field: " + field);
    }
    return new RecordingSummary(
        session.id(),
        session.callId(),
        session.fromUri(),
        session.toUri(),
        session.invitedAt(),
        session.answeredAt(),
        report.mediaStartedAt(),
        session.endedAt(),
        session.endReason(),
        report.timelineLength() == null ? Duration.ZERO : report.timelineLength(),
        metadata,
        tracks,
        declined,
        fields.values(),
        missing,
        groupId,
        flags,
        rebase(session.events(), origin));
  }

  private static List<Participation> participation(
      RecordingSession session, String label, Instant origin) {
    List<Participation> spans = new ArrayList<>();
    for (ParticipationTimeline.Span span :
        ParticipationTimeline.forLabel(session.metadataHistory(), label, origin)) {
      spans.add(new Participation(span.participant(), span.from(), span.to()));
    }
    return spans;
  }

  /** Events carry offsets from the recording's start, known only once media has started. */
  private static List<TimelineEvent> rebase(List<TimelineEvent> events, Instant origin) {
    List<TimelineEvent> rebased = new ArrayList<>(events.size());
    for (TimelineEvent event : events) {
      rebased.add(
          new TimelineEvent(
              event.at(),
              Duration.between(origin, event.at()),
              event.type(),
              event.streamIndex(),
              event.participantId(),
              event.detail()));
    }
    return rebased;
  }

  private static StreamStats statsFor(MediaReport report, int index) {
    for (StreamStats stats : report.streams()) {
      if (stats.streamIndex() == index) {
        return stats;
      }
    }
    throw new IllegalStateException("media report lacks stream " + index);
  }

  private static StreamTimeline timelineFor(MediaReport report, int index) {
    for (StreamTimeline timeline : report.timelines()) {
      if (timeline.streamIndex() == index) {
        return timeline;
      }
    }
    return null;
  }
}
