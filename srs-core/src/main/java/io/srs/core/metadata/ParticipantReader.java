package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.List;

/** Reads RFC 7865 §6.5 {@code participant} and its {@code nameID} children. */
final class ParticipantReader {
  private ParticipantReader() {}

  static Participant read(XmlCursor cursor) throws MetadataException {
    // Ids are kept as sent: SRCs use base64 (the RFC), E.164 numbers, UUIDs or hex.
    String id = cursor.requiredAttribute(RecordingXml.PARTICIPANT_ID);
    List<NameId> nameIds = new ArrayList<>();
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.NAME_ID)) {
        nameIds.add(readNameId(cursor));
      } else {
        cursor.skip();
      }
    }
    return new Participant(id, nameIds);
  }

  /**
   * {@code <nameID aor="sip:bob@biloxi.com"><name xml:lang="it">Bob</name></nameID>}: the schema
   * allows several names (one per language); the first non-empty one is kept.
   */
  private static NameId readNameId(XmlCursor cursor) throws MetadataException {
    String aor = cursor.requiredAttribute(RecordingXml.AOR);
    String name = null;
    String lang = null;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.NAME) && name == null) {
        String language = cursor.language();
        String text = cursor.text();
        if (!text.isEmpty()) {
          name = text;
          lang = language;
        }
      } else {
        cursor.skip();
      }
    }
    return new NameId(aor, name, lang);
  }
}
