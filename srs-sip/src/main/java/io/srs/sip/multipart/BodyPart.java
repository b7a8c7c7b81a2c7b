package io.srs.sip.multipart;

import io.srs.sip.message.SipHeaders;
import java.util.Objects;

/**
 * One body part of a {@code multipart/mixed} body (RFC 2046 §5.1), or a whole single-part body.
 *
 * @param contentType the parsed Content-Type ({@code text/plain} when the part has none, RFC 2046
 *     §5.1)
 * @param rawContentType the Content-Type exactly as sent, or null when absent
 * @param headers the part's own header fields
 * @param content the part's content bytes, exactly as received
 */
public record BodyPart(
    ContentType contentType, String rawContentType, SipHeaders headers, byte[] content) {

  public BodyPart {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(headers, "headers");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int length() {
    return content.length;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return contentType.mediaType() + " (" + content.length + " bytes)";
  }
}
