package io.srs.core.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 7865 §6.3 {@code session}: its id, SIP Session-IDs, group reference, start and stop
 * times. The draft schema put {@code associate-time}/{@code disassociate-time} here instead of in a
 * {@code sessionrecordingassoc}; they become one.
 */
final class SessionReader {
  private SessionReader() {}

  static void read(XmlCursor cursor, ModelBuilder model) throws MetadataException {
    String id = cursor.requiredAttribute(RecordingXml.SESSION_ID, RecordingXml.DRAFT_ID);
    List<String> sipSessionIds = new ArrayList<>();
    String groupRef = null;
    Instant start = null;
    Instant stop = null;
    Instant associated = null;
    Instant disassociated = null;
    boolean draftTimes = false;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.SIP_SESSION_ID)) {
        // RFC 7989 Session-ID, e.g. "ab30...86;remote=4775...f2"; kept as sent, ends trimmed.
        String sipSessionId = cursor.text();
        if (!sipSessionId.isEmpty()) {
          sipSessionIds.add(sipSessionId);
        }
      } else if (cursor.is(RecordingXml.GROUP_REF)) {
        String ref = cursor.text();
        groupRef = groupRef == null && !ref.isEmpty() ? ref : groupRef;
      } else if (cursor.is(RecordingXml.START_TIME)) {
        start = MetadataTimes.parse(cursor.text());
      } else if (cursor.is(RecordingXml.STOP_TIME)) {
        stop = MetadataTimes.parse(cursor.text());
      } else if (cursor.is(RecordingXml.ASSOCIATE_TIME)) {
        associated = MetadataTimes.parse(cursor.text());
        draftTimes = true;
      } else if (cursor.is(RecordingXml.DISASSOCIATE_TIME)) {
        disassociated = MetadataTimes.parse(cursor.text());
        draftTimes = true;
      } else {
        ExtensionReader.keepOrSkip(cursor, model, id);
      }
    }
    model.sessions.add(new MetadataSession(id, sipSessionIds, groupRef, start, stop));
    if (draftTimes) {
      model.sessionRecordings.add(new SessionRecordingAssociation(id, associated, disassociated));
    }
  }
}
