package io.srs.sip.handler;

import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RawMetadata;
import io.srs.core.service.RecordingOffer;
import io.srs.sip.message.HeaderMap;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.multipart.BodyPart;
import io.srs.sip.sdp.SdpException;
import io.srs.sip.sdp.SdpParser;
import io.srs.sip.sdp.SessionDescription;
import io.srs.sip.siprec.InviteBody;
import io.srs.sip.siprec.InviteBodyDecoder;
import io.srs.sip.siprec.InviteBodyException;
import io.srs.sip.siprec.MetadataDecoder;
import io.srs.sip.siprec.SiprecClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an initial INVITE into a {@link RecordingOffer}, or refuses it with the response that says
 * why. Pure apart from the injected metadata decoder. The order follows RFC 3261 §8.2: content
 * (415) first, then what the content means (403 not SIPREC, 400 broken, 413 too large). Metadata
 * that is merely malformed is not refused here: the offer carries the problem and core's metadata
 * policy decides ({@link MetadataReader}); an INVITE without metadata is offered as is (core flags
 * it {@code metadata-missing}).
 */
final class InviteReader {
  private static final Logger log = LoggerFactory.getLogger(InviteReader.class);

  static final String NO_OFFER =
      "INVITE without an SDP offer is not supported (offerless INVITE is out of scope)";

  /** The offer and the SDP it came from (kept to write the answer). */
  record Read(RecordingOffer offer, SessionDescription sdp) {}

  private final InviteBodyDecoder bodyDecoder;
  private final SdpParser sdpParser;
  private final MetadataReader metadataReader;

  InviteReader(int maxBodyBytes, SdpParser sdpParser, MetadataDecoder metadataDecoder) {
    this.bodyDecoder = new InviteBodyDecoder(maxBodyBytes);
    this.sdpParser = sdpParser;
    this.metadataReader = new MetadataReader(metadataDecoder);
  }

  /** The metadata part reader, shared with the in-dialog handlers (same 413/400/problem split). */
  MetadataReader metadataReader() {
    return metadataReader;
  }

  Read read(InboundRequest request) throws Refusal {
    InviteBody body = body(request);
    if (!SiprecClassifier.isSiprec(request.headers(), body)) {
      throw new Refusal(Replies.of(403).withReason(SiprecClassifier.NOT_SIPREC_REASON));
    }
    if (!body.hasOffer()) {
      throw new Refusal(Replies.error(400, NO_OFFER));
    }
    SessionDescription sdp = sdp(sdpParser, body.sdp());
    RawMetadata raw = null;
    RecordingMetadata metadata = RecordingMetadata.EMPTY;
    String problem = null;
    if (body.hasMetadata()) {
      MetadataReader.Read part = metadataReader.read(body.metadata());
      raw = new RawMetadata(1, request.receivedAt(), part.contentType(), part.body());
      if (part.metadata() != null) {
        metadata = part.metadata();
      }
      problem = part.problem();
    }
    HeaderMap headers = HeaderMap.of(request.headers());
    if (headers.clipped()) {
      log.info(
          "{}: kept headers within bounds; dropped {} names and {} values, cut {} values",
          request,
          headers.droppedNames(),
          headers.droppedValues(),
          headers.truncatedValues());
    }
    RecordingOffer offer =
        new RecordingOffer(
            request.callId(),
            request.fromUri(),
            request.toUri(),
            request.source(),
            request.receivedAt(),
            sdp.offeredStreams(),
            raw,
            metadata,
            headers.headers(),
            problem);
    return new Read(offer, sdp);
  }

  /** The body of an INVITE or re-INVITE, or the 4xx that refuses it. */
  InviteBody body(InboundRequest request) throws Refusal {
    try {
      return bodyDecoder.decode(request.headers(), request.body());
    } catch (InviteBodyException e) {
      var reply = Replies.error(e.kind().status(), e.getMessage());
      if (e.kind() == InviteBodyException.Kind.UNSUPPORTED_MEDIA_TYPE) {
        // RFC 3261 §21.4.13: a 415 lists what we accept.
        reply =
            reply
                .withHeader("Accept", SipCapabilities.ACCEPT)
                .withHeader("Accept-Encoding", "identity");
      }
      throw new Refusal(reply);
    }
  }

  static SessionDescription sdp(SdpParser parser, BodyPart part) throws Refusal {
    try {
      return parser.parse(part.content());
    } catch (SdpException e) {
      throw new Refusal(Replies.error(400, e.getMessage()));
    }
  }
}
