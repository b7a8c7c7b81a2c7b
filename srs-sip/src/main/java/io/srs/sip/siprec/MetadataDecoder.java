package io.srs.sip.siprec;

import io.srs.core.metadata.MetadataException;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.RecordingMetadata;
import java.util.Objects;

/**
 * Turns a metadata part into the RFC 7865 model. In production this is core's {@link
 * MetadataParser} ({@link #of}); the seam exists so tests can stand in for it.
 */
@FunctionalInterface
public interface MetadataDecoder {

  /**
   * @throws MetadataException with a one-line reason: {@code TOO_LARGE} becomes SIP 413, {@code
   *     FORBIDDEN_CONSTRUCT} 400; {@code MALFORMED} and {@code TOO_DEEP} are passed to the domain
   *     as the metadata problem, for its policy to decide
   */
  RecordingMetadata decode(byte[] body) throws MetadataException;

  static MetadataDecoder of(MetadataParser parser) {
    Objects.requireNonNull(parser, "parser");
    return parser::parse;
  }
}
