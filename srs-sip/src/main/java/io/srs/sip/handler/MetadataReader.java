package io.srs.sip.handler;

import io.srs.core.metadata.MetadataException;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.sip.multipart.BodyPart;
import io.srs.sip.siprec.InviteBodyDecoder;
import io.srs.sip.siprec.MetadataDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a metadata part under the split between what SIP refuses and what the domain's metadata
 * policy decides (issue 3, "Safety" and "Policy"):
 *
 * <ul>
 *   <li>too large → 413, whatever the policy (a named bound, RFC 3261 §21.4.11);
 *   <li>a forbidden construct (DOCTYPE, entities) → 400 with the parser's reason, whatever the
 *       policy: such a body is never kept;
 *   <li>malformed or too deep → not refused here: the part is passed on verbatim with the parser's
 *       one-line reason, and core's policy records it flagged (lenient) or answers 400 (strict).
 * </ul>
 */
final class MetadataReader {
  private static final Logger log = LoggerFactory.getLogger(MetadataReader.class);

  /**
   * A metadata part the domain gets to see.
   *
   * @param contentType the part's Content-Type as sent ({@code application/rs-metadata+xml} when it
   *     had none, which only a single-part body can lack)
   * @param body the part's bytes, verbatim
   * @param metadata the parsed model, or null when unusable
   * @param problem why it is unusable (one line), or null when it parsed
   */
  record Read(String contentType, byte[] body, RecordingMetadata metadata, String problem) {}

  private final MetadataDecoder decoder;

  MetadataReader(MetadataDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * @throws Refusal 413 for a body past the size bound, 400 for a forbidden construct
   */
  Read read(BodyPart part) throws Refusal {
    String contentType =
        part.rawContentType() == null ? InviteBodyDecoder.METADATA : part.rawContentType();
    byte[] body = part.content();
    try {
      return new Read(contentType, body, decoder.decode(body), null);
    } catch (MetadataException e) {
      return switch (e.kind()) {
        case TOO_LARGE -> throw new Refusal(Replies.error(413, "metadata: " + e.getMessage()));
        case FORBIDDEN_CONSTRUCT ->
            throw new Refusal(Replies.error(400, "metadata: " + e.getMessage()));
        case MALFORMED, TOO_DEEP -> new Read(contentType, body, null, e.getMessage());
      };
    } catch (RuntimeException e) {
      // The parser promises a value or a MetadataException; a bug in it must not lose the call.
      log.error("metadata parser failed on a {}-byte part", body.length, e);
      return new Read(contentType, body, null, "metadata parser failed: " + e.getClass().getName());
    }
  }
}
