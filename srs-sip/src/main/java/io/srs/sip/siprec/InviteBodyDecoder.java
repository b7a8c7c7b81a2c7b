package io.srs.sip.siprec;

import io.srs.sip.message.Excerpt;
import io.srs.sip.message.SipHeaders;
import io.srs.sip.multipart.BodyPart;
import io.srs.sip.multipart.ContentType;
import io.srs.sip.multipart.MultipartException;
import io.srs.sip.multipart.MultipartParser;
import java.util.List;

/**
 * Finds the SDP offer and the recording metadata in an INVITE, re-INVITE, UPDATE or BYE body: a
 * single {@code application/sdp}, a single metadata part (updates without an offer), or a {@code
 * multipart/mixed} with an SDP part and a metadata part in either order (RFC 7866 §8.1; RFC 7865 §7
 * names the type {@code application/rs-metadata+xml}, early SRCs send {@code
 * application/rs-metadata}). Types compare case-insensitively. Other parts are ignored.
 */
public final class InviteBodyDecoder {
  public static final String SDP = "application/sdp";
  public static final String MULTIPART_MIXED = "multipart/mixed";
  public static final String METADATA = "application/rs-metadata+xml";
  public static final String METADATA_LEGACY = "application/rs-metadata";

  /** The Accept header of a 415 (RFC 3261 §21.4.13): what we can read. */
  public static final String ACCEPT =
      SDP + ", " + MULTIPART_MIXED + ", " + METADATA + ", " + METADATA_LEGACY;

  /** Parts in one INVITE body: SDP, metadata, and room for an SRC's extras. */
  public static final int MAX_PARTS = 8;

  private final int maxBodyBytes;
  private final MultipartParser multipart = new MultipartParser(MAX_PARTS);

  public InviteBodyDecoder(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * @param headers the INVITE's headers (Content-Type, Content-Encoding)
   * @param body the INVITE's body; empty for an offerless INVITE
   */
  public InviteBody decode(SipHeaders headers, byte[] body) throws InviteBodyException {
    if (body.length == 0) {
      return InviteBody.EMPTY;
    }
    if (body.length > maxBodyBytes) {
      throw new InviteBodyException(
          InviteBodyException.Kind.TOO_LARGE,
          "body is " + body.length + " bytes; the limit is " + maxBodyBytes);
    }
    for (String encoding : headers.tokens("Content-Encoding")) {
      if (!encoding.equals("identity")) {
        throw new InviteBodyException(
            InviteBodyException.Kind.UNSUPPORTED_MEDIA_TYPE,
            "Content-Encoding " + Excerpt.of(encoding) + " is not supported");
      }
    }
    String rawType =
        headers
            .first("Content-Type")
            .orElseThrow(
                () ->
                    new InviteBodyException(
                        InviteBodyException.Kind.MALFORMED,
                        "request has a body but no Content-Type"));
    ContentType type = parseType(rawType);
    if (type.is(SDP)) {
      return new InviteBody(new BodyPart(type, rawType, SipHeaders.EMPTY, body), null);
    }
    if (isMetadata(type)) {
      // A metadata-only update (UPDATE, RFC 3311; re-INVITE) may send the part alone.
      return new InviteBody(null, new BodyPart(type, rawType, SipHeaders.EMPTY, body));
    }
    if (!type.is(MULTIPART_MIXED)) {
      throw new InviteBodyException(
          InviteBodyException.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type "
              + Excerpt.of(type.mediaType())
              + " is not supported; expected "
              + SDP
              + ", "
              + METADATA
              + " or "
              + MULTIPART_MIXED);
    }
    List<BodyPart> parts;
    try {
      parts = multipart.parse(type, body);
    } catch (MultipartException e) {
      throw new InviteBodyException(InviteBodyException.Kind.MALFORMED, e.getMessage());
    }
    BodyPart sdp = null;
    BodyPart metadata = null;
    for (BodyPart part : parts) {
      if (part.contentType().is(SDP)) {
        sdp = only(sdp, part, SDP);
      } else if (isMetadata(part.contentType())) {
        metadata = only(metadata, part, METADATA);
      }
    }
    return new InviteBody(sdp, metadata);
  }

  public static boolean isMetadata(ContentType type) {
    return type.is(METADATA) || type.is(METADATA_LEGACY);
  }

  private static BodyPart only(BodyPart seen, BodyPart part, String what)
      throws InviteBodyException {
    if (seen != null) {
      throw new InviteBodyException(
          InviteBodyException.Kind.MALFORMED,
          "multipart body has more than one " + what + " part; expected one");
    }
    return part;
  }

  private static ContentType parseType(String rawType) throws InviteBodyException {
    try {
      return ContentType.parse(rawType);
    } catch (MultipartException e) {
      throw new InviteBodyException(InviteBodyException.Kind.MALFORMED, e.getMessage());
    }
  }
}
