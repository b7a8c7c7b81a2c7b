package io.srs.core.metadata;

import java.time.Instant;

/**
 * When a participant joined and left a stream, read from the associations of one model (RFC 7865
 * §6.8 and §6.9). Pure functions over {@link RecordingMetadata}.
 */
final class Associations {
  private Associations() {}

  /**
   * True when {@code assoc} makes its participant a sender on {@code stream} now: the association
   * has not ended, names the stream in {@code send}, and the participant has not left the stream's
   * session.
   */
  static boolean sendsNow(
      RecordingMetadata metadata, ParticipantStreamAssociation assoc, MetadataStream stream) {
    return assoc.isCurrent()
        && assoc.send().contains(stream.id())
        && !leftSession(metadata, assoc.participantId(), stream.sessionId());
  }

  /**
   * True when every association of the participant with the session (with any session when the
   * stream names none) has ended; false when there is none, since many SRCs send no {@code
   * participantsessionassoc} at all.
   */
  static boolean leftSession(RecordingMetadata metadata, String participantId, String sessionId) {
    boolean any = false;
    for (ParticipantSessionAssociation assoc : metadata.participantSessions()) {
      if (assoc.participantId().equals(participantId) && sameSession(sessionId, assoc)) {
        if (assoc.isCurrent()) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * When the participant began sending on the stream, as the metadata says: the {@code
   * associate-time} of the current stream association, else that of the current session
   * association; null when the metadata does not say.
   */
  static Instant joinedAt(RecordingMetadata metadata, String participantId, MetadataStream stream) {
    for (ParticipantStreamAssociation assoc : metadata.participantStreams()) {
      if (assoc.participantId().equals(participantId)
          && sendsNow(metadata, assoc, stream)
          && assoc.associateTime() != null) {
        return assoc.associateTime();
      }
    }
    for (ParticipantSessionAssociation assoc : metadata.participantSessions()) {
      if (assoc.participantId().equals(participantId)
          && assoc.isCurrent()
          && sameSession(stream.sessionId(), assoc)) {
        return assoc.associateTime();
      }
    }
    return null;
  }

  /**
   * When the participant stopped sending on the stream, as the metadata says: the latest {@code
   * disassociate-time} of an ended stream association naming it, else of an ended session
   * association; null when the metadata does not say.
   */
  static Instant leftAt(RecordingMetadata metadata, String participantId, MetadataStream stream) {
    Instant latest = null;
    for (ParticipantStreamAssociation assoc : metadata.participantStreams()) {
      if (assoc.participantId().equals(participantId)
          && !assoc.isCurrent()
          && assoc.send().contains(stream.id())) {
        latest = later(latest, assoc.disassociateTime());
      }
    }
    if (latest != null) {
      return latest;
    }
    for (ParticipantSessionAssociation assoc : metadata.participantSessions()) {
      if (assoc.participantId().equals(participantId)
          && !assoc.isCurrent()
          && sameSession(stream.sessionId(), assoc)) {
        latest = later(latest, assoc.disassociateTime());
      }
    }
    return latest;
  }

  private static boolean sameSession(String sessionId, ParticipantSessionAssociation assoc) {
    return sessionId == null || sessionId.equals(assoc.sessionId());
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
