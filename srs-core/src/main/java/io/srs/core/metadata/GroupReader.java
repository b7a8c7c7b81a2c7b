package io.srs.core.metadata;

import java.time.Instant;

/** Reads RFC 7865 §6.2 {@code group}: its id, its times and its extension data. */
final class GroupReader {
  private GroupReader() {}

  static void read(XmlCursor cursor, ModelBuilder model) throws MetadataException {
    String id = cursor.requiredAttribute(RecordingXml.GROUP_ID, RecordingXml.DRAFT_ID);
    Instant associated = null;
    Instant disassociated = null;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.ASSOCIATE_TIME)) {
        associated = MetadataTimes.parse(cursor.text());
      } else if (cursor.is(RecordingXml.DISASSOCIATE_TIME)) {
        disassociated = MetadataTimes.parse(cursor.text());
      } else {
        ExtensionReader.keepOrSkip(cursor, model, id);
      }
    }
    model.groups.add(new MetadataGroup(id, associated, disassociated));
  }
}
