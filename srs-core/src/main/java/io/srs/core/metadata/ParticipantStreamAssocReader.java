package io.srs.core.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 7865 §6.9 {@code participantstreamassoc}: the stream ids a participant sends on ({@code
 * send}) and receives ({@code recv}), and when that began and ended.
 */
final class ParticipantStreamAssocReader {
  private ParticipantStreamAssocReader() {}

  static void read(XmlCursor cursor, ModelBuilder model) throws MetadataException {
    String participantId =
        cursor.requiredAttribute(RecordingXml.PARTICIPANT_ID, RecordingXml.DRAFT_PARTICIPANT);
    List<String> send = new ArrayList<>();
    List<String> recv = new ArrayList<>();
    Instant associated = null;
    Instant disassociated = null;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.SEND)) {
        addIfPresent(send, cursor.text());
      } else if (cursor.is(RecordingXml.RECV)) {
        addIfPresent(recv, cursor.text());
      } else if (cursor.is(RecordingXml.ASSOCIATE_TIME)) {
        associated = MetadataTimes.parse(cursor.text());
      } else if (cursor.is(RecordingXml.DISASSOCIATE_TIME)) {
        disassociated = MetadataTimes.parse(cursor.text());
      } else {
        ExtensionReader.keepOrSkip(cursor, model, participantId);
      }
    }
    model.participantStreams.add(
        new ParticipantStreamAssociation(participantId, send, recv, associated, disassociated));
  }

  static void addIfPresent(List<String> ids, String id) {
    if (!id.isEmpty()) {
      ids.add(id);
    }
  }
}
