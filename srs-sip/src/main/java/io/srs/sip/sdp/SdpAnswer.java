package io.srs.sip.sdp;

import io.srs.core.service.OfferDecision.AnsweredStream;
import java.util.List;
import java.util.Objects;

/**
 * What we answered in a dialog: the offer, the domain's per-m-line decision and our {@code o=}
 * identity. A dialog keeps it to answer re-INVITEs; {@link #nextVersion()} is the same answer with
 * the {@code o=} version incremented, as RFC 3264 §8 requires for every new answer.
 *
 * @param offer the offer answered
 * @param streams one per offered m-line, in order
 * @param sessionId our o= sess-id
 * @param version our o= sess-version
 */
public record SdpAnswer(
    SessionDescription offer, List<AnsweredStream> streams, long sessionId, long version) {

  public SdpAnswer {
    Objects.requireNonNull(offer, "offer");
    streams = List.copyOf(streams);
    if (streams.size() != offer.media().size()) {
      throw new IllegalArgumentException(
          "answer has "
              + streams.size()
              + " streams for "
              + offer.media().size()
              + " offered m-lines; RFC 3264 §6 wants one each");
    }
    if (sessionId < 0 || version < 0) {
      throw new IllegalArgumentException("o= sess-id and sess-version must not be negative");
    }
  }

  public SdpAnswer nextVersion() {
    return new SdpAnswer(offer, streams, sessionId, version + 1);
  }
}
