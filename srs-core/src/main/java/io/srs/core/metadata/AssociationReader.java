package io.srs.core.metadata;

import java.time.Instant;

/**
 * Reads RFC 7865 §6.7 {@code sessionrecordingassoc} and §6.8 {@code participantsessionassoc}:
 * references by id and the times the association began and ended.
 */
final class AssociationReader {
  private AssociationReader() {}

  static void readSessionRecording(XmlCursor cursor, ModelBuilder model) throws MetadataException {
    String sessionId =
        cursor.requiredAttribute(RecordingXml.SESSION_ID, RecordingXml.DRAFT_SESSION);
    Times times = readTimes(cursor, model, sessionId);
    model.sessionRecordings.add(
        new SessionRecordingAssociation(sessionId, times.associated, times.disassociated));
  }

  static void readParticipantSession(XmlCursor cursor, ModelBuilder model)
      throws MetadataException {
    String participantId =
        cursor.requiredAttribute(RecordingXml.PARTICIPANT_ID, RecordingXml.DRAFT_PARTICIPANT);
    String sessionId =
        cursor.requiredAttribute(RecordingXml.SESSION_ID, RecordingXml.DRAFT_SESSION);
    Times times = readTimes(cursor, model, participantId);
    model.participantSessions.add(
        new ParticipantSessionAssociation(
            participantId, sessionId, times.associated, times.disassociated));
  }

  private static Times readTimes(XmlCursor cursor, ModelBuilder model, String owner)
      throws MetadataException {
    Times times = new Times();
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.ASSOCIATE_TIME)) {
        times.associated = MetadataTimes.parse(cursor.text());
      } else if (cursor.is(RecordingXml.DISASSOCIATE_TIME)) {
        times.disassociated = MetadataTimes.parse(cursor.text());
      } else {
        ExtensionReader.keepOrSkip(cursor, model, owner);
      }
    }
    return times;
  }

  /** The two times an association element may carry; either may be absent. */
  private static final class Times {
    Instant associated;
    Instant disassociated;
  }
}
