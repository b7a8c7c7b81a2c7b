package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.List;

/** Reads RFC 7865 §6.3 {@code session}: its id, its SIP Session-IDs and its group reference. */
final class SessionReader {
  private SessionReader() {}

  static MetadataSession read(XmlCursor cursor) throws MetadataException {
    String id = cursor.requiredAttribute(RecordingXml.SESSION_ID);
    List<String> sipSessionIds = new ArrayList<>();
    String groupRef = null;
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
      } else {
        cursor.skip();
      }
    }
    return new MetadataSession(id, sipSessionIds, groupRef);
  }
}
