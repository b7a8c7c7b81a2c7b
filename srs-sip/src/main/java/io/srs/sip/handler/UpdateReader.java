package io.srs.sip.handler;

import io.srs.core.media.OfferedStream;
import io.srs.core.service.SessionUpdate;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.sdp.SdpParser;
import io.srs.sip.sdp.SessionDescription;
import io.srs.sip.siprec.InviteBody;
import java.util.List;

/**
 * Reads a request inside a recording dialog (re-INVITE, UPDATE, BYE) into the domain's {@link
 * SessionUpdate}: the new offer's m-lines when it has SDP, the metadata part verbatim with its
 * parsed model or the reason it is unusable. Body, SDP and metadata refusals are those of the
 * initial INVITE (415, 400, 413; {@link MetadataReader}). Pure apart from the metadata decoder.
 */
final class UpdateReader {

  /**
   * @param update what the domain is asked to apply
   * @param offer the SDP offer it came from, or null when the request had none
   */
  record Read(SessionUpdate update, SessionDescription offer) {}

  private final InviteReader bodies;
  private final SdpParser sdpParser;

  UpdateReader(InviteReader bodies, SdpParser sdpParser) {
    this.bodies = bodies;
    this.sdpParser = sdpParser;
  }

  /**
   * @param readOffer false for BYE, whose SDP (if any) means nothing (RFC 3261 §15)
   */
  Read read(InboundRequest request, SessionUpdate.Trigger trigger, boolean readOffer)
      throws Refusal {
    InviteBody body = bodies.body(request);
    SessionDescription offer =
        readOffer && body.hasOffer() ? InviteReader.sdp(sdpParser, body.sdp()) : null;
    if (offer != null && offer.media().isEmpty()) {
      // RFC 3264 §8: m-lines are never removed, so an offer without any cannot be answered.
      throw new Refusal(Replies.error(488, "SDP offer has no m-lines; expected the session's"));
    }
    List<OfferedStream> streams = offer == null ? List.of() : offer.offeredStreams();
    MetadataReader.Read metadata =
        body.hasMetadata() ? bodies.metadataReader().read(body.metadata()) : null;
    SessionUpdate update =
        new SessionUpdate(
            trigger,
            request.receivedAt(),
            streams,
            metadata == null ? null : metadata.contentType(),
            metadata == null ? null : metadata.body(),
            metadata == null ? null : metadata.metadata(),
            metadata == null ? null : metadata.problem());
    return new Read(update, offer);
  }
}
