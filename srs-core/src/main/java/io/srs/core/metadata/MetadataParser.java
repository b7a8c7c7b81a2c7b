package io.srs.core.metadata;

/**
 * Parses an RFC 7865 metadata document into {@link RecordingMetadata}. Hardened: no DTD, no entity
 * expansion beyond XML's five, bounded size, depth and element count.
 */
public final class MetadataParser {
  private final MetadataLimits limits;

  public MetadataParser(MetadataLimits limits) {
    this.limits = limits;
  }

  /**
   * Parses one body.
   *
   * @throws MetadataException with a one-line reason when the body is refused
   */
  public RecordingMetadata parse(byte[] body) throws MetadataException {
    throw new MetadataException(
        MetadataException.Kind.MALFORMED, "metadata parsing not implemented (" + limits + ")");
  }
}
