package io.srs.core.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the root {@code recording} element (RFC 7865 §6) and hands each known child to the reader
 * of its family. Unknown children, and children of other namespaces (extension data, §6.11), are
 * skipped. Groups and the session/participant/recording association elements are not modelled yet.
 */
final class RecordingReader {
  private RecordingReader() {}

  /** Reads the root; the cursor is on its start tag and is left on its end tag. */
  static RecordingMetadata read(XmlCursor cursor) throws MetadataException {
    if (!cursor.is(RecordingXml.RECORDING)) {
      throw cursor.malformed(
          "expected root element <recording> in namespace "
              + RecordingXml.NAMESPACE
              + " (or none) but saw <"
              + cursor.qualifiedName()
              + ">");
    }
    DataMode dataMode = null;
    List<MetadataSession> sessions = new ArrayList<>();
    List<Participant> participants = new ArrayList<>();
    List<MetadataStream> streams = new ArrayList<>();
    List<ParticipantStreamAssociation> associations = new ArrayList<>();
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (!cursor.inRecordingNamespace()) {
        cursor.skip();
        continue;
      }
      String name = cursor.localName();
      if (name.equalsIgnoreCase(RecordingXml.DATA_MODE)) {
        DataMode read = readDataMode(cursor);
        dataMode = dataMode == null ? read : dataMode;
      } else if (name.equals(RecordingXml.SESSION)) {
        sessions.add(SessionReader.read(cursor));
      } else if (name.equals(RecordingXml.PARTICIPANT)) {
        participants.add(ParticipantReader.read(cursor));
      } else if (name.equals(RecordingXml.STREAM)) {
        streams.add(StreamElementReader.read(cursor));
      } else if (name.equals(RecordingXml.PARTICIPANT_STREAM_ASSOC)) {
        associations.add(ParticipantStreamAssocReader.read(cursor));
      } else {
        cursor.skip();
      }
    }
    return new RecordingMetadata(
        dataMode == null ? DataMode.COMPLETE : dataMode,
        sessions,
        participants,
        streams,
        associations);
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
