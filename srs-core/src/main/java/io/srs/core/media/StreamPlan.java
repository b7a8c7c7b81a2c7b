package io.srs.core.media;

/**
 * What we answer for one offered m-line: recorded with a chosen codec and payload type, or declined
 * (port 0 in the answer).
 *
 * @param offer the m-line this plan answers
 * @param codec the codec we record, or null when the m-line is declined
 * @param payloadType the payload type chosen, exactly as offered; -1 when declined
 * @param direction the direction we answer with
 * @param declineReason why the m-line is declined, or null when recorded
 */
public record StreamPlan(
    OfferedStream offer,
    Codec codec,
    int payloadType,
    MediaDirection direction,
    String declineReason) {

  public static StreamPlan recorded(OfferedStream offer, Codec codec, int payloadType) {
    return new StreamPlan(offer, codec, payloadType, offer.direction().recorderAnswer(), null);
  }

  public static StreamPlan declined(OfferedStream offer, String reason) {
    return new StreamPlan(offer, null, -1, MediaDirection.INACTIVE, reason);
  }

  public boolean isRecorded() {
    return codec != null;
  }

  public int index() {
    return offer.index();
  }

  public String label() {
    return offer.label();
  }
}
