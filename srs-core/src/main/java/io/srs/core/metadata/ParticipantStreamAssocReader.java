package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 7865 §6.9 {@code participantstreamassoc}: the stream ids a participant sends on ({@code
 * send}) and receives ({@code recv}). Association times are not modelled yet.
 */
final class ParticipantStreamAssocReader {
  private ParticipantStreamAssocReader() {}

  static ParticipantStreamAssociation read(XmlCursor cursor) throws MetadataException {
    String participantId = cursor.requiredAttribute(RecordingXml.PARTICIPANT_ID);
    List<String> send = new ArrayList<>();
    List<String> recv = new ArrayList<>();
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.SEND)) {
        addIfPresent(send, cursor.text());
      } else if (cursor.is(RecordingXml.RECV)) {
        addIfPresent(recv, cursor.text());
      } else {
        cursor.skip();
      }
    }
    return new ParticipantStreamAssociation(participantId, send, recv);
  }

  private static void addIfPresent(List<String> ids, String id) {
    if (!id.isEmpty()) {
      ids.add(id);
    }
  }
}
