package io.srs.core.metadata;

/**
 * Reads RFC 7865 §6.6 {@code stream}. Named for the element, not to be confused with StAX's stream
 * reader.
 */
final class StreamElementReader {
  private StreamElementReader() {}

  static MetadataStream read(XmlCursor cursor) throws MetadataException {
    String id = cursor.requiredAttribute(RecordingXml.STREAM_ID);
    String sessionId = cursor.attribute(RecordingXml.SESSION_ID);
    String label = null;
    int level = cursor.depth();
    while (cursor.nextChild(level)) {
      if (cursor.is(RecordingXml.LABEL) && label == null) {
        // RFC 4574 a=label: opaque, matched exactly against the SDP.
        String text = cursor.text();
        label = text.isEmpty() ? null : text;
      } else {
        cursor.skip();
      }
    }
    return new MetadataStream(id, sessionId, label);
  }
}
