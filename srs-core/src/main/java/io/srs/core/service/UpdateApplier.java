package io.srs.core.service;

import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedFormat;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.SdesNegotiator;
import io.srs.core.media.StreamPlan;
import io.srs.core.metadata.MetadataMerger;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.GapCause;
import io.srs.core.port.RawMetadata;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.service.RecordingOptions.MetadataPolicy;
import io.srs.core.session.RecordingSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies a re-INVITE, UPDATE or BYE-with-metadata to a live session: keeps the raw metadata
 * version, merges it (RFC 7865 §6.1), records who joined and left which stream, and applies
 * direction changes (pause and resume, RFC 7866 §8.1.3) without touching the timeline's origin, and
 * SRTP re-keying ({@link SrtpReoffer}).
 */
final class UpdateApplier {
  private final MetadataPolicy policy;
  private final Consumer<RecordingEvent> publish;
  private final SdesNegotiator sdes;

  UpdateApplier(MetadataPolicy policy, Consumer<RecordingEvent> publish, SdesNegotiator sdes) {
    this.policy = policy;
    this.publish = publish;
    this.sdes = sdes;
  }

  synchronized UpdateDecision apply(RecordingSession session, SessionUpdate update) {
    if (update.hasMetadata()) {
      UpdateDecision.Refused refused = applyMetadata(session, update);
      if (refused != null) {
        return refused;
      }
    }
    if (!update.hasOffer()) {
      return new UpdateDecision.Applied(List.of());
    }
    return new UpdateDecision.Applied(applyOffer(session, update));
  }

  private UpdateDecision.Refused applyMetadata(RecordingSession session, SessionUpdate update) {
    if (update.metadata() == null && policy == MetadataPolicy.STRICT) {
      return new UpdateDecision.Refused(
          400, "Bad Request - unusable metadata: " + update.metadataProblem(), 0, null);
    }
    int version = session.nextMetadataVersion();
    try {
      session
          .handle()
          .addMetadata(
              new RawMetadata(
                  version,
                  update.receivedAt(),
                  update.metadataContentType(),
                  update.metadataBody()));
    } catch (IOException e) {
      // Nothing changes: the SRC may retry, and the version we could not keep is not merged.
      return new UpdateDecision.Refused(
          500, "Server Internal Error - metadata version could not be stored", 0, null);
    }
    RecordingMetadata before = session.metadata();
    RecordingMetadata merged =
        update.metadata() == null ? before : MetadataMerger.merge(before, update.metadata());
    if (update.metadata() == null) {
      session.flag("metadata-unusable: version " + version + ": " + update.metadataProblem());
    }
    session.addMetadata(update.receivedAt(), update.metadataBody(), merged);
    session.addEvent(
        event(session, update.receivedAt(), "metadata.updated", -1, null, "version " + version));
    boolean changed = recordParticipantChanges(session, before, merged, update.receivedAt());
    if (changed) {
      publish.accept(
          new RecordingEvent.Updated(
              session.id(), session.callId(), version, RecordingCoordinator.parties(session)));
    }
    return null;
  }

  private boolean recordParticipantChanges(
      RecordingSession session, RecordingMetadata before, RecordingMetadata after, Instant at) {
    boolean changed = false;
    for (StreamPlan plan : session.currentPlans()) {
      if (!plan.isRecorded()) {
        continue;
      }
      Set<String> was = ids(before.sendersOnLabel(plan.label()));
      Set<String> now = ids(after.sendersOnLabel(plan.label()));
      for (Participant participant : after.sendersOnLabel(plan.label())) {
        if (!was.contains(participant.id())) {
          session.addEvent(
              event(
                  session,
                  at,
                  "participant.joined",
                  plan.index(),
                  participant.id(),
                  who(participant)));
          changed = true;
        }
      }
      for (Participant participant : before.sendersOnLabel(plan.label())) {
        if (!now.contains(participant.id())) {
          session.addEvent(
              event(
                  session,
                  at,
                  "participant.left",
                  plan.index(),
                  participant.id(),
                  who(participant)));
          changed = true;
        }
      }
    }
    return changed;
  }

  private List<AnsweredStream> applyOffer(RecordingSession session, SessionUpdate update) {
    List<StreamPlan> current = session.currentPlans();
    List<StreamPlan> next = new ArrayList<>();
    List<AnsweredStream> answer = new ArrayList<>();
    List<Integer> paused = new ArrayList<>();
    List<Integer> resumed = new ArrayList<>();
    boolean allInactive =
        update.streams().stream().noneMatch(s -> s.direction().offererSends() && s.port() != 0);
    for (OfferedStream offered : update.streams()) {
      int index = offered.index();
      if (index >= current.size()) {
        // RFC 3264 §8.1 lets an offer add m-lines; ports were reserved for the original ones,
        // so a new stream is declined (port 0), never half-recorded.
        StreamPlan declined = StreamPlan.declined(offered, "stream added mid-call; not recorded");
        next.add(declined);
        answer.add(new AnsweredStream(declined, 0));
        continue;
      }
      StreamPlan was = current.get(index);
      if (!was.isRecorded()) {
        StreamPlan declined = StreamPlan.declined(offered, was.declineReason());
        next.add(declined);
        answer.add(new AnsweredStream(declined, 0));
        continue;
      }
      SrtpReoffer srtp = SrtpReoffer.decide(was, offered, sdes);
      boolean codecOffered = stillOffersPrimary(offered, was.payloadType());
      boolean stillOffered = codecOffered && srtp.heldBecause() == null;
      boolean sending = stillOffered && offered.port() != 0 && offered.direction().offererSends();
      MediaDirection answerDirection =
          stillOffered ? offered.direction().recorderAnswer() : MediaDirection.INACTIVE;
      StreamPlan plan = was.with(offered, answerDirection, srtp.keys(), srtp.answer());
      if (srtp.rekey()) {
        // RFC 4568 §7.1.4: new keys in a new offer; the media side switches to them.
        session.media().rekey(index, srtp.keys());
        session.addEvent(
            event(
                session, update.receivedAt(), "srtp.rekeyed", index, null, srtp.rekeyDetail(was)));
      }
      boolean wasSending = was.direction() == MediaDirection.RECVONLY;
      if (wasSending && !sending) {
        session.media().setPaused(index, true, allInactive ? GapCause.PAUSE : GapCause.HOLD);
        paused.add(index);
        session.addEvent(
            event(
                session,
                update.receivedAt(),
                allInactive ? "stream.paused" : "stream.held",
                index,
                null,
                codecOffered
                    ? srtp.heldBecause()
                    : "codec " + was.codec().encodingName() + " no longer offered"));
      } else if (!wasSending && sending) {
        session.media().setPaused(index, false, GapCause.PAUSE);
        resumed.add(index);
        session.addEvent(event(session, update.receivedAt(), "stream.resumed", index, null, null));
      }
      next.add(plan);
      answer.add(new AnsweredStream(plan, session.media().rtpPort(index)));
    }
    // m-lines cannot be removed (RFC 3264 §8.1); keep any the offer omitted as they were.
    for (int i = update.streams().size(); i < current.size(); i++) {
      next.add(current.get(i));
    }
    session.replacePlans(next);
    if (!paused.isEmpty()) {
      publish.accept(new RecordingEvent.Paused(session.id(), session.callId(), paused));
    }
    if (!resumed.isEmpty()) {
      publish.accept(new RecordingEvent.Resumed(session.id(), session.callId(), resumed));
    }
    return answer;
  }

  private static boolean stillOffersPrimary(OfferedStream offered, int payloadType) {
    for (OfferedFormat format : offered.formats()) {
      if (format.payloadType() == payloadType) {
        return true;
      }
    }
    return false;
  }

  private static TimelineEvent event(
      RecordingSession session,
      Instant at,
      String type,
      int streamIndex,
      String participantId,
      String detail) {
    // The offset is rebased on the media origin when the summary is built.
    return new TimelineEvent(
        at, Duration.between(session.invitedAt(), at), type, streamIndex, participantId, detail);
  }

  private static Set<String> ids(List<Participant> participants) {
    return participants.stream().map(Participant::id).collect(Collectors.toSet());
  }

  private static String who(Participant participant) {
    String aor = participant.primaryAor();
    return aor != null ? aor : participant.id();
  }
}
