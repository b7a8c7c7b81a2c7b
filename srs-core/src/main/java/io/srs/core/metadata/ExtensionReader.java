package io.srs.core.metadata;

/**
 * Decides what happens to a child no reader knows: extension data is kept verbatim, anything else
 * of the recording namespaces (a future element, a vendor's {@code channel} or {@code role}) is
 * skipped.
 */
final class ExtensionReader {
  private ExtensionReader() {}

  /**
   * Keeps the current element as {@link ExtensionData} when it is an {@code extensiondata} element
   * or belongs to another namespace (RFC 7865 §6.11; vendors also put theirs unwrapped, e.g.
   * Oracle's {@code apkt:ucid}); skips it otherwise.
   *
   * @param owner the id of the element it sits in, or null at the root
   */
  static void keepOrSkip(XmlCursor cursor, ModelBuilder model, String owner)
      throws MetadataException {
    if (!cursor.inRecordingNamespace()) {
      keep(cursor, model, owner);
    } else if (cursor.is(RecordingXml.EXTENSION_DATA)) {
      // BroadWorks names the owner in a parent attribute, at the root as well.
      String parent = cursor.attribute(RecordingXml.PARENT);
      keep(cursor, model, parent != null ? parent : owner);
    } else {
      cursor.skip();
    }
  }

  private static void keep(XmlCursor cursor, ModelBuilder model, String parent)
      throws MetadataException {
    String namespace = cursor.namespaceUri();
    String name = cursor.localName();
    model.extensions.add(new ExtensionData(parent, namespace, name, cursor.captureElement()));
  }
}
