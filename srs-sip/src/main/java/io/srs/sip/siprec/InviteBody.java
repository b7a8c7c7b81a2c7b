package io.srs.sip.siprec;

import io.srs.sip.multipart.BodyPart;

/**
 * The parts of an INVITE body that matter to a recorder.
 *
 * @param sdp the {@code application/sdp} part, or null when the INVITE offers nothing
 * @param metadata the {@code application/rs-metadata+xml} (or {@code application/rs-metadata})
 *     part, or null
 */
public record InviteBody(BodyPart sdp, BodyPart metadata) {

  public static final InviteBody EMPTY = new InviteBody(null, null);

  public boolean hasOffer() {
    return sdp != null;
  }

  public boolean hasMetadata() {
    return metadata != null;
  }
}
