package io.srs.core.metadata;

/**
 * Reads RFC 7865 §6.6 {@code stream}. Named for the element, not to be confused with StAX's stream
 * reader.
 */
final class StreamElementReader {
  private StreamElementReader() {}

  static void read(XmlCursor cursor, ModelBuilder model) throws MetadataException {
    String id = cursor.requiredAttribute(RecordingXml.STREAM_ID, RecordingXml.DRAFT_ID);
    String sessionId = cursor.attribute(RecordingXml.SESSION_ID, RecordingXml.DRAFT_SESSION);
    String label = null;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.LABEL) && label == null) {
        // RFC 4574 a=label: opaque, matched exactly against the SDP.
        String text = cursor.text();
        label = text.isEmpty() ? null : text;
      } else {
        ExtensionReader.keepOrSkip(cursor, model, id);
      }
    }
    model.streams.add(new MetadataStream(id, sessionId, label));
  }
}
