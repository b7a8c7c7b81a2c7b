package io.srs.core.metadata;

import java.util.Locale;

/**
 * Reads the root {@code recording} element (RFC 7865 §6; BroadWorks' {@code recording_metadata})
 * and hands each known child to the reader of its family. Extension data is kept verbatim; other
 * unknown children are skipped.
 */
final class RecordingReader {
  private RecordingReader() {}

  /** Reads the root; the cursor is on its start tag and is left on its end tag. */
  static RecordingMetadata read(XmlCursor cursor) throws MetadataException {
    if (!cursor.is(RecordingXml.RECORDING) && !cursor.is(RecordingXml.RECORDING_METADATA)) {
      throw cursor.malformed(
          "expected root element <recording> in namespace "
              + RecordingXml.NAMESPACE
              + " (or none) but saw <"
              + cursor.qualifiedName()
              + ">");
    }
    ModelBuilder model = new ModelBuilder();
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      readChild(cursor, model);
    }
    return model.build();
  }

  private static void readChild(XmlCursor cursor, ModelBuilder model) throws MetadataException {
    if (cursor.is(RecordingXml.DATA_MODE)) {
      DataMode read = readDataMode(cursor);
      model.dataMode = model.dataMode == null ? read : model.dataMode;
    } else if (cursor.is(RecordingXml.GROUP)) {
      GroupReader.read(cursor, model);
    } else if (cursor.is(RecordingXml.SESSION)) {
      SessionReader.read(cursor, model);
    } else if (cursor.is(RecordingXml.PARTICIPANT)) {
      ParticipantReader.read(cursor, model);
    } else if (cursor.is(RecordingXml.STREAM)) {
      StreamElementReader.read(cursor, model);
    } else if (cursor.is(RecordingXml.SESSION_RECORDING_ASSOC)) {
      AssociationReader.readSessionRecording(cursor, model);
    } else if (cursor.is(RecordingXml.PARTICIPANT_SESSION_ASSOC)) {
      AssociationReader.readParticipantSession(cursor, model);
    } else if (cursor.is(RecordingXml.PARTICIPANT_STREAM_ASSOC)) {
      ParticipantStreamAssocReader.read(cursor, model);
    } else {
      ExtensionReader.keepOrSkip(cursor, model, null);
    }
  }

  /** RFC 7865 §6.1: {@code complete} or {@code partial}; SRCs vary the case, so we do not care. */
  private static DataMode readDataMode(XmlCursor cursor) throws MetadataException {
    String value = cursor.text();
    for (DataMode mode : DataMode.values()) {
      if (mode.wireValue().equals(value.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw cursor.malformedElement(
        "is '" + Excerpt.of(value) + "'; expected 'complete' or 'partial'");
  }
}
